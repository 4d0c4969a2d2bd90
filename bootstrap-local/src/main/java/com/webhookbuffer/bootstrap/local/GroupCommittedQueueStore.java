package com.webhookbuffer.bootstrap.local;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.Status;
import org.elasticmq.actor.queue.OperationSuccessful$;
import org.elasticmq.actor.queue.QueueEvent;
import org.elasticmq.persistence.sql.DBMessage;
import org.elasticmq.persistence.sql.SqlQueuePersistenceActor;
import org.elasticmq.persistence.sql.SqlQueuePersistenceConfig;
import scala.Option;
import scala.PartialFunction;
import scala.runtime.AbstractPartialFunction;
import scala.runtime.BoxedUnit;

/**
 * ElasticMQ's SQL persistence, with the message changes of concurrent requests written in one H2 transaction.
 *
 * <p>ElasticMQ answers an SQS request only after its persistence acknowledged every change the request made (a
 * message added, received, deleted). Its own store commits each change alone, and a commit is what costs in H2 (a
 * new chunk of pages written to the file). This store keeps ElasticMQ's tables and everything else it does, and
 * changes only when a message change is written: the changes waiting in its mailbox are applied in their order, in
 * one transaction, committed, and only then acknowledged. An acknowledged change is in the file exactly as before;
 * a change that cannot be written is acknowledged with the failure, so its request is never answered as done.
 *
 * <p>The tables are ElasticMQ's own ({@code message_<queue>_<hash>}, created by it when a queue is created or
 * restored); {@code KilledStackTest} proves that what this store writes, ElasticMQ restores.
 */
final class GroupCommittedQueueStore extends SqlQueuePersistenceActor {

    /** Sent to itself behind the changes already waiting, so one commit takes all of them. */
    private static final Object COMMIT = new Object();

    private final String url;
    private final List<Change> waiting = new ArrayList<>();
    private final Map<String, Statements> tables = new HashMap<>();
    private Connection connection;

    GroupCommittedQueueStore(SqlQueuePersistenceConfig config) {
        super(config, scala.collection.immutable.List$.MODULE$.empty());
        this.url = config.uri();
    }

    @Override
    public PartialFunction<Object, BoxedUnit> receive() {
        PartialFunction<Object, BoxedUnit> elasticMq = super.receive();
        return new AbstractPartialFunction<>() {
            @Override
            public boolean isDefinedAt(Object message) {
                return message == COMMIT || isMessageChange(message) || elasticMq.isDefinedAt(message);
            }

            @Override
            public BoxedUnit apply(Object message) {
                if (message == COMMIT) {
                    commitWaiting();
                } else if (isMessageChange(message)) {
                    if (waiting.isEmpty()) {
                        self().tell(COMMIT, self());
                    }
                    waiting.add(new Change((QueueEvent) message, sender()));
                } else {
                    // Anything else (a queue created, deleted or changed; a restore) after the changes before it.
                    commitWaiting();
                    if (message instanceof QueueEvent.QueueDeleted deleted) {
                        forget(deleted.queueName());
                    }
                    elasticMq.apply(message);
                }
                return BoxedUnit.UNIT;
            }
        };
    }

    private static boolean isMessageChange(Object message) {
        return message instanceof QueueEvent.MessageAdded || message instanceof QueueEvent.MessageUpdated
                || message instanceof QueueEvent.MessageRemoved;
    }

    private void commitWaiting() {
        if (waiting.isEmpty()) {
            return;
        }
        List<Change> changes = List.copyOf(waiting);
        waiting.clear();
        try {
            Connection database = connection();
            for (Change change : changes) {
                write(change.event());
            }
            database.commit();
        } catch (SQLException | RuntimeException e) {
            rollBack();
            Status.Failure failure = new Status.Failure(new IllegalStateException(
                    changes.size() + " queue changes could not be written to " + url + ": " + e, e));
            changes.forEach(change -> change.requester().tell(failure, self()));
            return;
        }
        changes.forEach(change -> change.requester().tell(OperationSuccessful$.MODULE$, self()));
    }

