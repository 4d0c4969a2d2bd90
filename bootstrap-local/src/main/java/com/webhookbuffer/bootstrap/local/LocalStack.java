package com.webhookbuffer.bootstrap.local;

import com.webhookbuffer.adapter.persistence.ConnectionPool;
import com.webhookbuffer.adapter.persistence.DatabaseMigrations;
import com.webhookbuffer.adapter.persistence.DatabaseSettings;
import com.webhookbuffer.application.ingest.IngestSettings;
import com.webhookbuffer.bootstrap.local.cloud.LocalCloud;
import com.webhookbuffer.bootstrap.local.parts.DashboardPage;
import com.webhookbuffer.bootstrap.local.parts.DevelopmentSecret;
import com.webhookbuffer.bootstrap.local.parts.HttpFront;
import com.webhookbuffer.bootstrap.local.parts.LocalDatabase;
import com.webhookbuffer.bootstrap.local.parts.LocalSettings;
import com.webhookbuffer.bootstrap.local.parts.StateDirectory;
import com.webhookbuffer.bootstrap.local.watch.LocalMetrics;
import com.webhookbuffer.bootstrap.local.watch.PipelineCounts;
import com.webhookbuffer.bootstrap.local.watch.StatusDocument;
import com.webhookbuffer.bootstrap.pipeline.Settings;
import com.webhookbuffer.bootstrap.pipeline.SourceSettings;
import com.webhookbuffer.domain.port.out.DeadLetterQueue;
import com.webhookbuffer.domain.queue.QueueDepth;
import com.webhookbuffer.domain.queue.QueueUnavailableException;
import com.webhookbuffer.domain.webhook.WebhookSecret;
import com.webhookbuffer.standin.WorkerFeed;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The whole pipeline on one machine, assembled here top to bottom: PostgreSQL (migrated before anything connects
 * to it), the queue ({@link LocalCloud}: on PostgreSQL by default, AWS with ElasticMQ for {@code CLOUD=aws}, Azure
 * with Azurite for {@code CLOUD=azure}), the pool, the HTTP front for the ingest function and what feeds the worker.
 * Both sides are the functions' own compositions, given this stack's queues and settings; the worker has one pool for
 * all workers, sized to the budget. This class keeps the lifecycle; {@link StatusDocument} is what
 * {@code GET /status} says.
 *
 * <p>Stopping is the reverse: refuse new webhooks (503, and {@code /health} says so), let the batches in flight
 * finish, then close the HTTP front, the pool, the queues and the database.
 */
final class LocalStack implements AutoCloseable {

    private final LocalSettings settings;
    private final Deque<AutoCloseable> closeInReverse = new ArrayDeque<>();
    private final PipelineCounts counts = new PipelineCounts();
    private final LocalMetrics metrics = new LocalMetrics();
    private volatile boolean accepting;
    private LocalDatabase database;
    private LocalCloud cloud;
    private DeadLetterQueue deadLetterQueue;
    private volatile WorkerFeed poller;
    private HttpFront front;
    private DevelopmentSecret secrets;

    private LocalStack(LocalSettings settings) {
        this.settings = settings;
    }

