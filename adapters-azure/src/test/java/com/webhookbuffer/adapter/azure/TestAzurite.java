package com.webhookbuffer.adapter.azure;

import com.webhookbuffer.adapter.azure.message.StorageQueue;
import com.webhookbuffer.standin.azure.Azurite;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * {@link Azurite} started once per test JVM, in memory on free ports, installed into {@code azurite.home}
 * ({@code target/azurite} of the project, shared by the modules that test on it). Without Node.js the tests that
 * need it are skipped, saying why.
 */
public final class TestAzurite {

    private static final AtomicInteger QUEUES = new AtomicInteger();
    private static Azurite azurite;

    private TestAzurite() {}

    /** The storage connection string of the running emulator, starting it (and installing it) if need be. */
    public static synchronized String connectionString() {
        if (azurite == null) {
            Optional<String> unavailable = Azurite.unavailable();
            Assumptions.assumeTrue(
                    unavailable.isEmpty(), () -> unavailable.orElseThrow() + " The Azure tests are skipped.");
            azurite = Azurite.start(
                    Path.of(System.getProperty("azurite.home", "target/azurite"))
                            .toAbsolutePath(),
                    0,
                    0,
                    Optional.empty());
            Azurite started = azurite;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        }
        return azurite.connectionString();
    }

    /** A new queue with its poison queue and container, named for this test alone. */
    public static StorageQueue newQueue() {
        return StorageQueue.connect(
                        connectionString(), "orders-" + ProcessHandle.current().pid() + "-" + QUEUES.incrementAndGet())
                .createIfMissing();
    }
}
