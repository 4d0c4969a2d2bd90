package com.webhookbuffer.adapter.persistence;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.Driver;

/**
 * Hands out one physical connection however often it is asked, and closes it only when it is closed itself.
 * Flyway asks for a second connection for the migrations beside the one holding its lock; through this it gets
 * the same one, so a migration takes exactly one connection of the budget.
 */
final class SingleConnectionDataSource implements DataSource, AutoCloseable {

    static final Duration LOCK_TIMEOUT = Duration.ofSeconds(10);

    private final Connection connection;
    private final Connection unclosable;

    SingleConnectionDataSource(DatabaseSettings settings) throws SQLException {
        // Named, not looked up through DriverManager alone, which only sees drivers of the class loader that asks.
        this.connection = new Driver().connect(settings.jdbcUrl(), properties(settings));
        if (connection == null) {
            throw new SQLException("the PostgreSQL driver does not accept " + settings.jdbcUrl());
        }
        this.unclosable = (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static Properties properties(DatabaseSettings settings) {
        Properties properties = new Properties();
        properties.setProperty("user", settings.user());
        properties.setProperty("password", settings.password());
        properties.setProperty("ApplicationName", settings.applicationName());
        properties.setProperty(
                "connectTimeout",
                Long.toString(Math.max(1, settings.connectionTimeout().toSeconds())));
        // A migration that waits for a lock (a worker's row lock, an operator's open transaction) gives up instead
        // of holding the deploy until CloudFormation's timeout; the deploy fails and can be retried.
        properties.setProperty("options", "-c lock_timeout=" + LOCK_TIMEOUT.toMillis());
        return properties;
    }

    @Override
    public Connection getConnection() {
        return unclosable;
    }

    @Override
    public Connection getConnection(String username, String password) {
        return unclosable;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    @Override
    public PrintWriter getLogWriter() {
        return DriverManager.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // Nothing is logged through a log writer here.
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // The connection is open before anyone can ask.
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no java.util.logging here");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
