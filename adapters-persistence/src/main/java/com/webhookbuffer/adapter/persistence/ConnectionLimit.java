package com.webhookbuffer.adapter.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The connections a PostgreSQL server allows now: {@code max_connections} as in force ({@code SHOW}), not as a
 * pending restart would set it. The parameter is static: a changed value (an RDS parameter group, a Flexible Server
 * setting) applies only after the server restarts, so a budget must count what is in force.
 */
public final class ConnectionLimit {

    private ConnectionLimit() {}

    /** {@code max_connections} in force, asked over one connection of its own. */
    public static int inForce(DatabaseSettings settings) {
        try (SingleConnectionDataSource source = new SingleConnectionDataSource(settings);
                Connection connection = source.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SHOW max_connections")) {
            row.next();
            return Integer.parseInt(row.getString(1));
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot reach the database at " + settings.jdbcUrl() + " to read its max_connections: "
                            + e.getMessage(),
                    e);
        }
    }
}
