/**
 * The driving side of the queue on PostgreSQL: {@code QueueConsumer}, its event source, which hands batches to the
 * worker's inbound port and deletes what the worker acknowledged.
 *
 * <p>May depend on the domain (its inbound port) and this adapter's {@code message} package; never on the driven
 * adapters beside it, nor on another adapter.
 */
package com.webhookbuffer.adapter.postgresqueue.in;