    /** Starts every part, or stops those already started and rethrows. */
    static LocalStack start(LocalSettings settings, PrintStream out) {
        LocalStack stack = new LocalStack(settings);
        try {
            stack.startParts(out);
            return stack;
        } catch (RuntimeException | IOException e) {
            stack.close();
            if (e instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw (RuntimeException) e;
        }
    }

    private void startParts(PrintStream out) throws IOException {
        out.println("webhook-buffer local stack: starting");
        // Before anything starts: a port in use is the commonest reason a second stack cannot run.
        requireFree(settings.httpPort(), LocalSettings.HTTP_PORT);
        switch (settings.cloud()) {
            case POSTGRESQL -> {}
            case AWS -> requireFree(settings.sqsPort(), LocalSettings.SQS_PORT);
            case AZURE -> {
                requireFree(settings.azuriteBlobPort(), LocalSettings.AZURITE_BLOB_PORT);
                requireFree(settings.azuriteQueuePort(), LocalSettings.AZURITE_QUEUE_PORT);
            }
        }
        StateDirectory state = StateDirectory.open(settings.stateDirectory());
        // Before anything in the folder is touched; released last, once the database has stopped.
        closeInReverse.push(state.claimForStack());
        database = settings.externalDatabase().map(LocalDatabase::external).orElseGet(() -> {
            out.println("  PostgreSQL: starting the embedded server (data in "
                    + state.resolve(LocalDatabase.DATA_FOLDER) + ")");
            return LocalDatabase.embedded(state, settings.budget().dbMaxConnections(), out);
        });
        closeInReverse.push(database);
        database.psqlUrl().ifPresent(url -> state.writePrivate(LocalDatabase.DB_URL_FILE, url + "\n"));
        DatabaseSettings db = database.settings()
                .withApplicationName(LocalDatabase.APPLICATION_NAME)
                .withPoolSize(settings.poolConnections());
        database.requireRoomFor(settings.budget().dbMaxConnections());
        // Before the pool opens, so the migration's connection and the pool's never add up past the budget.
        int applied = DatabaseMigrations.migrate(db);
        out.println("  PostgreSQL: schema up to date (" + applied + " migration(s) applied)");

        cloud = LocalCloud.start(settings, state, db, out);
        closeInReverse.push(cloud);

        HikariDataSource pool = ConnectionPool.open(db);
        closeInReverse.push(pool);
        deadLetterQueue = cloud.deadLetterQueue();
        secrets = DevelopmentSecret.resolve(settings);
        IngestSettings ingest = Settings.ingest(settings.variables(), secrets.all());

        StatusDocument status = new StatusDocument(
                () -> accepting,
                deadLetterQueue,
                () -> poller == null ? 0 : poller.batchesInFlight(),
                counts,
                pool,
                settings,
                cloud::oldestMessageAge);
        metrics.watch(status, settings);
        closeInReverse.push(metrics);
        Map<String, Supplier<HttpFront.Answer>> pages = new LinkedHashMap<>();
        pages.put("/status", () -> HttpFront.json(200, status.json()));
        pages.put("/metrics", metrics::metricsAnswer);
        DashboardPage.files().forEach((path, file) -> pages.put(path, () -> file));
        pages.put(DashboardPage.HISTORY_PATH, () -> metrics.historyAnswer(settings));
        // Answering 503 until everything is up, and again while stopping: it closes after the poller.
        front = HttpFront.start(
                settings.httpPort(),
                cloud.door(ingest, SourceSettings.named(settings.variables()), metrics.ingest()),
                ingest.maxBodyBytes(),
                () -> accepting,
                pages,
                counts::accepted);
        closeInReverse.push(front);
        poller = cloud.startWorker(pool, counts::watching, metrics.worker());
        closeInReverse.push(poller);
        // Undone first: stopping refuses webhooks (503) while the batches in flight finish.
        closeInReverse.push(() -> accepting = false);
        accepting = true;
        Banner.print(out, settings, front.baseUri(), cloud, database, secrets);
    }

    private static void requireFree(int port, String variable) {
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress("127.0.0.1", port));
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot listen on port " + port + " (" + variable + "): " + e.getMessage()
                            + "; is another stack running? Set " + variable + " to another port",
                    e);
        }
    }

    URI baseUri() {
        return front.baseUri();
    }

    /** The SQS queues, when the stack plays AWS. */
    private LocalCloud.SqsAddresses sqs() {
        return cloud.sqs()
                .orElseThrow(() -> new IllegalStateException(
                        "this stack plays " + settings.cloud() + ", not AWS: it has no SQS queues"));
    }

    URI sqsEndpoint() {
        return sqs().endpoint();
    }

    String queueUrl() {
        return sqs().queueUrl();
    }

    String deadLetterQueueUrl() {
        return sqs().deadLetterQueueUrl();
    }

    DatabaseSettings database() {
        return database.settings();
    }

    LocalSettings settings() {
        return settings;
    }

    /** The secret webhooks are signed with here. */
    WebhookSecret secret() {
        return secrets.signing();
    }

    /** Refuses webhooks, finishes the batches in flight, then closes the rest; safe to call twice. */
    @Override
    public synchronized void close() {
        RuntimeException first = null;
        while (!closeInReverse.isEmpty()) {
            AutoCloseable part = closeInReverse.pop();
            try {
                part.close();
                if (part == front) {
                    // Counted only now: the batches in flight are done, and so are the requests that got past the
                    // 503 check before the stop began and published afterwards. What is still queued waits in the
                    // queue's store for the next start.
                    leftBehind = depthOrNull();
                }
            } catch (Exception e) {
                if (first == null) {
                    first = e instanceof RuntimeException r ? r : new IllegalStateException(e);
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private volatile QueueDepth leftBehind;

    /** What was still queued when the stack stopped, kept for the next start (null if it could not tell). */
    QueueDepth leftBehind() {
        return leftBehind;
    }

    private QueueDepth depthOrNull() {
        try {
            return deadLetterQueue.depth();
        } catch (QueueUnavailableException e) {
            return null;
        }
    }
}
