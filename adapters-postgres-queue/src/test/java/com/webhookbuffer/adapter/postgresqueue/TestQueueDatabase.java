package com.webhookbuffer.adapter.postgresqueue;

import com.webhookbuffer.adapter.postgresqueue.message.QueueDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The real PostgreSQL these tests run against: the embedded binaries, started once per test JVM, migrated once. */
final class TestQueueDatabase {

    private static QueueDatabase shared;

    private TestQueueDatabase() {}

    static synchronized QueueDatabase shared() {
        if (shared == null) {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "60")
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
                shared = new QueueDatabase(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
            shared.migrate();
        }
        return shared;
    }

    /** Empties the queue's tables. */
    static void truncate() {
        execute("TRUNCATE webhook_queue.messages, webhook_queue.dead_letters, webhook_queue.redrives");
    }

    static void execute(String sql) {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test SQL failed: " + sql + ": " + e.getMessage(), e);
        }
    }

    static long count(String sql) {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("test SQL failed: " + sql + ": " + e.getMessage(), e);
        }
    }

    static Connection connect() throws SQLException {
        QueueDatabase database = shared();
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }
}
