package com.webhookbuffer.adapter.postgresqueue.out;

import com.webhookbuffer.adapter.postgresqueue.message.QueueTables;
import com.webhookbuffer.domain.port.out.FailedDeliveries;
import com.webhookbuffer.domain.queue.Delivery;
import java.time.Duration;
import java.util.Objects;

/**
 * {@link FailedDeliveries} on PostgreSQL: a retry moves the message's {@code visible_at}, a dead letter moves the
 * row to {@code dead_letters} with its reason, each in one statement and only while the delivery's receipt is
 * still the current one.
 */
public final class PostgresFailedDeliveries implements FailedDeliveries {

    private final QueueTables tables;

    public PostgresFailedDeliveries(QueueTables tables) {
        this.tables = Objects.requireNonNull(tables, "tables must not be null");
    }

    @Override
    public void retryLater(Delivery delivery, Duration delay) {
        tables.changeVisibility(delivery, delay);
    }

    @Override
    public boolean deadLetter(Delivery delivery, String reason) {
        return tables.bury(delivery, reason);
    }
}
