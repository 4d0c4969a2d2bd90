package com.webhookbuffer.adapter.persistence;

import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the schema migrations in {@code db/migration}. Flyway gets one connection of its own, outside any pool
 * (with a worker's pool of one, migrating through the pool would wait for a connection Flyway itself holds), and
 * only one: it would otherwise open a second beside the one holding its lock, and a migration must take no more
 * of the connection budget than it is given. It can run as a separate step before any worker starts.
 */
public final class DatabaseMigrations {

    private DatabaseMigrations() {
    }

    /** Migrates to the latest version; returns how many migrations it applied. */
    public static int migrate(DatabaseSettings settings) {
        try (SingleConnectionDataSource connection = new SingleConnectionDataSource(settings)) {
            MigrateResult result = Flyway.configure()
                    .dataSource(connection)
                    .locations("classpath:db/migration")
                    .connectRetries(0)
                    .load()
                    .migrate();
            return result.migrationsExecuted;
        } catch (SQLException e) {
            throw new FlywayException("could not connect to " + settings.jdbcUrl() + " to migrate: "
                    + e.getMessage(), e);
        }
    }
}
