package com.webhookbuffer.adapter.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.Credentials;
import java.util.function.Supplier;
import org.postgresql.Driver;

/** Builds the worker's HikariCP pool: never more connections than its share of the budget, and quick to give up. */
public final class ConnectionPool {

    private ConnectionPool() {}

    public static HikariDataSource open(DatabaseSettings settings) {
        DatabaseLogin login = new DatabaseLogin(settings.user(), settings.password());
        return open(settings, () -> login);
    }

    /**
     * A pool that asks {@code login} for the user and password of every connection it opens: a rotated password
     * reaches new connections at once, while the ones already open keep working (PostgreSQL checks a password only
     * at login).
     */
    public static HikariDataSource open(DatabaseSettings settings, Supplier<DatabaseLogin> login) {
        return open(settings, login, settings.poolSize());
    }

    /**
     * A pool that keeps no connection idle: it opens what a batch needs (at most {@code poolSize}) and, once its
     * owner evicts them after the batch, does not open them again until the next one. For a Lambda worker, whose
     * execution environments outnumber the invocations the budget counts.
     */
    public static HikariDataSource openPerBatch(DatabaseSettings settings, Supplier<DatabaseLogin> login) {
        return open(settings, login, 0);
    }

    private static HikariDataSource open(DatabaseSettings settings, Supplier<DatabaseLogin> login, int minimumIdle) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(settings.applicationName());
        config.setJdbcUrl(settings.jdbcUrl());
        // Named, not looked up through DriverManager, which only sees drivers of the class loader that asks.
        config.setDriverClassName(Driver.class.getName());
        config.setCredentialsProvider(() -> {
            DatabaseLogin current = login.get();
            return Credentials.of(current.user(), current.password());
        });
        // The budget is a ceiling: never more than poolSize; a long-running worker keeps them (minimumIdle).
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(minimumIdle);
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        config.setValidationTimeout(Math.min(settings.connectionTimeout().toMillis(), 2_000));
        // Do not fail start-up when the database is down: the worker must answer retry-later, not crash.
        config.setInitializationFailTimeout(-1);
        config.setAutoCommit(false);
        config.addDataSourceProperty("ApplicationName", settings.applicationName());
        config.addDataSourceProperty(
                "connectTimeout", Math.max(1, settings.connectionTimeout().toSeconds()));
        // The server cancels a statement that runs too long (57014, retry-later), and the driver gives up
        // on a silent socket a little after that.
        config.addDataSourceProperty(
                "options", "-c statement_timeout=" + settings.statementTimeout().toMillis());
        config.addDataSourceProperty(
                "socketTimeout", settings.statementTimeout().toSeconds() + 5);
        config.addDataSourceProperty("tcpKeepAlive", true);
        return new HikariDataSource(config);
    }
}
