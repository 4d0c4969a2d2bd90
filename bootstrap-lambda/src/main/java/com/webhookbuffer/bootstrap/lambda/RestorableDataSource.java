package com.webhookbuffer.bootstrap.lambda;

import com.webhookbuffer.adapter.persistence.ConnectionPool;
import com.webhookbuffer.adapter.persistence.DatabaseSettings;
import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The worker's pool behind a stable reference, so SnapStart can close it before the snapshot (open connections
 * must not be frozen into it) and open a fresh one after restore, while the repository keeps its DataSource.
 */
final class RestorableDataSource implements DataSource {

    private final DatabaseSettings settings;
    private volatile HikariDataSource pool;

    RestorableDataSource(DatabaseSettings settings) {
        this.settings = settings;
        this.pool = ConnectionPool.open(settings);
    }

    synchronized void close() {
        pool.close();
    }

    synchronized void reopen() {
        if (pool.isClosed()) {
            pool = ConnectionPool.open(settings);
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return pool.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return pool.getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return pool.isWrapperFor(type);
    }
}
