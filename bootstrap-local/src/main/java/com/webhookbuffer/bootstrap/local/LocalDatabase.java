package com.webhookbuffer.bootstrap.local;

import com.webhookbuffer.adapter.persistence.DatabaseSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The local stack's PostgreSQL: the server named by {@code DB_URL}, or an embedded PostgreSQL 17 (the binaries a
 * Maven artifact ships) whose data lives in {@code LOCAL_STATE_DIR/postgres} and survives restarts.
 */
final class LocalDatabase implements AutoCloseable {

    /** Room beside the budget for a person with psql; the embedded server is otherwise sized like a small one. */
    static final int OPERATOR_CONNECTIONS = 5;

    private final DatabaseSettings settings;
    private final Optional<EmbeddedPostgres> embedded;
    private final Optional<Path> dataDirectory;

    private LocalDatabase(DatabaseSettings settings, Optional<EmbeddedPostgres> embedded,
            Optional<Path> dataDirectory) {
        this.settings = settings;
        this.embedded = embedded;
        this.dataDirectory = dataDirectory;
    }

    /**
     * The embedded server as a libpq URL, for {@code psql "$(cat .run-local/db-url)"}; written to
     * {@code LOCAL_STATE_DIR/db-url} because the port changes from run to run. Empty for an external server,
     * whose password stays where its owner put it.
     */
    Optional<String> psqlUrl() {
        return embedded.map(postgres -> "postgresql://postgres:postgres@localhost:" + postgres.getPort() + "/postgres");
    }

    static LocalDatabase external(DatabaseSettings settings) {
        return new LocalDatabase(settings, Optional.empty(), Optional.empty());
    }

    static LocalDatabase embedded(Path stateDirectory, int maxConnections) {
        Path dataDirectory = stateDirectory.resolve("postgres");
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", Integer.toString(maxConnections + OPERATOR_CONNECTIONS))
                    .start();
            DatabaseSettings settings =
                    DatabaseSettings.of(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
            return new LocalDatabase(settings, Optional.of(postgres), Optional.of(dataDirectory));
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start in " + dataDirectory
                    + " (delete the directory to start from an empty database)", e);
        }
    }

    DatabaseSettings settings() {
        return settings;
    }

    /** Where the embedded server keeps its data; empty for an external server. */
    Optional<Path> dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() {
        if (embedded.isPresent()) {
            try {
                embedded.get().close();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not stop cleanly", e);
            }
        }
    }
}
