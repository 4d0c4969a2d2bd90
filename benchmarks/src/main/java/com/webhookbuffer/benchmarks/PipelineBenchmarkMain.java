package com.webhookbuffer.benchmarks;

import com.webhookbuffer.adapter.aws.out.SqsBatchingMessageQueue;
import com.webhookbuffer.adapter.aws.out.SqsClients;
import com.webhookbuffer.adapter.persistence.ConnectionPool;
import com.webhookbuffer.adapter.persistence.DatabaseMigrations;
import com.webhookbuffer.adapter.persistence.DatabaseSettings;
import com.webhookbuffer.adapter.postgresqueue.in.QueueConsumer;
import com.webhookbuffer.adapter.postgresqueue.message.QueueDatabase;
import com.webhookbuffer.adapter.postgresqueue.message.QueueTables;
import com.webhookbuffer.adapter.postgresqueue.out.PostgresMessageQueue;
import com.webhookbuffer.bootstrap.local.InProcessStack;
import com.webhookbuffer.bootstrap.local.command.SendCommand;
import com.webhookbuffer.domain.order.CustomerId;
import com.webhookbuffer.domain.order.EventType;
import com.webhookbuffer.domain.order.LineItem;
import com.webhookbuffer.domain.order.Money;
import com.webhookbuffer.domain.order.Order;
import com.webhookbuffer.domain.order.OrderId;
import com.webhookbuffer.domain.order.OrderStatus;
import com.webhookbuffer.domain.order.OrderUpdate;
import com.webhookbuffer.domain.order.OrderVersion;
import com.webhookbuffer.domain.port.out.MessageQueue;
import com.webhookbuffer.domain.processing.OrderWrite;
import com.webhookbuffer.domain.queue.Delivery;
import com.webhookbuffer.domain.queue.PublishOutcome;
import com.webhookbuffer.domain.webhook.CorrelationId;
import com.webhookbuffer.domain.webhook.QueuedWebhook;
import com.webhookbuffer.domain.webhook.SourceName;
import com.webhookbuffer.domain.webhook.WebhookId;
import com.webhookbuffer.domain.webhook.WebhookSecret;
import com.webhookbuffer.standin.aws.ElasticMq;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The local pipeline end to end on one engine ({@code -Dcloud=postgresql}, the default; {@code aws}; {@code azure}),
 * beside the database's own pace in the same run:
 * <ol>
 *   <li>the whole local stack started in this JVM ({@link InProcessStack}, as {@code ./run-local} starts it, queue
 *       kept on disk), then N signed webhooks of N distinct orders posted over C keep-alive connections; measured
 *       from the first request sent until the last order is in {@code orders}: accepted per second at the door,
 *       written per second end to end, and the answer's latency;
 *   <li>with {@code postgresql}, the queue alone: on a fresh durable PostgreSQL after the stack stopped, the same
 *       number of messages published through the door's queue (committing in groups) while the rest of the budget
 *       receives and deletes them; then once more with one transaction per message, leaving the grouping to
 *       PostgreSQL's own group commit;
 *   <li>with {@code aws}, the queue alone, to show what the SQS emulation leaves for the rest: on the same server and H2 file, a
 *       queue of its own that no worker reads; the same number of the same messages published over C threads as
 *       the door publishes them ({@code SqsBatchingMessageQueue}, each waiting for its acknowledgement) while as
 *       many pollers as the budget receive batches and delete them, as the worker's event source does, with no
 *       door before it and no database behind it; then the same on an ElasticMQ of its own that keeps nothing on
 *       disk, to show what the SQS protocol alone costs;
 *   <li>the baseline: the same number of orders written straight into PostgreSQL (the same embedded version, started
 *       after the stack stopped so the two never share the cores) with plain JDBC batches of the stack's batch size,
 *       over as many connections as the stack's budget ({@code PlainJdbcUpsert}): what the database takes when
 *       nothing stands in front of it.
 * </ol>
 * Run: {@code ./mvnw -q -pl benchmarks -am -DskipTests -Pbenchmark verify -Dbenchmark=Pipeline}
 * ({@code -Dcloud=aws|azure -Dwebhooks=N -Dconnections=C -Dbudget=B -Dbatch=S} to change the defaults).
 */
public final class PipelineBenchmarkMain {

