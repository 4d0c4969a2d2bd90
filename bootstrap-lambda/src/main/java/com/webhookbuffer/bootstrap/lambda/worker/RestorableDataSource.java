package com.webhookbuffer.bootstrap.lambda.worker;

import com.webhookbuffer.adapter.persistence.ConnectionPool;
import com.webhookbuffer.adapter.persistence.DatabaseLogin;
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
 *
 * <p>It logs in with a {@link RotatingLogin}. When the database refuses a login (the password was rotated), the
 * login is read again and the connection asked for once more, within the same batch: a rotation costs a
 * moment, not a receive of every message in flight.
 */
final class RestorableDataSource implements DataSource {

    private final DatabaseSettings settings;
    private final RotatingLogin login;
    private volatile HikariDataSource pool;

    RestorableDataSource(DatabaseSettings settings, RotatingLogin login) {
        this.settings = settings;
        this.login = login;
        this.pool = ConnectionPool.openPerBatch(settings, login);
    }

    /**
     * Closes every connection once the batch is done: Lambda's {@code MaximumConcurrency} caps invocations, not
     * execution environments, and an idle one (or the previous version's after a deploy) must not keep
     * connections the budget does not count. The next batch opens what it needs.
     */
    void releaseConnections() {
        var connections = pool.getHikariPoolMXBean();
        if (connections != null) {
            connections.softEvictConnections();
        }
    }

    synchronized void close() {
        pool.close();
    }

    /** After a restore: the login is read again (the snapshot's may be stale), then a fresh pool opens. */
    synchronized void reopen() {
        login.reread();
        if (pool.isClosed()) {
            pool = ConnectionPool.openPerBatch(settings, login);
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        try {
            return pool.getConnection();
        } catch (SQLException refused) {
            if (DatabaseLogin.refusedIn(refused) && login.refused()) {
                return pool.getConnection();
            }
            throw refused;
        }
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
