package com.webhookbuffer.bootstrap.local.command.load;

import com.webhookbuffer.adapter.persistence.DatabaseSettings;
import com.webhookbuffer.bootstrap.local.command.load.LoadPlan.Delivery;
import com.webhookbuffer.bootstrap.local.parts.LocalDatabase;
import com.webhookbuffer.bootstrap.local.parts.LocalSettings;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The running stack's {@code orders} table, read over one JDBC connection: how {@code ./run-local load} knows
 * exactly that every order it sent was written, each at the highest version it sent and by the webhook that carried
 * that version, rather than trusting counts that other traffic also moves. The database is the one the stack was
 * given in {@code DB_URL}, or else the embedded one whose libpq URL the stack wrote to {@code LOCAL_STATE_DIR/db-url}.
 * The connection is one of the five the embedded server keeps beside the budget for operators.
 */
final class StoredOrders implements AutoCloseable {

    private static final String READ = "SELECT order_id, version, webhook_id FROM orders WHERE order_id = ANY (?)";
    /** What a check names of what it found wrong; the counts say how many in all. */
    private static final int EXAMPLES = 5;

    private final Connection connection;

    private StoredOrders(Connection connection) {
        this.connection = connection;
    }

    /**
     * What the check found.
     *
     * @param expected orders that should be written
     * @param written  those stored at the highest version sent, by the webhook that carried it
     * @param missing  those not stored at all
     * @param examples the first few orders not written as expected, each with what is stored
     */
    record Check(int expected, int written, int missing, List<String> examples) {

        Check {
            examples = List.copyOf(examples);
        }

        boolean complete() {
            return written == expected;
        }

        /** Stored, but at another version or by another webhook. */
        int behind() {
            return expected - written - missing;
        }
    }

    /** Connects to the stack's database, or says why it cannot in a message that names what to set. */
    static StoredOrders connect(LocalSettings settings) {
        Optional<DatabaseSettings> external = settings.externalDatabase();
        Path urlFile = settings.stateDirectory().resolve(LocalDatabase.DB_URL_FILE);
        DatabaseSettings db = LocalDatabase.ofRunningStack(settings, "load");
        String from = external.isPresent() ? "DB_URL" : urlFile.toString();
        try {
            Connection connection = DriverManager.getConnection(
                    db.withUrlParameters("connectTimeout=5&ApplicationName=webhook-buffer-load")
                            .jdbcUrl(),
                    db.user(),
                    db.password());
            return new StoredOrders(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot reach the stack's database at " + db.jdbcUrl() + " (from " + from
                            + "): " + e.getMessage() + "; is the stack that answers on " + LocalSettings.HTTP_PORT
                            + " the one "
                            + "that wrote it? Run load with that stack's " + LocalSettings.LOCAL_STATE_DIR,
                    e);
        }
    }

    /** Reads every expected order and compares it with the delivery that carried its highest version. */
    Check check(Map<String, Delivery> highest) throws SQLException {
        Map<String, Stored> stored = new HashMap<>();
        try (PreparedStatement read = connection.prepareStatement(READ)) {
            Array ids = connection.createArrayOf("text", highest.keySet().toArray());
            read.setArray(1, ids);
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    stored.put(rows.getString(1), new Stored(rows.getLong(2), rows.getString(3)));
                }
            }
            ids.free();
        }
        int written = 0;
        int missing = 0;
        List<String> examples = new ArrayList<>();
        for (Delivery expected : highest.values()) {
            Stored row = stored.get(expected.orderId());
            if (row != null
                    && row.version() == expected.version()
                    && row.webhookId().equals(expected.webhookId())) {
                written++;
                continue;
            }
            if (row == null) {
                missing++;
            }
            if (examples.size() < EXAMPLES) {
                examples.add(expected.orderId()
                        + (row == null
                                ? " not stored"
                                : " stored at version " + row.version() + " by " + row.webhookId())
                        + ", expected version " + expected.version() + " by " + expected.webhookId());
            }
        }
        return new Check(highest.size(), written, missing, examples);
    }

    private record Stored(long version, String webhookId) {}

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