    private static final int WEBHOOKS = Integer.getInteger("webhooks", 20_000);
    private static final int WARM_UP = Integer.getInteger("warmup", 2_000);
    private static final int CONNECTIONS = Integer.getInteger("connections", 32);
    private static final int BUDGET = Integer.getInteger("budget", 10);
    /** The queue the stack runs on: {@code postgresql} (the default), {@code aws} or {@code azure}. */
    private static final String CLOUD = System.getProperty("cloud", "postgresql");
    /** The queue on PostgreSQL's door connections, as the stack's default. */
    private static final int DOOR_CONNECTIONS = 2;
    /** Connections that commit one webhook per transaction, leaving the grouping to PostgreSQL's own group commit. */
    private static final int UNGROUPED_CONNECTIONS = 8;

    /** The stack's default batch: 100 on the queue on PostgreSQL, the 10 an SQS receive allows on the others. */
    private static final int BATCH = Integer.getInteger("batch", CLOUD.equals("postgresql") ? 100 : 10);
    /** The goals (#26): the pipeline at 0.25x of the database's own pace, answers under 100 ms at p99. */
    private static final double GOAL_RATIO = 0.25;

    private static final long GOAL_P99_MILLIS = 100;

    private PipelineBenchmarkMain() {}

    public static void main(String[] args) throws Exception {
        Path state = Files.createTempDirectory("pipeline-benchmark");
        Map<String, String> environment = Map.of(
                "CLOUD",
                CLOUD,
                "HTTP_PORT",
                "0",
                "SQS_PORT",
                "0",
                "LOCAL_STATE_DIR",
                state.toString(),
                "DB_MAX_CONNECTIONS",
                Integer.toString(BUDGET),
                "BATCH_SIZE",
                Integer.toString(BATCH));
        if (System.getProperty("concurrency") != null)
            environment.put("WORKER_MAX_CONCURRENCY", System.getProperty("concurrency"));
        Run run;
        QueueRun queue = null;
        QueueRun inMemory = null;
        QueueRun ungrouped = null;
        double baseline;
        try (InProcessStack stack = InProcessStack.start(
                        environment, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
                HttpClient http = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build()) {
            System.out.printf(
                    "Pipeline benchmark (CLOUD=%s): %,d webhooks over %d connections, budget %d, batches of %d "
                            + "(warm-up %,d)%n",
                    CLOUD, WEBHOOKS, CONNECTIONS, BUDGET, BATCH, WARM_UP);
            post(stack, http, "warm", WARM_UP);
            run = post(stack, http, "bench", WEBHOOKS);
            if (CLOUD.equals("aws")) {
                queueAlone(stack.sqsEndpoint(), "alone-warm", WARM_UP);
                queue = queueAlone(stack.sqsEndpoint(), "alone", WEBHOOKS);
            }
        }
        if (CLOUD.equals("aws")) {
            // The same on an ElasticMQ that keeps nothing on disk: what the SQS protocol costs with durability free.
            ElasticMq server = ElasticMq.inMemory();
            try {
                URI endpoint = server.endpoint();
                queueAlone(endpoint, "memory-warm", WARM_UP);
                inMemory = queueAlone(endpoint, "memory", WEBHOOKS);
            } finally {
                server.close();
            }
        }
        if (CLOUD.equals("postgresql")) {
            // After the stack stopped, on a fresh durable PostgreSQL: the queue's tables with nothing before or behind.
            try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start()) {
                QueueDatabase db =
                        new QueueDatabase(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
                db.migrate();
                postgresQueueAlone(db, "pg-warm", WARM_UP, DOOR_CONNECTIONS, PostgresMessageQueue.MAX_GROUP);
                queue = postgresQueueAlone(db, "pg", WEBHOOKS, DOOR_CONNECTIONS, PostgresMessageQueue.MAX_GROUP);
                ungrouped = postgresQueueAlone(db, "pg-one", WEBHOOKS, UNGROUPED_CONNECTIONS, 1);
            }
        }
        // After the stack stopped, on a fresh PostgreSQL of the same version: the two never share the cores.
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DatabaseSettings db =
                    DatabaseSettings.of(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
            DatabaseMigrations.migrate(db);
            plainJdbc(db, WARM_UP, BUDGET);
            baseline = plainJdbc(db, WEBHOOKS, BUDGET);
        }
        print(run, queue, inMemory, ungrouped, baseline);
    }

    /** What one measured run saw. */
    private record Run(int accepted, int refused, Duration sending, Duration untilWritten, long[] latencyNanos) {

        double acceptedPerSecond() {
            return accepted / seconds(sending);
        }

        double writtenPerSecond() {
            return accepted / seconds(untilWritten);
        }

        long percentileMillis(double percentile) {
            return PipelineBenchmarkMain.percentileMillis(latencyNanos, percentile);
        }
    }

    private static Run post(InProcessStack stack, HttpClient http, String prefix, int count) throws Exception {
        URI webhooks = stack.baseUri().resolve("/webhooks");
        WebhookSecret secret = stack.secret();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        long[] latencies = new long[count];
        // Signed before the clock starts (well inside the door's tolerance): the sender's work is not the stack's.
        HttpRequest[] requests = new HttpRequest[count];
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            byte[] body = order(prefix + "_" + i).getBytes(StandardCharsets.UTF_8);
            requests[i] = SendCommand.signed(webhooks, secret, prefix + "-" + i, now, body);
        }
        long started = System.nanoTime();
        List<Future<?>> senders = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS)) {
            for (int c = 0; c < CONNECTIONS; c++) {
                senders.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        long sent = System.nanoTime();
                        HttpResponse<Void> answer = http.send(requests[i], HttpResponse.BodyHandlers.discarding());
                        latencies[i] = System.nanoTime() - sent;
                        if (answer.statusCode() != 202) {
                            refused.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> sender : senders) {
                sender.get();
            }
        }
        Duration sending = Duration.ofNanos(System.nanoTime() - started);
        int accepted = count - refused.get();
        awaitWritten(stack.database(), prefix, accepted);
        Duration untilWritten = Duration.ofNanos(System.nanoTime() - started);
        return new Run(accepted, refused.get(), sending, untilWritten, latencies);
    }

    private static String order(String orderId) {
        return "{\"type\":\"order.created\",\"timestamp\":\"2026-11-27T12:00:00Z\",\"data\":{\"orderId\":\"" + orderId
                + "\",\"version\":1,\"customerId\":\"cus_42\",\"status\":\"placed\",\"currency\":\"EUR\","
                + "\"items\":[{\"sku\":\"SKU-1\",\"quantity\":2,\"unitPrice\":\"19.99\"}],\"total\":\"39.98\"}}";
    }

    private static void awaitWritten(DatabaseSettings db, String prefix, int expected) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                Statement statement = connection.createStatement()) {
            while (Instant.now().isBefore(deadline)) {
                try (ResultSet rows = statement.executeQuery(
                        "SELECT count(*) FROM orders WHERE order_id LIKE '" + prefix + "\\_%'")) {
                    rows.next();
                    if (rows.getLong(1) >= expected) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("the stack did not write " + expected + " orders within 10 minutes");
    }

    /** What the queue alone took: from the first publish until the last message was deleted. */
    private record QueueRun(int count, Duration untilDeleted, long[] acknowledgedNanos) {

        double perSecond() {
            return count / seconds(untilDeleted);
        }
    }

    private static QueueRun queueAlone(URI endpoint, String name, int count) throws Exception {
        ScheduledExecutorService windows = Executors.newSingleThreadScheduledExecutor();
        try (SqsClient sqs = SqsClients.forEndpoint(endpoint, Region.US_EAST_1);
                SqsAsyncClient async = SqsAsyncClient.builder()
                        .endpointOverride(endpoint)
                        .region(Region.US_EAST_1)
                        .credentialsProvider(
                                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                        .httpClientBuilder(NettyNioAsyncHttpClient.builder().maxConcurrency(CONNECTIONS))
                        .build()) {
            String queueUrl = sqs.createQueue(create -> create.queueName(name)).queueUrl();
            try (SqsBatchingMessageQueue queue = new SqsBatchingMessageQueue(async, queueUrl, windows)) {
                return measureQueue(name, count, queue, BUDGET, () -> {
                    List<Message> messages = sqs.receiveMessage(receive -> receive.queueUrl(queueUrl)
                                    .maxNumberOfMessages(BATCH)
                                    .waitTimeSeconds(1)
                                    .messageAttributeNames("All"))
                            .messages();
                    if (!messages.isEmpty()) {
                        sqs.deleteMessageBatch(delete -> delete.queueUrl(queueUrl)
                                .entries(messages.stream()
                                        .map(m -> DeleteMessageBatchRequestEntry.builder()
                                                .id(m.messageId())
                                                .receiptHandle(m.receiptHandle())
                                                .build())
                                        .toList()));
                    }
                    return messages.size();
                });
            }
        } finally {
            windows.shutdownNow();
        }
    }

    /**
     * The queue on PostgreSQL alone: {@code count} messages published over C threads through the door's queue
     * ({@code committers} connections, at most {@code maxGroup} messages per commit), while the rest of the budget's
     * connections receive batches and delete them, as the consumer does; no door before it, no orders behind it.
     */
    private static QueueRun postgresQueueAlone(QueueDatabase db, String name, int count, int committers, int maxGroup)
            throws Exception {
        try (HikariDataSource doorPool = db.pool("bench-door", committers);
                HikariDataSource consumerPool = db.pool("bench-consumer", BUDGET - DOOR_CONNECTIONS)) {
            QueueTables door = new QueueTables(doorPool, Duration.ofSeconds(30), 5);
            QueueTables consumer = new QueueTables(consumerPool, Duration.ofSeconds(30), 5);
            try (PostgresMessageQueue queue = new PostgresMessageQueue(door, committers, Long.MAX_VALUE, maxGroup)) {
                return measureQueue(name, count, queue, BUDGET - DOOR_CONNECTIONS, () -> {
                    List<Delivery> batch = consumer.receive(BATCH);
                    if (batch.isEmpty()) {
                        Thread.sleep(QueueConsumer.IDLE_POLL);
                        return 0;
                    }
                    return consumer.delete(batch);
                });
            }
        }
    }

    /** One receive and the delete of what it received, as a worker's event source does it: how many it deleted. */
    private interface ReceiveAndDelete {
        int once() throws Exception;
    }

    /**
     * What a queue alone carries: {@code count} messages published through {@code queue} over C threads, each
     * waiting for its acknowledgement, while {@code pollers} threads receive and delete them; from the first publish
     * until the last message was deleted.
     */
    private static QueueRun measureQueue(
            String name, int count, MessageQueue queue, int pollers, ReceiveAndDelete receiveAndDelete)
            throws Exception {
        long[] acknowledged = new long[count];
        AtomicInteger deleted = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        long started = System.nanoTime();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        try (ExecutorService threads = Executors.newFixedThreadPool(pollers + CONNECTIONS)) {
            List<Future<?>> receivers = new ArrayList<>();
            List<Future<?>> senders = new ArrayList<>();
            for (int r = 0; r < pollers; r++) {
                receivers.add(threads.submit(() -> {
                    while (deleted.get() < count) {
                        if (Instant.now().isAfter(deadline)) {
                            throw new IllegalStateException(
                                    "the queue alone did not deliver " + count + " messages within 10 minutes");
                        }
                        deleted.addAndGet(receiveAndDelete.once());
                    }
                    return null;
                }));
            }
            for (int c = 0; c < CONNECTIONS; c++) {
                senders.add(threads.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        QueuedWebhook webhook = new QueuedWebhook(
                                WebhookId.of(name + "-" + i),
                                Instant.now(),
                                CorrelationId.random(),
                                order(name + "_" + i));
                        long sent = System.nanoTime();
                        if (!(queue.publish(webhook) instanceof PublishOutcome.Published)) {
                            throw new IllegalStateException("the queue did not take " + webhook.webhookId());
                        }
                        acknowledged[i] = System.nanoTime() - sent;
                    }
                    return null;
                }));
            }
            // The senders first: one that failed stops the run now, not when the receivers give up.
            try {
                for (Future<?> thread : senders) {
                    thread.get();
                }
            } catch (ExecutionException e) {
                threads.shutdownNow();
                throw e;
            }
            for (Future<?> thread : receivers) {
                thread.get();
            }
        }
        return new QueueRun(count, Duration.ofNanos(System.nanoTime() - started), acknowledged);
    }

    /** The same number of orders written with plain JDBC batches over {@code connections} connections. */
    private static double plainJdbc(DatabaseSettings db, int count, int connections) throws Exception {
        try (HikariDataSource pool = ConnectionPool.open(db.withPoolSize(connections))) {
            PlainJdbcUpsert upsert = new PlainJdbcUpsert(pool);
            AtomicInteger next = new AtomicInteger();
            long started = System.nanoTime();
            try (ExecutorService writers = Executors.newFixedThreadPool(connections)) {
                List<Future<?>> done = new ArrayList<>();
                for (int c = 0; c < connections; c++) {
                    done.add(writers.submit(() -> {
                        for (int first = next.getAndAdd(BATCH); first < count; first = next.getAndAdd(BATCH)) {
                            List<OrderWrite> batch = new ArrayList<>();
                            for (int i = first; i < Math.min(count, first + BATCH); i++) {
                                batch.add(write("base_" + count + "_" + i));
                            }
                            upsert.write(batch);
                        }
                        return null;
                    }));
                }
                for (Future<?> writer : done) {
                    writer.get();
                }
            }
            return count / seconds(Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private static OrderWrite write(String orderId) {
        Order order = new Order(
                OrderId.of(orderId),
                OrderVersion.of(1),
                CustomerId.of("cus_42"),
                OrderStatus.PLACED,
                Money.currency("EUR"),
                List.of(LineItem.of("SKU-1", 2, Money.of("19.99", "EUR"))),
                Money.of("39.98", "EUR"),
                Instant.parse("2026-11-27T12:00:00Z"));
        return new OrderWrite(
                SourceName.DEFAULT, WebhookId.of("base-" + orderId), new OrderUpdate(EventType.ORDER_CREATED, order));
    }

    private static void print(Run run, QueueRun queue, QueueRun inMemory, QueueRun ungrouped, double baseline) {
        double ratio = run.writtenPerSecond() / baseline;
        System.out.println();
        System.out.printf("| figure (CLOUD=%s) | measured | baseline in the same run | ratio | goal (#26) |%n", CLOUD);
        System.out.printf("|---|---|---|---|---|%n");
        System.out.printf("| webhooks accepted per second (door) | %,.0f | | | |%n", run.acceptedPerSecond());
        System.out.printf(
                "| webhooks written per second, end to end | %,.0f | plain JDBC, %d connections, batches of %d: "
                        + "%,.0f orders/s | %.2fx | >= %.2fx and >= 2,000/s |%n",
                run.writtenPerSecond(), BUDGET, BATCH, baseline, ratio, GOAL_RATIO);
        System.out.printf(
                "| answer latency p50 / p99 / max (ms) | %d / %d / %d | | | p99 < %d |%n",
                run.percentileMillis(50), run.percentileMillis(99), run.percentileMillis(100), GOAL_P99_MILLIS);
        System.out.printf("| answered other than 202 | %d | | | 0 |%n", run.refused());
        if (queue != null) {
            System.out.printf(
                    "| the queue alone: published, received and deleted per second (no door, no worker) | "
                            + "%,.0f | | %.2fx of plain JDBC | %s |%n",
                    queue.perSecond(),
                    queue.perSecond() / baseline,
                    CLOUD.equals("postgresql") ? ">= 5,000/s" : "the ceiling of the end-to-end line");
            System.out.printf(
                    "| the queue alone: publish acknowledged p50 / p99 / max (ms) | %d / %d / %d | | | |%n",
                    percentileMillis(queue.acknowledgedNanos(), 50),
                    percentileMillis(queue.acknowledgedNanos(), 99),
                    percentileMillis(queue.acknowledgedNanos(), 100));
        }
        if (ungrouped != null) {
            System.out.printf(
                    "| the same, one transaction per message over %d connections (PostgreSQL's own group commit) | "
                            + "%,.0f, p99 %d ms | | %.2fx of plain JDBC | |%n",
                    UNGROUPED_CONNECTIONS,
                    ungrouped.perSecond(),
                    percentileMillis(ungrouped.acknowledgedNanos(), 99),
                    ungrouped.perSecond() / baseline);
        }
        if (inMemory != null) {
            System.out.printf(
                    "| the same, on an ElasticMQ that keeps nothing on disk (not the stack's promise) | "
                            + "%,.0f, p99 %d ms | | %.2fx of plain JDBC | |%n",
                    inMemory.perSecond(),
                    percentileMillis(inMemory.acknowledgedNanos(), 99),
                    inMemory.perSecond() / baseline);
        }
        System.out.printf(
                "%nAccepted %,d in %.1f s; all written %.1f s after the first was sent.%n",
                run.accepted(), seconds(run.sending()), seconds(run.untilWritten()));
    }

    private static long percentileMillis(long[] nanos, double percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100 * sorted.length);
        return Duration.ofNanos(sorted[Math.max(0, rank - 1)]).toMillis();
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
