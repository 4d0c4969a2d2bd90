package com.webhookbuffer.bootstrap.local.parts;

import com.webhookbuffer.adapter.persistence.ConnectionLimit;
import com.webhookbuffer.adapter.persistence.DatabaseSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The local stack's PostgreSQL: the server named by {@code DB_URL}, or an embedded PostgreSQL 17 (the binaries a
 * Maven artifact ships) whose data lives in {@code LOCAL_STATE_DIR/postgres} and survives restarts.
 *
 * <p>The embedded server is run as a database one can trust with orders: every commit is flushed to disk
 * ({@code fsync}, {@code synchronous_commit} and {@code full_page_writes} on, where the embedding library's defaults
 * are off for speed), and every connection must log in with a password ({@code scram-sha-256}), generated on the
 * first start and kept in {@code LOCAL_STATE_DIR/db-password}. A server left running by a stack that was killed is
 * found through its {@code postmaster.pid} and stopped before the new one starts on the same data.
 */
public final class LocalDatabase implements AutoCloseable {

    /** How the stack's own connections name themselves to PostgreSQL ({@code pg_stat_activity}). */
    public static final String APPLICATION_NAME = "webhook-buffer-local";
    /** The file in the state folder holding the database's psql URL, for the operator and the commands. */
    public static final String DB_URL_FILE = "db-url";

    /** Room beside the budget for a person with psql; the embedded server is otherwise sized like a small one. */
    static final int OPERATOR_CONNECTIONS = 5;

    public static final String DATA_FOLDER = "postgres";
    public static final String PASSWORD_FILE = "db-password";
    static final String SUPERUSER = "postgres";
    /** Every connection, local socket or TCP, logs in with a password. */
    static final String HBA = """
        # Written by the webhook-buffer local stack on every start: every connection needs the password
        # kept in LOCAL_STATE_DIR/db-password.
        local all all scram-sha-256
        host  all all 127.0.0.1/32 scram-sha-256
        host  all all ::1/128 scram-sha-256
        """;

    private final DatabaseSettings settings;
    private final Optional<EmbeddedPostgres> embedded;
    private final Optional<Path> dataDirectory;
    private final String password;

    private LocalDatabase(
            DatabaseSettings settings,
            Optional<EmbeddedPostgres> embedded,
            Optional<Path> dataDirectory,
            String password) {
        this.settings = settings;
        this.embedded = embedded;
        this.dataDirectory = dataDirectory;
        this.password = password;
    }

    /**
     * The embedded server as a libpq URL, for {@code psql "$(cat .run-local/db-url)"}; written to
     * {@code LOCAL_STATE_DIR/db-url} because the port changes from run to run. Empty for an external server,
     * whose password stays where its owner put it.
     */
    public Optional<String> psqlUrl() {
        // The password is base64url: nothing in it needs escaping in a URL.
        return embedded.map(postgres ->
                "postgresql://" + SUPERUSER + ":" + password + "@localhost:" + postgres.getPort() + "/postgres");
    }

