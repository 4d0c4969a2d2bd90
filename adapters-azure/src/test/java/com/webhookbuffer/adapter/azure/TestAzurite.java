package com.webhookbuffer.adapter.azure;

import com.webhookbuffer.adapter.azure.message.StorageQueue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * Azurite, the Azure Storage emulator, started once per test JVM with its blob and queue services in memory on free
 * ports. It is an npm package: installed on first use into {@code azurite.home} ({@code target/azurite} of the
 * project, shared by the modules that test on it) with the machine's Node.js, exactly as the lockfile beside this
 * class pins it; never globally. Without Node.js and npm the tests that need it are skipped, saying so.
 *
 * <p>Started with {@code --skipApiVersionCheck}: the Azure SDK may speak a newer service version than the emulator
 * knows, and the calls this project makes are the same in both.
 */
public final class TestAzurite {

    /** The emulator's well-known development account and key, published by Microsoft for Azurite; not a secret. */
    static final String ACCOUNT = "devstoreaccount1";
    static final String KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final AtomicInteger QUEUES = new AtomicInteger();
    private static String connectionString;
    private static Process azurite;

    private TestAzurite() {
    }

    /** The storage connection string of the running emulator, starting it (and installing it) if need be. */
    public static synchronized String connectionString() {
        if (connectionString == null) {
            start();
        }
        return connectionString;
    }

    /** A new queue with its poison queue and container, named for this test alone. */
    public static StorageQueue newQueue() {
        return StorageQueue.connect(connectionString(), "orders-" + ProcessHandle.current().pid() + "-"
                + QUEUES.incrementAndGet()).createIfMissing();
    }

    private static void start() {
        Path home = Path.of(System.getProperty("azurite.home", "target/azurite")).toAbsolutePath();
        Path bin = home.resolve("node_modules/.bin/azurite");
        if (!Files.isExecutable(bin)) {
            install(home);
        }
        int blobPort = freePort();
        int queuePort = freePort();
        int tablePort = freePort();
        try {
            Path log = Files.createDirectories(home.resolve("logs")).resolve("azurite-" + queuePort + ".log");
            azurite = new ProcessBuilder(bin.toString(), "--silent", "--inMemoryPersistence", "--skipApiVersionCheck",
                    "--loose", "--blobHost", "127.0.0.1", "--blobPort", Integer.toString(blobPort),
                    "--queueHost", "127.0.0.1", "--queuePort", Integer.toString(queuePort),
                    "--tableHost", "127.0.0.1", "--tablePort", Integer.toString(tablePort))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Azurite did not start from " + bin, e);
        }
        Process started = azurite;
        // Killed outright when the test JVM ends: it keeps nothing worth a graceful stop (all in memory), and a
        // graceful one can outlast the JVM's exit and leave the emulator running.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            started.descendants().forEach(ProcessHandle::destroyForcibly);
            started.destroyForcibly();
        }));
        awaitListening(blobPort);
        awaitListening(queuePort);
        connectionString = "DefaultEndpointsProtocol=http;AccountName=" + ACCOUNT + ";AccountKey=" + KEY
                + ";BlobEndpoint=http://127.0.0.1:" + blobPort + "/" + ACCOUNT
                + ";QueueEndpoint=http://127.0.0.1:" + queuePort + "/" + ACCOUNT + ";";
    }

    /** {@code npm ci} of the pinned lockfile into {@code home}; skips the calling test where npm is missing. */
    private static void install(Path home) {
        Assumptions.assumeTrue(onPath("npm") && onPath("node"), "Azurite (the Azure Storage emulator) needs Node.js "
                + "and npm on the PATH, which this machine lacks: the Azure tests are skipped. Install Node.js 20+ "
                + "(Debian: apt-get install nodejs npm) to run them.");
        try {
            Files.createDirectories(home);
            for (String file : List.of("package.json", "package-lock.json")) {
                try (InputStream pinned = TestAzurite.class.getResourceAsStream("/azurite/" + file)) {
                    Files.copy(pinned, home.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(home.resolve("npm-ci.log").toFile())
                    .start();
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                npm.destroyForcibly();
                throw new IllegalStateException("npm ci of Azurite failed in " + home + "; see npm-ci.log there");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Azurite could not be installed into " + home, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while installing Azurite", e);
        }
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && List.of(path.split(java.io.File.pathSeparator)).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitListening(int port) {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!azurite.isAlive()) {
                throw new IllegalStateException("Azurite exited at start (status " + azurite.exitValue() + ")");
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for Azurite", e);
                }
            }
        }
        throw new IllegalStateException("Azurite did not listen on port " + port + " within " + START_TIMEOUT);
    }
}
