package com.webhookbuffer.adapter.persistence;

import com.webhookbuffer.domain.queue.Delivery;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * What {@link MyBatisOrderRepository} runs inside a batch's transaction just before it commits, given the
 * deliveries whose items it acknowledged: where the queue lives in the same database, their deletion, so a message
 * goes if and only if its write commits. An {@link SQLException} rolls the whole batch back, and its SQLSTATE says
 * whether that is worth a retry (see {@link SqlFailure}).
 */
@FunctionalInterface
public interface AcknowledgeInTransaction {

    /** The queue lives elsewhere: nothing to do in the write's transaction. */
    AcknowledgeInTransaction NOTHING = (connection, acknowledged) -> {};

    void acknowledge(Connection connection, List<Delivery> acknowledged) throws SQLException;
}
