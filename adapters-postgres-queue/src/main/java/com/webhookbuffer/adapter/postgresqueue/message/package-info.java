/**
 * The queue's tables on PostgreSQL (schema {@code webhook_queue}, migrated by Flyway from {@code db/queue}) as every
 * side reads and writes them: the storage format the driven adapters and the consumer share, as a wire format.
 *
 * <p>May depend on the domain, JDBC, the PostgreSQL driver, HikariCP and Flyway; never on another adapter.
 */
package com.webhookbuffer.adapter.postgresqueue.message;
