/**
 * In-memory adapters for the outbound ports, with the same semantics as the real ones (SQS, PostgreSQL): the
 * domain and the use cases are tested against them without AWS or a database, and the same contract tests hold
 * both kinds to one behaviour. Thread-safe; time comes from an injected {@link java.time.Clock}, so tests never
 * sleep.
 *
 * <p>May depend on the domain only.
 */
package com.webhookbuffer.adapter.inmemory;
