package com.webhookbuffer.standin.aws;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
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

/**
 * An SQS-protocol server (ElasticMQ) in this JVM on {@code 127.0.0.1}: in memory, or with its queues kept in an H2
 * file by ElasticMQ's own SQL persistence, which writes each change before SQS answers the request that made it (a
 * message acknowledged survives a stop, a crash and a restart, like one acknowledged by SQS). It makes no queues:
 * its callers create theirs through the protocol, as on AWS.
 */
public final class ElasticMq implements AutoCloseable {

    /** The region the server names in its queue ARNs, and the one clients of it sign for. */
    public static final String REGION = "us-east-1";

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
    /** ElasticMQ's persistence goes through one process-wide connection pool: one kept server per JVM. */
    private static final AtomicBoolean KEPT_RUNNING = new AtomicBoolean();

    private final ActorSystem system;
    private final SQSRestServer server;
    private final URI endpoint;
    private final boolean kept;

    private ElasticMq(ActorSystem system, SQSRestServer server, boolean kept) {
        this.system = system;
        this.server = server;
        this.endpoint = URI.create(
                "http://127.0.0.1:" + server.waitUntilStarted().localAddress().getPort());
        this.kept = kept;
    }

    /** A server whose queues live in memory only, on a free port: for tests. */
    public static ElasticMq inMemory() {
        SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1")
                .withDynamicPort()
                .withAWSRegion(REGION)
                .start();
        server.waitUntilStarted();
        return new ElasticMq(null, server, false);
    }

    /**
     * A server on {@code port} (0: a free one) whose queues and messages are kept in the H2 file {@code storage}
     * (without the {@code .mv.db} H2 adds), restored from it before the first request is answered.
     *
     * @param portSetting the setting that chose the port, named when it is taken
     */
    public static ElasticMq kept(int port, Path storage, String portSetting) {
        if (!KEPT_RUNNING.compareAndSet(false, true)) {
            throw new IllegalStateException("another SQS server with kept queues runs in this JVM: ElasticMQ's "
                    + "persistence keeps one set of queues per process");
        }
        try {
            ActorSystem system = ActorSystem.create("elasticmq", SERVER_SETTINGS.withFallback(ConfigFactory.load()));
            try {
                return new ElasticMq(system, startKept(system, port, storage, portSetting), true);
            } catch (RuntimeException e) {
                terminate(system);
                throw e;
            }
        } catch (RuntimeException e) {
            KEPT_RUNNING.set(false);
            throw e;
        }
    }

    /** ElasticMQ's queue manager with its SQL persistence, as its own server assembles them, restored first. */
    private static SQSRestServer startKept(ActorSystem system, int port, Path storage, String portSetting) {
        // Every commit written out at once (H2 would otherwise wait up to 500 ms): a 202 means on disk.
        String url = "jdbc:h2:file:" + storage.toAbsolutePath() + ";WRITE_DELAY=0;MAX_LENGTH_INPLACE_LOB="
                + LARGEST_IN_ROW_BYTES;
        // ElasticMQ's SQL persistence works through scalikejdbc's process-wide default pool, which it sets up only
        // the first time in a JVM. Pointing that pool at this server's file on every start keeps a second server in
        // the same JVM (the tests start several, one after another) from reading and writing the first one's queues.
        ConnectionPool$ pools = ConnectionPool$.MODULE$;
        ConnectionPoolSettings poolSettings = pools.singleton$default$4();
        pools.singleton(url, "", "", poolSettings, pools.singleton$default$5(url, "", "", poolSettings));
        SqlQueuePersistenceConfig persistence =
                new SqlQueuePersistenceConfig(true, "org.h2.Driver", url, "", "", false);
        ActorRef store = system.actorOf(Props.create(
                SqlQueuePersistenceActor.class,
                () -> new SqlQueuePersistenceActor(persistence, scala.collection.immutable.List$.MODULE$.empty())));
        ActorRef queueManager = system.actorOf(Props.create(
                QueueManagerActor.class,
                () -> new QueueManagerActor(new NowProvider(), StrictSQSLimits$.MODULE$, Option.apply(store))));
        Object restored;
        try {
            restored = Patterns.ask(store, new QueueEvent.Restore(queueManager), RESTORE_TIMEOUT)
                    .toCompletableFuture()
                    .get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "the queues kept in " + storage + " could not be restored (is another "
                            + "process using the file?): " + e.getCause(),
                    e);
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
                .withAWSRegion(REGION);
        SQSRestServer server = (port == 0 ? builder.withDynamicPort() : builder.withPort(port)).start();
        try {
            server.waitUntilStarted();
        } catch (RuntimeException e) {
            server.stopAndWait();
            throw new IllegalStateException(
                    "the SQS server cannot listen on port " + port + " (" + portSetting + "): " + e.getMessage()
                            + "; is another stack running?",
                    e);
        }
        return server;
    }

    /** Where the server answers (the SDK's endpoint override, the aws CLI's {@code --endpoint-url}). */
    public URI endpoint() {
        return endpoint;
    }

    /** Stops the server and, for kept queues, its persistence with it, so the H2 file is closed. */
    @Override
    public void close() {
        server.stopAndWait();
        if (kept) {
            try {
                terminate(system);
            } finally {
                KEPT_RUNNING.set(false);
            }
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
            // Releases the H2 file, for the next server in this JVM or another process.
            ConnectionPool$.MODULE$.close(ConnectionPool$.MODULE$.DEFAULT_NAME());
        }
    }
}
