package com.webhookbuffer.bootstrap.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A PostgreSQL server of the test's own, which the stack reaches through {@code DB_URL} like any existing server;
 * it can be stopped and started again on the same data and port, as an outage would.
 */
final class ExternalPostgres implements AutoCloseable {

    private final Path dataDirectory;
    private final int port;
    private final boolean durable;
    private EmbeddedPostgres server;

    ExternalPostgres(Path dataDirectory) {
        this(dataDirectory, false);
    }

    /** @param durable every commit flushed to disk, as the local stack runs its own embedded server */
    ExternalPostgres(Path dataDirectory, boolean durable) {
        this.dataDirectory = dataDirectory;
        this.port = freePort();
        this.durable = durable;
        start();
    }

    void start() {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("max_connections", "30");
            if (durable) {
                builder.setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on");
            }
            server = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("test PostgreSQL did not start", e);
        }
    }

    void stop() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("test PostgreSQL did not stop", e);
        }
    }

    /**
     * A crash: SIGKILL to the postmaster (no shutdown checkpoint; the next {@link #start} recovers from the log),
     * then the embedding library's own stop, which finds the server gone and lets go of the data folder's lock.
     */
    void crash() throws InterruptedException {
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid"))
                    .getFirst()
                    .strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        List<ProcessHandle> backends = postmaster.children().toList();
        postmaster.destroyForcibly();
        postmaster.onExit().join();
        // The backends follow their postmaster at once; an exited one may linger as a zombie no one reaps here (a
        // container's init), so they get a bounded wait, not a join.
        Instant deadline = Instant.now().plusSeconds(5);
        while (backends.stream().anyMatch(ProcessHandle::isAlive)
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        stop();
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    /** What the stack is given to use this server. */
    Map<String, String> environment() {
        return Map.of("DB_URL", jdbcUrl(), "DB_USER", "postgres", "DB_PASSWORD", "postgres");
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
