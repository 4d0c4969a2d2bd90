package com.webhookbuffer.adapter.postgresqueue.message;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Objects;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.postgresql.Driver;

/**
 * Where the queue's tables live: a PostgreSQL database (the orders' own by default, so the worker can delete what
 * it processed in the transaction that wrote it), with its schema migrated by Flyway into {@value
 * QueueTables#SCHEMA}, its own history table included, apart from the orders' migrations.
 */
public record QueueDatabase(String jdbcUrl, String user, String password) {

    public QueueDatabase {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl must not be null");
        Objects.requireNonNull(user, "user must not be null");
        Objects.requireNonNull(password, "password must not be null");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("must be a jdbc:postgresql: URL, was: " + jdbcUrl);
        }
    }

    /**
     * Creates or updates the queue's schema; how many migrations ran. It runs before any pool opens, so its
     * connections (Flyway's lock and its migration) never add to what the pools hold.
     */
    public int migrate() {
        try {
            return Flyway.configure()
                    .dataSource(jdbcUrl, user, password)
                    .schemas(QueueTables.SCHEMA)
                    .locations("classpath:db/queue")
                    .connectRetries(0)
                    .load()
                    .migrate()
                    .migrationsExecuted;
        } catch (FlywayException e) {
            throw new FlywayException("could not migrate the queue at " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }

    /**
     * A pool of at most {@code connections}, named {@code name} in {@code pg_stat_activity}, committing each
     * statement unless a transaction is begun. Built lazily: a database that is down fails the first statement,
     * not the start.
     */
    public HikariDataSource pool(String name, int connections) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(jdbcUrl);
        config.setDriverClassName(Driver.class.getName());
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(connections);
        config.setMinimumIdle(connections);
        // Short: a webhook waits for this when the database is down, and is answered 503 after it.
        config.setConnectionTimeout(2_000);
        config.setValidationTimeout(2_000);
        config.setInitializationFailTimeout(-1);
        config.addDataSourceProperty("ApplicationName", name);
        config.addDataSourceProperty("tcpKeepAlive", true);
        config.addDataSourceProperty("options", "-c statement_timeout=10000");
        return new HikariDataSource(config);
    }

    @Override
    public String toString() {
        return "QueueDatabase[" + jdbcUrl + " as " + user + "]";
    }
}
