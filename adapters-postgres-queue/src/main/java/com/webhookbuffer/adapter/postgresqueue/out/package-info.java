/**
 * The three queue ports on PostgreSQL: {@code MessageQueue} (committing in groups, bounded), {@code
 * FailedDeliveries} and {@code DeadLetterQueue}, with SQS's semantics one to one. They translate to the queue's
 * tables; no business rule is decided here.
 *
 * <p>May depend on the domain and this adapter's {@code message} package; never on another adapter.
 */
package com.webhookbuffer.adapter.postgresqueue.out;
