package com.webhookbuffer.adapter.postgresqueue.message;

import com.webhookbuffer.domain.queue.DeadLetter;
import com.webhookbuffer.domain.queue.Delivery;
import com.webhookbuffer.domain.queue.Envelope;
import com.webhookbuffer.domain.queue.QueueUnavailableException;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The queue's tables in schema {@value #SCHEMA}, read and written as SQS would: what the door, the worker's
 * settlements, the operator and the consumer share. One {@link Envelope} is one row: its body as UTF-8 bytes, its
 * attributes as two parallel arrays.
 *
 * <p>Every statement takes a connection from {@code database} and gives it back; a failure to reach the database
 * is a {@link QueueUnavailableException}. The one exception is {@link #deleteWithin}, which runs inside a
 * transaction its caller owns.
 */
public final class QueueTables {

    public static final String SCHEMA = "webhook_queue";

    /** The SQLSTATE {@link #deleteWithin} fails with when a receipt is no longer current: a retryable failure. */
    public static final String RECEIPT_EXPIRED = "40001";

    // A received message whose receive count has reached the limit goes to the dead letters instead (SQS's redrive
    // policy); the others become invisible for the visibility timeout, with one more receive and a new receipt.
    private static final String RECEIVE = """
        WITH picked AS (
            SELECT id, receive_count FROM webhook_queue.messages
            WHERE visible_at <= clock_timestamp()
            ORDER BY visible_at, id
            LIMIT ?
            FOR UPDATE SKIP LOCKED),
        exhausted AS (
            DELETE FROM webhook_queue.messages m USING picked p
            WHERE m.id = p.id AND p.receive_count >= ?
            RETURNING m.id, m.body, m.attribute_names, m.attribute_values, m.enqueued_at, m.receive_count),
        buried AS (
            INSERT INTO webhook_queue.dead_letters
                (message_id, body, attribute_names, attribute_values, enqueued_at, receive_count)
            SELECT id, body, attribute_names, attribute_values, enqueued_at, receive_count FROM exhausted)
        UPDATE webhook_queue.messages m
        SET visible_at = clock_timestamp() + make_interval(secs => ?),
            receive_count = m.receive_count + 1,
            receipt = gen_random_uuid()
        FROM picked p
        WHERE m.id = p.id AND p.receive_count < ?
        RETURNING m.id, m.body, m.attribute_names, m.attribute_values, m.receive_count, m.receipt\
        """;

    private static final String DELETE = """
        DELETE FROM webhook_queue.messages m
        USING unnest(?::bigint[], ?::uuid[]) AS settled(id, receipt)
        WHERE m.id = settled.id AND m.receipt = settled.receipt\
        """;

    private final DataSource database;
    private final Duration visibilityTimeout;
    private final int maxReceiveCount;

    /**
     * @param visibilityTimeout how long a received message stays invisible (SQS: the queue's visibility timeout)
     * @param maxReceiveCount   receives after which the next one moves the message to the dead letters
     */
    public QueueTables(DataSource database, Duration visibilityTimeout, int maxReceiveCount) {
        this.database = Objects.requireNonNull(database, "database must not be null");
        if (visibilityTimeout.isNegative() || visibilityTimeout.isZero()) {
            throw new IllegalArgumentException("visibilityTimeout must be positive, was: " + visibilityTimeout);
        }
        if (maxReceiveCount < 1) {
            throw new IllegalArgumentException("maxReceiveCount must be >= 1, was: " + maxReceiveCount);
        }
        this.visibilityTimeout = visibilityTimeout;
        this.maxReceiveCount = maxReceiveCount;
    }

    /** Inserts every envelope in one transaction, committed before it returns: their message ids, in order. */
    public List<String> insert(List<Envelope> envelopes) {
        return inTransaction("publish " + envelopes.size() + " message(s)", connection -> {
            List<String> ids = new ArrayList<>(envelopes.size());
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO webhook_queue.messages (body, attribute_names, attribute_values) VALUES (?, ?, ?)",
                    new String[] {"id"})) {
                for (Envelope envelope : envelopes) {
                    bind(connection, insert, 1, envelope);
                    insert.addBatch();
                }
                insert.executeBatch();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    while (keys.next()) {
                        ids.add(Long.toString(keys.getLong(1)));
                    }
                }
            }
            if (ids.size() != envelopes.size()) {
                throw new SQLException("inserted " + envelopes.size() + " messages but got " + ids.size() + " ids");
            }
            return ids;
        });
    }

    /**
     * Receives up to {@code maxMessages} visible messages, oldest first; none waiting is an empty list.
     *
     * <p>Committed without waiting for the disk: a receive lost in a crash only makes its messages visible again
     * sooner, with one receive fewer counted (at least once still holds), and any later commit that waits for the
     * disk (the batch's write) flushes it first, since the log is written in order.
     */
    public List<Delivery> receive(int maxMessages) {
        return inTransaction("receive", connection -> {
            withoutWaitingForTheDisk(connection);
            List<Delivery> received = new ArrayList<>();
            try (PreparedStatement receive = connection.prepareStatement(RECEIVE)) {
                receive.setInt(1, maxMessages);
                receive.setInt(2, maxReceiveCount);
                receive.setDouble(3, visibilityTimeout.toMillis() / 1000.0);
                receive.setInt(4, maxReceiveCount);
                try (ResultSet rows = receive.executeQuery()) {
                    while (rows.next()) {
                        received.add(new Delivery(
                                Long.toString(rows.getLong("id")),
                                rows.getString("receipt"),
                                rows.getInt("receive_count"),
                                envelope(rows)));
                    }
                }
            }
            received.sort(Comparator.comparingLong(delivery -> Long.parseLong(delivery.messageId())));
            return received;
        });
    }

    /** Deletes the deliveries whose receipt is still current; a stale one is left alone. How many went. */
    public int delete(List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return 0;
        }
        return inTransaction("delete " + deliveries.size() + " message(s)", c -> runDelete(c, deliveries));
    }

    /**
     * Deletes the deliveries in the caller's transaction, so they go if and only if what the caller wrote commits:
     * processing exactly once. A receipt no longer current (its visibility timeout passed, and another consumer
     * has the message now) fails with SQLSTATE {@value #RECEIPT_EXPIRED}, so the caller rolls everything back.
     */
    public static void deleteWithin(Connection connection, List<Delivery> deliveries) throws SQLException {
        if (deliveries.isEmpty()) {
            return;
        }
        int deleted = runDelete(connection, deliveries);
        if (deleted != deliveries.size()) {
            throw new SQLException(
                    (deliveries.size() - deleted) + " of " + deliveries.size()
                            + " deliveries are no longer held (their visibility timeout passed)",
                    RECEIPT_EXPIRED);
        }
    }

    private static int runDelete(Connection connection, List<Delivery> deliveries) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
            Long[] ids = new Long[deliveries.size()];
            String[] receipts = new String[deliveries.size()];
            for (int i = 0; i < deliveries.size(); i++) {
                ids[i] = Long.parseLong(deliveries.get(i).messageId());
                receipts[i] = deliveries.get(i).receipt();
            }
            delete.setArray(1, connection.createArrayOf("bigint", ids));
            delete.setArray(2, connection.createArrayOf("uuid", receipts));
            return delete.executeUpdate();
        }
    }

    /** Makes a delivered message visible again after {@code delay}; a stale receipt changes nothing. */
    public void changeVisibility(Delivery delivery, Duration delay) {
        inTransaction("change visibility", connection -> {
            // A new visibility lost in a crash only brings the message back sooner: see receive.
            withoutWaitingForTheDisk(connection);
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE webhook_queue.messages SET visible_at = clock_timestamp() + make_interval(secs => ?)"
                            + " WHERE id = ? AND receipt = ?::uuid")) {
                update.setDouble(1, delay.toMillis() / 1000.0);
                update.setLong(2, Long.parseLong(delivery.messageId()));
                update.setString(3, delivery.receipt());
                return update.executeUpdate();
            }
        });
    }

    /** Moves a delivered message to the dead letters with {@code reason}; false when its receipt is stale. */
    public boolean bury(Delivery delivery, String reason) {
        return inTransaction("dead-letter", connection -> {
            try (PreparedStatement move = connection.prepareStatement("""
                WITH moved AS (
                    DELETE FROM webhook_queue.messages WHERE id = ? AND receipt = ?::uuid
                    RETURNING id, body, attribute_names, attribute_values, enqueued_at, receive_count)
                INSERT INTO webhook_queue.dead_letters
                    (message_id, body, attribute_names, attribute_values, enqueued_at, receive_count, reason)
                SELECT id, body, attribute_names, attribute_values, enqueued_at, receive_count, ? FROM moved\
                """)) {
                move.setLong(1, Long.parseLong(delivery.messageId()));
                move.setString(2, delivery.receipt());
                move.setString(3, DeadLetter.shortened(reason));
                return move.executeUpdate() == 1;
            }
        });
    }

    /** What is waiting, in flight and dead, and how long the oldest waiting or in-flight message has been queued. */
    public Counts counts() {
        return inTransaction("count", connection -> {
            try (Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("""
                        SELECT count(*) FILTER (WHERE visible_at <= clock_timestamp()),
                               count(*) FILTER (WHERE visible_at > clock_timestamp()),
                               (SELECT count(*) FROM webhook_queue.dead_letters),
                               coalesce(extract(epoch FROM clock_timestamp() - min(enqueued_at)), 0)
                        FROM webhook_queue.messages\
                        """)) {
                row.next();
                return new Counts(
                        row.getLong(1),
                        row.getLong(2),
                        row.getLong(3),
                        Duration.ofMillis(Math.round(row.getDouble(4) * 1000)));
            }
        });
    }

    /**
     * Counts of the queue's tables.
     *
     * @param oldest how long the oldest message still in the queue (waiting or in flight) has been there
     */
    public record Counts(long visible, long inFlight, long deadLetters, Duration oldest) {}

    /** Hands each dead letter to {@code reader}, oldest first, leaving them all in place. How many there were. */
    public int readDeadLetters(Consumer<DeadLetter> reader) {
        return inTransaction("read the dead letters", connection -> {
            int count = 0;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, body, attribute_names, attribute_values, receive_count, reason"
                            + " FROM webhook_queue.dead_letters ORDER BY id")) {
                // A cursor, not the whole table in memory: the dead letters may be many.
                select.setFetchSize(500);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Envelope envelope = envelope(rows);
                        String reason = rows.getString("reason");
                        reader.accept(new DeadLetter(
                                Long.toString(rows.getLong("id")),
                                rows.getInt("receive_count"),
                                reason == null ? envelope : envelope.with(Envelope.DEAD_LETTER_REASON, reason)));
                        count++;
                    }
                }
            }
            return count;
        });
    }

    /**
     * Moves every dead letter back to the queue, visible at once with a fresh receive count, in one transaction,
     * and records it as the redrive {@code task} (when anything moved). How many moved.
     */
    public long redrive(String task) {
        return inTransaction("redrive", connection -> {
            long moved;
            try (Statement move = connection.createStatement()) {
                moved = move.executeUpdate("""
                    WITH moved AS (DELETE FROM webhook_queue.dead_letters RETURNING *)
                    INSERT INTO webhook_queue.messages (body, attribute_names, attribute_values, enqueued_at)
                    SELECT body, attribute_names, attribute_values, enqueued_at FROM moved ORDER BY id\
                    """);
            }
            if (moved == 0) {
                return 0L;
            }
            try (PreparedStatement record =
                    connection.prepareStatement("INSERT INTO webhook_queue.redrives (task, about_to_move, moved, state)"
                            + " VALUES (?::uuid, ?, ?, 'COMPLETED')")) {
                record.setString(1, task);
                record.setLong(2, moved);
                record.setLong(3, moved);
                record.executeUpdate();
            }
            return moved;
        });
    }

    /** A recorded redrive: how many it moved and its state's name; null when there is no such task. */
    public RecordedRedrive redriveTask(String task) {
        return inTransaction("read a redrive", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT about_to_move, moved, state FROM webhook_queue.redrives WHERE task = ?::uuid")) {
                select.setString(1, task);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? new RecordedRedrive(row.getLong(1), row.getLong(2), row.getString(3)) : null;
                }
            }
        });
    }

    /** A row of {@code redrives}. */
    public record RecordedRedrive(long aboutToMove, long moved, String state) {}

    private static void withoutWaitingForTheDisk(Connection connection) throws SQLException {
        try (Statement set = connection.createStatement()) {
            set.execute("SET LOCAL synchronous_commit = off");
        }
    }

    private static void bind(Connection connection, PreparedStatement statement, int first, Envelope envelope)
            throws SQLException {
        List<String> names = new ArrayList<>(envelope.attributes().keySet());
        String[] values = names.stream().map(envelope.attributes()::get).toArray(String[]::new);
        statement.setBytes(first, envelope.body().getBytes(StandardCharsets.UTF_8));
        statement.setArray(first + 1, connection.createArrayOf("text", names.toArray(String[]::new)));
        statement.setArray(first + 2, connection.createArrayOf("text", values));
    }

    private static Envelope envelope(ResultSet row) throws SQLException {
        String[] names = strings(row.getArray("attribute_names"));
        String[] values = strings(row.getArray("attribute_values"));
        Map<String, String> attributes = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            attributes.put(names[i], values[i]);
        }
        return new Envelope(new String(row.getBytes("body"), StandardCharsets.UTF_8), attributes);
    }

    private static String[] strings(Array array) throws SQLException {
        try {
            return (String[]) array.getArray();
        } finally {
            array.free();
        }
    }

    private <T> T inTransaction(String what, Work<T> work) {
        try (Connection connection = database.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection);
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new QueueUnavailableException("the queue's database failed to " + what + ": " + e.getMessage(), e);
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The connection is likely gone; the server rolls the transaction back when it notices.
        }
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }
}
