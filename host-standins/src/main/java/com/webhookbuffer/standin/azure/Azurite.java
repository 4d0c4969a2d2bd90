package com.webhookbuffer.standin.azure;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Azurite, the Azure Storage emulator, with its blob and queue services on this machine. It is an npm package:
 * installed on first use into a folder of the caller's ({@code npm ci} of the lockfile beside this class, Azurite
 * 3.37.0, never globally) with the machine's Node.js. Started with {@code --skipApiVersionCheck}: the Azure SDK may
 * speak a newer service version than the emulator knows, and the calls made here are the same in both.
 *
 * <p>Azurite 3.37.0 declares Node.js 22; it ran everything here on Node.js 20 (npm warns {@code EBADENGINE}).
 */
public final class Azurite implements AutoCloseable {

    /** The emulator's well-known development account and key, published by Microsoft for Azurite; not a secret. */
    public static final String ACCOUNT = "devstoreaccount1";

    static final String KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final int blobPort;
    private final int queuePort;

    private Azurite(Process process, int blobPort, int queuePort) {
        this.process = process;
        this.blobPort = blobPort;
        this.queuePort = queuePort;
    }

    /** Why Azurite cannot run on this machine (no Node.js or npm), or empty when it can. */
    public static Optional<String> unavailable() {
        return onPath("npm") && onPath("node")
                ? Optional.empty()
                : Optional.of("Azurite (the Azure Storage "
                        + "emulator) needs Node.js and npm on the PATH, which this machine lacks. Install Node.js 20+ "
                        + "(Debian: apt-get install nodejs npm).");
    }

    /**
     * Starts Azurite from {@code home} (installing it there first if need be), on {@code blobPort} and
     * {@code queuePort} (0: free ones), keeping its data in memory ({@code dataFolder} empty) or in that folder.
     */
    public static Azurite start(Path home, int blobPort, int queuePort, Optional<Path> dataFolder) {
        unavailable().ifPresent(why -> {
            throw new IllegalStateException(why);
        });
        Path bin = home.resolve("node_modules/.bin/azurite");
        if (!Files.isExecutable(bin)) {
            install(home);
        }
        int blob = blobPort == 0 ? freePort() : blobPort;
        int queue = queuePort == 0 ? freePort() : queuePort;
        List<String> command = new ArrayList<>(List.of(
                bin.toString(),
                "--silent",
                "--skipApiVersionCheck",
                "--loose",
                "--blobHost",
                "127.0.0.1",
                "--blobPort",
                Integer.toString(blob),
                "--queueHost",
                "127.0.0.1",
                "--queuePort",
                Integer.toString(queue),
                "--tableHost",
                "127.0.0.1",
                "--tablePort",
                Integer.toString(freePort())));
        if (dataFolder.isPresent()) {
            command.addAll(List.of("--location", dataFolder.get().toString()));
        } else {
            command.add("--inMemoryPersistence");
        }
        Process process;
        try {
            Path log = Files.createDirectories(home.resolve("logs")).resolve("azurite-" + queue + ".log");
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Azurite did not start from " + bin, e);
        }
        Azurite azurite = new Azurite(process, blob, queue);
        try {
            azurite.awaitListening(blob);
            azurite.awaitListening(queue);
        } catch (RuntimeException e) {
            azurite.close();
            throw e;
        }
        return azurite;
    }

    /** The storage connection string of this emulator's account. */
    public String connectionString() {
        return connectionString(blobPort, queuePort);
    }

    /** The connection string of an Azurite listening on these ports of this machine (another process's, say). */
    public static String connectionString(int blobPort, int queuePort) {
        return "DefaultEndpointsProtocol=http;AccountName=" + ACCOUNT + ";AccountKey=" + KEY
                + ";BlobEndpoint=http://127.0.0.1:" + blobPort + "/" + ACCOUNT
                + ";QueueEndpoint=http://127.0.0.1:" + queuePort + "/" + ACCOUNT + ";";
    }

    public int queuePort() {
        return queuePort;
    }

    /** Killed outright: a graceful stop can outlast the caller's exit and leave the emulator running. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void install(Path home) {
        try {
            Files.createDirectories(home);
            for (String file : List.of("package.json", "package-lock.json")) {
                try (InputStream pinned = Azurite.class.getResourceAsStream(file)) {
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
        return path != null
                && List.of(path.split(File.pathSeparator)).stream()
                        .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitListening(int port) {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "Azurite exited at start (status " + process.exitValue() + "); is port " + port + " taken?");
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
