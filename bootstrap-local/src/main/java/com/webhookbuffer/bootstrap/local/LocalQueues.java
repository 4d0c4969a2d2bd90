package com.webhookbuffer.bootstrap.local;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.webhookbuffer.adapter.aws.out.SqsBatchingMessageQueue;
import com.webhookbuffer.adapter.aws.out.SqsClients;
import com.webhookbuffer.domain.port.out.MessageQueue;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.apache.pekko.pattern.Patterns;
import org.elasticmq.StrictSQSLimits$;
import org.elasticmq.actor.QueueManagerActor;
import org.elasticmq.actor.queue.QueueEvent;
import org.elasticmq.persistence.sql.SqlQueuePersistenceActor;
import org.elasticmq.persistence.sql.SqlQueuePersistenceConfig;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.rest.sqs.TheSQSRestServerBuilder;
import org.elasticmq.util.NowProvider;
import scala.Option;
import scala.util.Either;
import scalikejdbc.ConnectionPool$;
import scalikejdbc.ConnectionPoolSettings;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * The SQS-protocol server of the local stack (ElasticMQ, in this JVM) with the two queues the SAM template makes:
 * {@code orders}, whose redrive policy moves a message to {@code orders-dlq} after {@code MAX_RECEIVE_COUNT}
 * receives. The aws CLI and any SQS SDK reach them at {@link #endpoint()}.
 *
 * <p>The queues and their messages are kept in an H2 file ({@code LOCAL_STATE_DIR/queues}) by ElasticMQ's own SQL
 * persistence, which writes each change before SQS answers the request that made it: a message acknowledged to
 * the ingest function survives a stop, a crash and a restart, like one acknowledged by SQS.
 */
final class LocalQueues implements AutoCloseable {

    static final String QUEUE_NAME = "orders";
    static final String DEAD_LETTER_QUEUE_NAME = "orders-dlq";
    static final Region REGION = Region.US_EAST_1;

    /**
     * ElasticMQ reads SQS requests' headers by name only. Pekko HTTP would otherwise try to model every header of
     * every request, and fail on the SDK's (a failed parse is an exception, then a second, tracing parse for its
     * message): 10,856 exceptions in 55 s of a profiled local pipeline, for nothing.
     */
    private static final Config SERVER_SETTINGS =
            ConfigFactory.parseString("pekko.http.server.parsing.modeled-header-parsing = off");
    /**
     * ElasticMQ keeps a message's body, attributes and receipts in BLOB columns; H2 stores a BLOB larger than this
     * beside the row, in maps of its own, and cleans those up in the background. A message as large as SQS takes
     * (1 MiB) fits in the row: one write per change instead of several.
     */
    private static final int LARGEST_IN_ROW_BYTES = 1024 * 1024;
    private static final Duration RESTORE_TIMEOUT = Duration.ofSeconds(20);
    /** For the door's first call, which starts its client (see {@link Publisher#connect}). */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);
    /** ElasticMQ's persistence goes through one process-wide connection pool: one set of queues per JVM. */
    private static final AtomicBoolean RUNNING = new AtomicBoolean();

    private final ActorSystem system;
    private final SQSRestServer server;
    private final URI endpoint;
    private final SqsClient client;
    private final Publisher publisher;
    private final String queueUrl;
    private final String queueArn;
    private final String deadLetterQueueUrl;

    private LocalQueues(ActorSystem system, SQSRestServer server, URI endpoint, SqsClient client, String queueUrl,
            String queueArn, String deadLetterQueueUrl) {
        this.system = system;
        this.server = server;
        this.endpoint = endpoint;
        this.client = client;
        this.publisher = new Publisher(endpoint, queueUrl);
        this.queueUrl = queueUrl;
        this.queueArn = queueArn;
        this.deadLetterQueueUrl = deadLetterQueueUrl;
    }

    static LocalQueues start(int port, int visibilityTimeoutSeconds, int maxReceiveCount, Path storage) {
        if (!RUNNING.compareAndSet(false, true)) {
            throw new IllegalStateException("the queues of another local stack are running in this JVM: ElasticMQ's "
                    + "persistence keeps one set of queues per process");
        }
        try {
            return startAlone(port, visibilityTimeoutSeconds, maxReceiveCount, storage);
        } catch (RuntimeException e) {
            RUNNING.set(false);
            throw e;
        }
    }

    private static LocalQueues startAlone(int port, int visibilityTimeoutSeconds, int maxReceiveCount,
            Path storage) {
        ActorSystem system = ActorSystem.create("elasticmq", SERVER_SETTINGS.withFallback(ConfigFactory.load()));
        SQSRestServer server;
        try {
            server = startServer(system, port, storage);
        } catch (RuntimeException e) {
            terminate(system);
            throw e;
        }
        URI endpoint = URI.create("http://127.0.0.1:" + server.waitUntilStarted().localAddress().getPort());
        SqsClient client = SqsClients.forEndpoint(endpoint, REGION);
        LocalQueues queues;
        try {
            String deadLetterQueueUrl = createOrUpdate(client, DEAD_LETTER_QUEUE_NAME, Map.of());
            String queueUrl = createOrUpdate(client, QUEUE_NAME, Map.of(
                    QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(visibilityTimeoutSeconds),
                    QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\""
                            + arn(client, deadLetterQueueUrl) + "\",\"maxReceiveCount\":\"" + maxReceiveCount + "\"}"));
            queues = new LocalQueues(system, server, endpoint, client, queueUrl, arn(client, queueUrl),
                    deadLetterQueueUrl);
        } catch (RuntimeException e) {
            client.close();
            server.stopAndWait();
            terminate(system);
            throw e;
        }
        try {
            queues.publisher.connect(queues.queueUrl);
        } catch (RuntimeException e) {
            queues.close();
            throw e;
        }
        return queues;
    }

    /** ElasticMQ's queue manager with its SQL persistence, as its own server assembles them, restored first. */
    private static SQSRestServer startServer(ActorSystem system, int port, Path storage) {
        // Every commit written out at once (H2 would otherwise wait up to 500 ms): a 202 means on disk.
        String url = "jdbc:h2:file:" + storage.toAbsolutePath() + ";WRITE_DELAY=0;MAX_LENGTH_INPLACE_LOB="
                + LARGEST_IN_ROW_BYTES;
        // ElasticMQ's SQL persistence works through scalikejdbc's process-wide default pool, which it sets up only
        // the first time in a JVM. Pointing that pool at this stack's file on every start keeps a second stack in
        // the same JVM (the tests start several) from reading and writing the first one's queues.
        ConnectionPool$ pools = ConnectionPool$.MODULE$;
        ConnectionPoolSettings poolSettings = pools.singleton$default$4();
        pools.singleton(url, "", "", poolSettings, pools.singleton$default$5(url, "", "", poolSettings));
        SqlQueuePersistenceConfig persistence = new SqlQueuePersistenceConfig(true, "org.h2.Driver", url, "", "",
                false);
        ActorRef store = system.actorOf(Props.create(SqlQueuePersistenceActor.class,
                () -> new SqlQueuePersistenceActor(persistence, scala.collection.immutable.List$.MODULE$.empty())));
        ActorRef queueManager = system.actorOf(Props.create(QueueManagerActor.class,
                () -> new QueueManagerActor(new NowProvider(), StrictSQSLimits$.MODULE$, Option.apply(store))));
        Object restored;
        try {
            restored = Patterns.ask(store, new QueueEvent.Restore(queueManager), RESTORE_TIMEOUT)
                    .toCompletableFuture().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the queues kept in " + storage + " could not be restored (is another "
                    + "stack using " + LocalSettings.LOCAL_STATE_DIR + "?): " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while restoring the queues", e);
        }
        if (restored instanceof Either<?, ?> either && either.isLeft()) {
            throw new IllegalStateException("the queues kept in " + storage + " could not be restored: "
                    + either.left().get() + " (delete the file to start with empty queues)");
        }
        TheSQSRestServerBuilder builder = SQSRestServerBuilder.withActorSystem(system)
                .withQueueManagerActor(queueManager)
                .withQueueEventListener(store)
                .withInterface("127.0.0.1")
                .withAWSRegion(REGION.id());
        SQSRestServer server = (port == 0 ? builder.withDynamicPort() : builder.withPort(port)).start();
        try {
            server.waitUntilStarted();
        } catch (RuntimeException e) {
            server.stopAndWait();
            throw new IllegalStateException("the SQS server cannot listen on port " + port + " ("
                    + LocalSettings.SQS_PORT + "): " + e.getMessage() + "; is another stack running?", e);
        }
        return server;
    }

    /** A restored queue keeps its messages and takes the attributes of this start. */
    private static String createOrUpdate(SqsClient client, String name, Map<QueueAttributeName, String> attributes) {
        try {
            String url = client.getQueueUrl(get -> get.queueName(name)).queueUrl();
            if (!attributes.isEmpty()) {
                client.setQueueAttributes(set -> set.queueUrl(url).attributes(attributes));
            }
            return url;
        } catch (QueueDoesNotExistException absent) {
            return client.createQueue(create -> create.queueName(name).attributes(attributes)).queueUrl();
        }
    }

    private static String arn(SqsClient client, String queueUrl) {
        return client.getQueueAttributes(get -> get.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    URI endpoint() {
        return endpoint;
    }

    SqsClient client() {
        return client;
    }

    /** What the door publishes through: its concurrent sends coalesced into batch calls. */
    MessageQueue publisher() {
        return publisher.queue();
    }

    String queueUrl() {
        return queueUrl;
    }

    String queueArn() {
        return queueArn;
    }

    String deadLetterQueueUrl() {
        return deadLetterQueueUrl;
    }

    @Override
    public void close() {
        try {
            publisher.close();
            client.close();
            server.stopAndWait();
            terminate(system);
        } finally {
            RUNNING.set(false);
        }
    }

    /** Stops the actors, the persistence with them, so the H2 file is closed before the process ends. */
    private static void terminate(ActorSystem system) {
        system.terminate();
        try {
            system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the SQS server did not stop cleanly: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // Releases the H2 file, for the next stack in this JVM or another process.
            ConnectionPool$.MODULE$.close(ConnectionPool$.MODULE$.DEFAULT_NAME());
        }
    }

    /**
     * The door's side of the queue: an asynchronous client (the only kind the SDK's batch manager drives) and the
     * timer of its batching windows, closed in the order they depend on each other.
     */
    private record Publisher(SqsAsyncClient client, ScheduledExecutorService windows, SqsBatchingMessageQueue queue)
            implements AutoCloseable {

        Publisher(URI endpoint, String queueUrl) {
            this(SqsAsyncClient.builder()
                            .endpointOverride(endpoint)
                            .region(REGION)
                            .credentialsProvider(StaticCredentialsProvider.create(
                                    AwsBasicCredentials.create("local", "local")))
                            .httpClientBuilder(NettyNioAsyncHttpClient.builder()
                                    .maxConcurrency(HttpFront.MAX_WEBHOOKS_IN_PROGRESS))
                            .build(),
                    Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("sqs-batches")
                            .factory()),
                    queueUrl);
        }

        private Publisher(SqsAsyncClient client, ScheduledExecutorService windows, String queueUrl) {
            this(client, windows, new SqsBatchingMessageQueue(client, queueUrl, windows));
        }

        /**
         * One call through the client before the door opens. The first call of an asynchronous client starts its
         * event loop, its connection and the SDK's asynchronous pipeline; left to the first webhooks, that start
         * counts against their publish timeout (in a fresh JVM, about 0.3 s of the first answers' 1.1 s).
         */
        void connect(String queueUrl) {
            try {
                client.getQueueAttributes(get -> get.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                        .get(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("the door cannot reach the SQS server just started: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the door was connecting to SQS", e);
            }
        }

        @Override
        public void close() {
            queue.close();
            client.close();
            windows.shutdownNow();
        }
    }
}
