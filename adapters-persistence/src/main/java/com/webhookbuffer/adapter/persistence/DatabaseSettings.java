package com.webhookbuffer.adapter.persistence;

import java.time.Duration;
import java.util.Objects;

/**
 * How a worker reaches the database, and how little of it it may take.
 *
 * @param jdbcUrl           e.g. {@code jdbc:postgresql://host:5432/orders}
 * @param user              the database user
 * @param password          the password (never logged)
 * @param poolSize          connections this worker may hold: its share of the connection budget
 * @param connectionTimeout how long to wait for a connection (from the pool or the server) before retry-later
 * @param statementTimeout  how long one statement may run before the server cancels it
 * @param applicationName   what {@code pg_stat_activity.application_name} shows, so an operator can count us
 */
public record DatabaseSettings(
        String jdbcUrl,
        String user,
        String password,
        int poolSize,
        Duration connectionTimeout,
        Duration statementTimeout,
        String applicationName) {

    public static final int DEFAULT_POOL_SIZE = 1;
    /** Short enough that a Lambda gives up and returns the batch long before its own timeout. */
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(5);

    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(10);
    public static final String DEFAULT_APPLICATION_NAME = "webhook-buffer-worker";

    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl must not be null");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("jdbcUrl must start with jdbc:postgresql:, was: " + jdbcUrl);
        }
        Objects.requireNonNull(user, "user must not be null");
        Objects.requireNonNull(password, "password must not be null");
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be >= 1, was: " + poolSize);
        }
        // HikariCP refuses connection timeouts under 250 ms.
        Objects.requireNonNull(connectionTimeout, "connectionTimeout must not be null");
        if (connectionTimeout.toMillis() < 250) {
            throw new IllegalArgumentException("connectionTimeout must be >= 250ms, was: " + connectionTimeout);
        }
        Objects.requireNonNull(statementTimeout, "statementTimeout must not be null");
        if (statementTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("statementTimeout must be >= 1ms, was: " + statementTimeout);
        }
        Objects.requireNonNull(applicationName, "applicationName must not be null");
    }

    /** The defaults, for a server at {@code jdbcUrl}. */
    public static DatabaseSettings of(String jdbcUrl, String user, String password) {
        return new DatabaseSettings(
                jdbcUrl,
                user,
                password,
                DEFAULT_POOL_SIZE,
                DEFAULT_CONNECTION_TIMEOUT,
                DEFAULT_STATEMENT_TIMEOUT,
                DEFAULT_APPLICATION_NAME);
    }

    public DatabaseSettings withPoolSize(int poolSize) {
        return new DatabaseSettings(
                jdbcUrl, user, password, poolSize, connectionTimeout, statementTimeout, applicationName);
    }

    public DatabaseSettings withApplicationName(String applicationName) {
        return new DatabaseSettings(
                jdbcUrl, user, password, poolSize, connectionTimeout, statementTimeout, applicationName);
    }

    /** The same server with connection parameters added to the URL (e.g. {@code sslmode=verify-full}). */
    public DatabaseSettings withUrlParameters(String parameters) {
        String joined = jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + parameters;
        return new DatabaseSettings(
                joined, user, password, poolSize, connectionTimeout, statementTimeout, applicationName);
    }

    public DatabaseSettings withTimeouts(Duration connectionTimeout, Duration statementTimeout) {
        return new DatabaseSettings(
                jdbcUrl, user, password, poolSize, connectionTimeout, statementTimeout, applicationName);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[jdbcUrl=" + jdbcUrl + ", user=" + user + ", poolSize=" + poolSize
                + ", connectionTimeout=" + connectionTimeout + ", statementTimeout=" + statementTimeout
                + ", applicationName=" + applicationName + "]";
    }
}