    private void write(QueueEvent event) throws SQLException {
        switch (event) {
            case QueueEvent.MessageAdded added -> {
                DBMessage message = DBMessage.from(added.message());
                PreparedStatement insert = statements(added.queueName()).insert();
                insert.setString(1, message.messageId());
                insert.setBytes(2, message.deliveryReceipts());
                insert.setLong(3, message.nextDelivery());
                insert.setBytes(4, message.content());
                insert.setBytes(5, message.attributes());
                insert.setLong(6, message.created());
                insert.setObject(7, orNull(message.received()));
                insert.setInt(8, message.receiveCount());
                insert.setString(9, orNull(message.groupId()));
                insert.setString(10, orNull(message.deduplicationId()));
                insert.setString(11, orNull(message.tracingId()));
                insert.setString(12, orNull(message.sequenceNumber()));
                insert.setString(13, orNull(message.deadLetterSourceQueueName()));
                insert.executeUpdate();
            }
            case QueueEvent.MessageUpdated updated -> {
                DBMessage message = DBMessage.from(updated.message());
                PreparedStatement update = statements(updated.queueName()).update();
                update.setBytes(1, message.deliveryReceipts());
                update.setLong(2, message.nextDelivery());
                update.setBytes(3, message.attributes());
                update.setObject(4, orNull(message.received()));
                update.setInt(5, message.receiveCount());
                update.setString(6, orNull(message.tracingId()));
                update.setString(7, orNull(message.sequenceNumber()));
                update.setString(8, orNull(message.deadLetterSourceQueueName()));
                update.setString(9, message.messageId());
                update.executeUpdate();
            }
            case QueueEvent.MessageRemoved removed -> {
                PreparedStatement delete = statements(removed.queueName()).delete();
                delete.setString(1, removed.messageId());
                delete.executeUpdate();
            }
            default -> throw new IllegalArgumentException("not a message change: " + event);
        }
    }

    private static <T> T orNull(Option<T> value) {
        return value.isDefined() ? value.get() : null;
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            connection = DriverManager.getConnection(url);
            connection.setAutoCommit(false);
        }
        return connection;
    }

    private Statements statements(String queueName) throws SQLException {
        Statements statements = tables.get(queueName);
        if (statements == null) {
            statements = Statements.prepare(connection(), tableOf(queueName));
            tables.put(queueName, statements);
        }
        return statements;
    }

    /** ElasticMQ drops a deleted queue's table; a queue of the same name made later gets a new one. */
    private void forget(String queueName) {
        Statements statements = tables.remove(queueName);
        if (statements != null) {
            statements.close();
        }
    }

    /** The name ElasticMQ's {@code MessageRepository} gives a queue's table. */
    static String tableOf(String queueName) {
        return "message_" + queueName.replace(".", "_").replace("-", "_") + "_"
                + Integer.toHexString(queueName.hashCode());
    }

    private void rollBack() {
        try {
            if (connection != null) {
                connection.rollback();
            }
        } catch (SQLException e) {
            closeConnection();
        }
    }

    private void closeConnection() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // Closing after a failure: the next change opens a fresh connection or fails with its own reason.
        } finally {
            connection = null;
            tables.clear();
        }
    }

    @Override
    public void postStop() throws Exception {
        commitWaiting();
        closeConnection();
        super.postStop();
    }

    private record Change(QueueEvent event, ActorRef requester) {
    }

    private record Statements(PreparedStatement insert, PreparedStatement update, PreparedStatement delete) {

        void close() {
            for (PreparedStatement statement : List.of(insert, update, delete)) {
                try {
                    statement.close();
                } catch (SQLException ignored) {
                    // The statement is dropped with its table either way.
                }
            }
        }

        static Statements prepare(Connection connection, String table) throws SQLException {
            return new Statements(
                    connection.prepareStatement("insert into " + table + " (message_id, delivery_receipts, "
                            + "next_delivery, content, attributes, created, received, receive_count, group_id, "
                            + "deduplication_id, tracing_id, sequence_number, dead_letter_source_queue_name) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                    connection.prepareStatement("update " + table + " set delivery_receipts = ?, next_delivery = ?, "
                            + "attributes = ?, received = ?, receive_count = ?, tracing_id = ?, sequence_number = ?, "
                            + "dead_letter_source_queue_name = ? where message_id = ?"),
                    connection.prepareStatement("delete from " + table + " where message_id = ?"));
        }
    }
}
