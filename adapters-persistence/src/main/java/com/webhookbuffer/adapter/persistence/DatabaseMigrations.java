package com.webhookbuffer.adapter.persistence;

import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the schema migrations in {@code db/migration}. Flyway gets one connection of its own, outside any pool
 * (with a worker's pool of one, migrating through the pool would wait for a connection Flyway itself holds), and
 * only one: it would otherwise open a second beside the one holding its lock, and a migration must take no more
 * of the connection budget than it is given. It can run as a separate step before any worker starts.
 */
public final class DatabaseMigrations {

    private DatabaseMigrations() {}

    /**
     * What a migration did.
     *
     * @param applied       how many migrations ran now
     * @param schemaVersion the schema's version afterwards (Flyway's current version, e.g. {@code 1})
     */
    public record Migrated(int applied, String schemaVersion) {}

    /** Migrates to the latest version; returns how many migrations it applied. */
    public static int migrate(DatabaseSettings settings) {
        return run(settings).applied();
    }

    /** Migrates to the latest version; returns what it did and the schema version it left. */
    public static Migrated run(DatabaseSettings settings) {
        try (SingleConnectionDataSource connection = new SingleConnectionDataSource(settings)) {
            Flyway flyway = Flyway.configure()
                    .dataSource(connection)
                    .locations("classpath:db/migration")
                    .connectRetries(0)
                    .load();
            MigrateResult result = flyway.migrate();
            MigrationInfo current = flyway.info().current();
            return new Migrated(
                    result.migrationsExecuted,
                    current == null ? "none" : current.getVersion().getVersion());
        } catch (SQLException e) {
            throw new FlywayException(
                    "could not connect to " + settings.jdbcUrl() + " to migrate: " + e.getMessage(), e);
        }
    }
}