    /**
     * The database of the stack that runs with {@code settings}: its {@code DB_URL}, or the embedded server named
     * in {@code LOCAL_STATE_DIR/db-url}; refused, naming what to set, when neither is there. {@code command} is
     * who asks, for the message.
     */
    public static DatabaseSettings ofRunningStack(LocalSettings settings, String command) {
        Optional<DatabaseSettings> external = settings.externalDatabase();
        if (external.isPresent()) {
            return external.get();
        }
        Path urlFile = settings.stateDirectory().resolve(DB_URL_FILE);
        // Looked for before the folder is opened: opening creates it, and a mistyped folder should stay uncreated.
        if (!Files.isRegularFile(urlFile)) {
            throw new IllegalStateException("no " + urlFile + ": " + command + " reads the running stack's database"
                    + " URL from there; start the stack with ./run-local, or run " + command + " with the stack's "
                    + LocalSettings.LOCAL_STATE_DIR + " (or its DB_URL, for an external database)");
        }
        String url =
                StateDirectory.open(settings.stateDirectory()).read(DB_URL_FILE).orElseThrow();
        try {
            return fromPsqlUrl(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(urlFile + " holds " + e.getMessage(), e);
        }
    }

    /**
     * The server a {@link #psqlUrl()} names, for a JDBC client: what {@code ./run-local load} reads from
     * {@code LOCAL_STATE_DIR/db-url} to find the running stack's database. pgjdbc takes no user or password in the
     * URL's authority, so they are taken out of it.
     */
    public static DatabaseSettings fromPsqlUrl(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            // Neither the exception's message nor itself as the cause: both quote the URL, password and all.
            throw new IllegalArgumentException(
                    "not a postgresql:// URL (" + e.getReason() + " at index " + e.getIndex() + ")");
        }
        if (!"postgresql".equals(uri.getScheme())
                || uri.getHost() == null
                || uri.getPort() < 0
                || uri.getUserInfo() == null
                || !uri.getUserInfo().contains(":")) {
            throw new IllegalArgumentException("not a postgresql://user:password@host:port/database URL");
        }
        String[] credentials = uri.getUserInfo().split(":", 2);
        return DatabaseSettings.of(
                "jdbc:postgresql://" + uri.getHost() + ":" + uri.getPort() + uri.getPath(),
                credentials[0],
                credentials[1]);
    }

    public static LocalDatabase external(DatabaseSettings settings) {
        return new LocalDatabase(settings, Optional.empty(), Optional.empty(), "");
    }

