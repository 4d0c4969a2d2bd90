package com.webhookbuffer.adapter.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The real PostgreSQL the tests of this module run against, started once per test JVM and migrated once.
 *
 * <p>{@code -Dtest.postgres=embedded} (the default) runs the PostgreSQL binaries that a Maven artifact ships, so no
 * Docker engine is needed; {@code -Dtest.postgres=container} runs the official image through Testcontainers, and
 * the tests are skipped (not failed) where no Docker engine answers.
 */
public final class TestPostgres {

    /** The major version RDS and Aurora PostgreSQL run; the embedded binaries are pinned to it in the root POM. */
    static final String IMAGE = "postgres:17";

    private static DatabaseSettings shared;

    private TestPostgres() {}

    /** Settings for the shared, migrated server. */
    public static synchronized DatabaseSettings shared() {
        if (shared == null) {
            shared = switch (System.getProperty("test.postgres", "embedded")) {
                case "embedded" -> startEmbedded();
                case "container" -> startContainer();
                default ->
                    throw new IllegalArgumentException(
                            "test.postgres must be embedded or container, was: " + System.getProperty("test.postgres"));
            };
            DatabaseMigrations.migrate(shared);
        }
        return shared;
    }

    /** Empties the order store between tests. */
    public static void truncate(DatabaseSettings settings) {
        execute(settings, "TRUNCATE orders, order_items, processed_webhooks");
    }

    /** The single number a query such as {@code SELECT count(*) ...} answers. */
    public static long count(DatabaseSettings settings, String sql) {
        try (Connection connection =
                        DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("test SQL failed: " + sql + ": " + e.getMessage(), e);
        }
    }

    public static void execute(DatabaseSettings settings, String... statements) {
        try (Connection connection =
                        DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("test SQL failed: " + e.getMessage(), e);
        }
    }

    private static DatabaseSettings startEmbedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "60")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(postgres)));
            return DatabaseSettings.of(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    private static DatabaseSettings startContainer() {
        Assumptions.assumeTrue(
                DockerClientFactory.instance().isDockerAvailable(),
                "-Dtest.postgres=container needs a Docker engine, and none answers here");
        PostgreSQLContainer container = new PostgreSQLContainer(IMAGE);
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
        return DatabaseSettings.of(container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }

    static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
