package com.webhookbuffer.adapter.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * The worker's own runtime role: it may log in, and read and write the order store's three tables, nothing more.
 * The owner (who migrates) creates it once with the password it is given, and grants its rights on every deploy;
 * an existing role's password is left alone, because its rotation owns it from then on.
 *
 * <p>Its {@code CONNECTION LIMIT} is set on every deploy to the workers' share of the connection budget: the database
 * itself then refuses the worker's role more connections than the budget gives it, whatever the platform in front
 * does (an event source that overshoots, an environment of an older version still finishing).
 */
public final class WorkerRole {

    /** The tables the worker reads and writes; nothing else is granted. */
    static final String TABLES = "orders, order_items, processed_webhooks";

    private static final Pattern ROLE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private WorkerRole() {}

    /**
     * Creates the role if it is missing, grants it DML on the order store and limits its connections; returns whether
     * it was created.
     *
     * @param connectionLimit the most connections the role may hold at once (at least 1)
     */
    public static boolean ensure(DatabaseSettings owner, DatabaseLogin worker, int connectionLimit) {
        if (connectionLimit < 1) {
            throw new IllegalArgumentException("the worker's connection limit must be >= 1, was: " + connectionLimit);
        }
        if (!ROLE_NAME.matcher(worker.user()).matches()) {
            throw new IllegalArgumentException("the worker's role name must be 1-63 characters of [a-z0-9_], "
                    + "not starting with a digit, was: " + worker.user());
        }
        try (SingleConnectionDataSource source = new SingleConnectionDataSource(owner);
                Connection connection = source.getConnection()) {
            connection.setAutoCommit(true);
            boolean created = false;
            if (!exists(connection, worker.user())) {
                try (Statement statement = connection.createStatement()) {
                    // DDL takes no bind parameters: the name is checked above, the password quoted as a literal.
                    statement.execute("CREATE ROLE " + worker.user() + " LOGIN PASSWORD '"
                            + worker.password().replace("'", "''") + "'");
                }
                created = true;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("GRANT USAGE ON SCHEMA public TO " + worker.user());
                statement.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON " + TABLES + " TO " + worker.user());
                statement.execute("ALTER ROLE " + worker.user() + " CONNECTION LIMIT " + connectionLimit);
            }
            return created;
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "the worker's role " + worker.user() + " could not be set up: " + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection connection, String role) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            query.setString(1, role);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }
}