    public static LocalDatabase embedded(StateDirectory state, int maxConnections, PrintStream out) {
        Path dataDirectory = state.resolve(DATA_FOLDER);
        LeftoverServer.stopIfRunning(dataDirectory, out);
        String password = state.read(PASSWORD_FILE).orElseGet(() -> {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            state.writePrivate(
                    PASSWORD_FILE, Base64.getUrlEncoder().withoutPadding().encodeToString(random) + "\n");
            return state.read(PASSWORD_FILE).orElseThrow();
        });
        // A data folder from before passwords (trust for everyone) keeps trust for this one start, long enough
        // to give the superuser its password; then the server is told to require it.
        boolean fromBeforePasswords = Files.exists(dataDirectory.resolve("pg_hba.conf"))
                && !readQuietly(dataDirectory.resolve("pg_hba.conf")).contains("scram-sha-256");
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    // A crash must not lose a commit: the library turns all three off for test speed.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", Integer.toString(maxConnections + OPERATOR_CONNECTIONS))
                    // Passed through to initdb as --name=value (the builder's pass-through for initdb options):
                    // a new cluster is created with the password set and password login required from the start.
                    .setLocaleConfig("auth", "scram-sha-256")
                    .setLocaleConfig("pwfile", state.resolve(PASSWORD_FILE).toString())
                    .setConnectConfig("password", password)
                    .setDataDirectoryCustomizer(folder -> {
                        // The library's empty lock file is created with the process's umask (run-local's is 077).
                        ownerOnly(folder.toPath().resolve("epg-lock"));
                        if (!fromBeforePasswords) {
                            writeHba(folder.toPath());
                        }
                    })
                    .start();
            if (fromBeforePasswords) {
                requirePasswords(postgres, dataDirectory, password);
                out.println("  PostgreSQL: the data folder predates passwords; the superuser now has one (in "
                        + state.resolve(PASSWORD_FILE) + ") and every login needs it");
            }
            DatabaseSettings settings =
                    DatabaseSettings.of(postgres.getJdbcUrl(SUPERUSER, "postgres"), SUPERUSER, password);
            return new LocalDatabase(settings, Optional.of(postgres), Optional.of(dataDirectory), password);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException(
                    "embedded PostgreSQL did not start on the data in " + dataDirectory
                            + ": " + e.getMessage() + " (the data is untouched; its server log is "
                            + dataDirectory.resolve("log") + " if logging is on, otherwise see the lines above)",
                    e);
        }
    }

    private static void writeHba(Path dataDirectory) {
        try {
            Files.writeString(dataDirectory.resolve("pg_hba.conf"), HBA, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("pg_hba.conf could not be written in " + dataDirectory, e);
        }
    }

    private static void ownerOnly(Path file) {
        try {
            if (Files.exists(file)
                    && file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(file, StateDirectory.OWNER_ONLY_FILE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + " could not be made private", e);
        }
    }

    private static void requirePasswords(EmbeddedPostgres postgres, Path dataDirectory, String password)
            throws SQLException {
        try (Connection connection =
                        DriverManager.getConnection(postgres.getJdbcUrl(SUPERUSER, "postgres"), SUPERUSER, password);
                Statement statement = connection.createStatement()) {
            // The password is base64url, so it cannot close the literal.
            statement.execute("ALTER ROLE " + SUPERUSER + " PASSWORD '" + password + "'");
            writeHba(dataDirectory);
            statement.execute("SELECT pg_reload_conf()");
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Refuses to start when the server's {@code max_connections} in force is below {@code budget}
     * ({@code DB_MAX_CONNECTIONS}): the budget would promise connections the server cannot give. The embedded server
     * is started with room for it; an external one is asked ({@code SHOW max_connections}: what is in force, not
     * what a pending restart would set).
     */
    public void requireRoomFor(int budget) {
        if (embedded.isPresent()) {
            return;
        }
        int inForce = ConnectionLimit.inForce(settings);
        if (inForce < budget) {
            throw new IllegalStateException("DB_MAX_CONNECTIONS (" + budget + ") is more than the database at "
                    + settings.jdbcUrl() + " allows: its max_connections in force is " + inForce
                    + "; lower DB_MAX_CONNECTIONS (the door, the workers and what is reserved share it)");
        }
    }

    public DatabaseSettings settings() {
        return settings;
    }

    /** Where the embedded server keeps its data; empty for an external server. */
    public Optional<Path> dataDirectory() {
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

    /**
     * A postmaster that outlived the stack that started it (the JVM was killed: nothing ran its shutdown). It
     * still holds the data folder, so a new server could not start there; it is stopped the way PostgreSQL stops
     * cleanly (SIGTERM, then waiting for it to finish), after which the new server recovers nothing it need not.
     */
    static final class LeftoverServer {

        private LeftoverServer() {}

        static void stopIfRunning(Path dataDirectory, PrintStream out) {
            Path pidFile = dataDirectory.resolve("postmaster.pid");
            if (!Files.exists(pidFile)) {
                return;
            }
            List<String> lines;
            try {
                lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return;
            }
            if (lines.isEmpty() || !lines.getFirst().strip().matches("[0-9]{1,10}")) {
                return;
            }
            long pid = Long.parseLong(lines.getFirst().strip());
            Optional<ProcessHandle> process = ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(handle -> handle.info()
                            .command()
                            .map(c -> c.endsWith("postgres"))
                            .orElse(false));
            if (process.isEmpty()) {
                // A stale file from a crash of the server itself: PostgreSQL checks and replaces it on start.
                return;
            }
            out.println("  PostgreSQL: a server (pid " + pid + ") is still running on " + dataDirectory
                    + ", left by a stack that did not stop; stopping it cleanly before starting again");
            out.flush();
            // SIGTERM is PostgreSQL's "smart" shutdown; its clients died with the old stack, so it ends at once.
            process.get().destroy();
            try {
                process.get().onExit().get(60, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                throw new IllegalStateException(
                        "the PostgreSQL server left running on " + dataDirectory + " (pid " + pid
                                + ") did not stop within 60 s; stop it (kill " + pid + ") and start again",
                        e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("waiting for PostgreSQL (pid " + pid + ") to stop failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while stopping PostgreSQL (pid " + pid + ")", e);
            }
            out.println("  PostgreSQL: the left-over server stopped; its data is kept");
        }
    }
}
