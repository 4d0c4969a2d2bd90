package com.webhookbuffer.adapter.persistence;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the schema migrations in {@code db/migration}. Flyway gets its own unpooled connection: with a worker's
 * pool of one, migrating through the pool would wait for a connection Flyway itself holds. It can run as a
 * separate step before any worker starts.
 */
public final class DatabaseMigrations {

    private DatabaseMigrations() {
    }

    /** Migrates to the latest version; returns how many migrations it applied. */
    public static int migrate(DatabaseSettings settings) {
        MigrateResult result = Flyway.configure()
                .dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                .locations("classpath:db/migration")
                .connectRetries(0)
                .load()
                .migrate();
        return result.migrationsExecuted;
    }
}
