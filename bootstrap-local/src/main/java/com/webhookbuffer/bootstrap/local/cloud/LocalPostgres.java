package com.webhookbuffer.bootstrap.local.cloud;

import com.webhookbuffer.adapter.http.in.HttpAnswer;
import com.webhookbuffer.adapter.http.in.HttpWebhookEndpoint;
import com.webhookbuffer.adapter.persistence.AcknowledgeInTransaction;
import com.webhookbuffer.adapter.persistence.DatabaseSettings;
import com.webhookbuffer.adapter.persistence.MyBatisOrderRepository;
import com.webhookbuffer.adapter.postgresqueue.in.QueueConsumer;
import com.webhookbuffer.adapter.postgresqueue.message.QueueDatabase;
import com.webhookbuffer.adapter.postgresqueue.message.QueueTables;
import com.webhookbuffer.adapter.postgresqueue.out.PostgresDeadLetterQueue;
import com.webhookbuffer.adapter.postgresqueue.out.PostgresFailedDeliveries;
import com.webhookbuffer.adapter.postgresqueue.out.PostgresMessageQueue;
import com.webhookbuffer.application.ingest.IngestSettings;
import com.webhookbuffer.application.ingest.NamedSource;
import com.webhookbuffer.bootstrap.local.parts.HttpFront;
import com.webhookbuffer.bootstrap.local.parts.LocalSettings;
import com.webhookbuffer.bootstrap.pipeline.Pipeline;
import com.webhookbuffer.bootstrap.pipeline.Settings;
import com.webhookbuffer.domain.port.in.WebhookProcessor;
import com.webhookbuffer.domain.port.out.DeadLetterQueue;
import com.webhookbuffer.domain.port.out.IngestMetrics;
import com.webhookbuffer.domain.port.out.WorkerMetrics;
import com.webhookbuffer.domain.webhook.SourceName;
import com.webhookbuffer.standin.WorkerFeed;
import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;

/**
 * The queue on PostgreSQL ({@code CLOUD=postgresql}, the default, and what a self-hosted deployment runs): no cloud
 * at all. By default the queue's tables live in the orders' database (schema {@code webhook_queue}), and the worker
 * deletes the messages of a batch in the transaction that writes it: each message is processed exactly once. With
 * {@code QUEUE_DB_URL} they live elsewhere, and writes stay idempotent as on SQS.
 *
 * <p>The door is the plain HTTP adapter, publishing through {@code QUEUE_DOOR_CONNECTIONS} connections that commit
 * in groups; the worker is fed by a {@link QueueConsumer} on the worker's own pool (same database) or on a pool of
 * one connection per worker (elsewhere).
 */
final class LocalPostgres implements LocalCloud {

    private final LocalSettings settings;
    private final QueueDatabase database;
    private final boolean sharedWithOrders;
    private final HikariDataSource doorPool;
    private final QueueTables doorTables;
    private final PostgresMessageQueue queue;
    private final List<AutoCloseable> opened = new ArrayList<>();

    private LocalPostgres(LocalSettings settings, QueueDatabase database, boolean sharedWithOrders) {
        this.settings = settings;
        this.database = database;
        this.sharedWithOrders = sharedWithOrders;
        this.doorPool = database.pool("webhook-buffer-door", settings.queue().doorConnections());
        this.doorTables = new QueueTables(doorPool, visibilityTimeout(settings), settings.maxReceiveCount());
        this.queue = new PostgresMessageQueue(
                doorTables, settings.queue().doorConnections(), settings.queue().maxDepth());
    }

    /** Migrates the queue's schema (in the orders' database unless {@code QUEUE_DB_URL} names another). */
    static LocalPostgres start(LocalSettings settings, DatabaseSettings orders, PrintStream out) {
        QueueDatabase database = settings.queue()
                .elsewhere()
                .orElseGet(() -> new QueueDatabase(orders.jdbcUrl(), orders.user(), orders.password()));
        int applied = database.migrate();
        out.println("  Queue: schema " + QueueTables.SCHEMA + " up to date (" + applied + " migration(s) applied)");
        return new LocalPostgres(
                settings, database, settings.queue().elsewhere().isEmpty());
    }

    private static Duration visibilityTimeout(LocalSettings settings) {
        return Duration.ofSeconds(settings.visibilityTimeoutSeconds());
    }

    @Override
    public HttpFront.Door door(
            IngestSettings ingest, Map<SourceName, NamedSource> namedSources, IngestMetrics metrics) {
        HttpWebhookEndpoint endpoint = new HttpWebhookEndpoint(
                Pipeline.door(ingest, ingest::keys, namedSources, Pipeline.payloadReader(), queue, metrics));
        return (exchange, body) -> {
            HttpAnswer answer = endpoint.answer(
                    HttpFront.source(exchange),
                    HttpFront.headers(exchange),
                    body,
                    UUID.randomUUID().toString());
            return new HttpFront.Answer(answer.status(), answer.headers(), answer.body());
        };
    }

    @Override
    public DeadLetterQueue deadLetterQueue() {
        return new PostgresDeadLetterQueue(doorTables);
    }

    @Override
    public WorkerFeed startWorker(DataSource orders, UnaryOperator<WebhookProcessor> watching, WorkerMetrics metrics) {
        DataSource queuePool = orders;
        if (!sharedWithOrders) {
            HikariDataSource own = database.pool("webhook-buffer-consumer", settings.workerMaxConcurrency());
            opened.add(own);
            queuePool = own;
        }
        QueueTables tables = new QueueTables(queuePool, visibilityTimeout(settings), settings.maxReceiveCount());
        WebhookProcessor worker = Pipeline.worker(
                Pipeline.payloadReader(),
                new MyBatisOrderRepository(
                        orders, sharedWithOrders ? QueueTables::deleteWithin : AcknowledgeInTransaction.NOTHING),
                new PostgresFailedDeliveries(tables),
                Settings.retryPolicy(settings.variables()),
                RandomGenerator.getDefault(),
                metrics);
        QueueConsumer consumer = new QueueConsumer(
                tables,
                settings.batchSize(),
                settings.workerMaxConcurrency(),
                watching.apply(worker),
                sharedWithOrders);
        return new WorkerFeed() {
            @Override
            public int batchesInFlight() {
                return consumer.batchesInFlight();
            }

            @Override
            public void close() {
                consumer.close();
            }
        };
    }

    @Override
    public Optional<Duration> oldestMessageAge() {
        // As the door last counted it: /status need not count the queue a second time.
        return queue.lastCounted().map(QueueTables.Counts::oldest);
    }

    @Override
    public List<String> describe() {
        return List.of(
                "  Queue        PostgreSQL, schema " + QueueTables.SCHEMA + " in "
                        + (sharedWithOrders
                                ? "the orders' database (each batch's messages deleted in the transaction that"
                                        + " writes it)"
                                : database.jdbcUrl() + " (QUEUE_DB_URL)"),
                "    queue      visibility " + settings.visibilityTimeoutSeconds() + " s, dead letters after "
                        + settings.maxReceiveCount() + " receives, at most "
                        + settings.queue().maxDepth()
                        + " waiting (QUEUE_MAX_DEPTH), door commits through "
                        + settings.queue().doorConnections() + " connection(s)",
                "    rehearse   CLOUD=aws ./run-local (SQS played by ElasticMQ), CLOUD=azure ./run-local (Azurite)");
    }

    @Override
    public void close() {
        queue.close();
        doorPool.close();
        for (AutoCloseable closeable : opened) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
