package com.webhookbuffer.bootstrap.local.parts;

import com.webhookbuffer.adapter.persistence.DatabaseSettings;
import com.webhookbuffer.adapter.postgresqueue.message.QueueDatabase;
import com.webhookbuffer.bootstrap.lambda.Wiring;
import com.webhookbuffer.bootstrap.pipeline.EnvironmentVariables;
import com.webhookbuffer.bootstrap.pipeline.Settings;
import com.webhookbuffer.domain.processing.ConnectionBudget;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the local stack reads from the environment: the Lambda functions' variables (read by the same code, see
 * {@link Wiring}) plus the ones only a single machine needs. Every value is checked here, so a bad setting stops
 * the stack before anything starts, with the variable's name in the message.
 *
 * @param httpPort                 {@code HTTP_PORT}; 0 takes any free port (the tests do)
 * @param sqsPort                  {@code SQS_PORT}; 0 takes any free port
 * @param budget                   {@code DB_MAX_CONNECTIONS} shared out in {@code DB_POOL_SIZE} per worker
 * @param workerMaxConcurrency     {@code WORKER_MAX_CONCURRENCY}: batches in flight at once
 * @param batchSize                {@code BATCH_SIZE}: messages per batch; 1–10 with {@code CLOUD=aws}, as an SQS
 *                                 receive allows; up to 1,000 on the queue on PostgreSQL, where a batch is one
 *                                 transaction and larger ones cost the database less per message
 * @param visibilityTimeoutSeconds {@code VISIBILITY_TIMEOUT_SECONDS} of the {@code orders} queue
 * @param maxReceiveCount          {@code MAX_RECEIVE_COUNT} of its redrive policy
 * @param externalDatabase         {@code DB_URL}, {@code DB_USER}, {@code DB_PASSWORD}; empty: embedded PostgreSQL
 * @param stateDirectory           {@code LOCAL_STATE_DIR}: the embedded database's data and the development secret
 * @param cloud                    {@code CLOUD}: which queue the stack runs on, {@code postgresql} (the default: the
 *                                 queue on PostgreSQL, as self-hosted), or the cloud it rehearses, {@code aws} or
 *                                 {@code azure}
 * @param queue                    {@code QUEUE_MAX_DEPTH}, {@code QUEUE_DOOR_CONNECTIONS} and {@code QUEUE_DB_URL}
 *                                 (with its user and password), for {@code CLOUD=postgresql}
 * @param azuriteBlobPort          {@code AZURITE_BLOB_PORT}, with {@code CLOUD=azure}
 * @param azuriteQueuePort         {@code AZURITE_QUEUE_PORT}, with {@code CLOUD=azure}
 * @param environment              the whole environment, for the readers shared with the Lambda wiring
 */
public record LocalSettings(
        int httpPort,
        int sqsPort,
        ConnectionBudget budget,
        int workerMaxConcurrency,
        int batchSize,
        int visibilityTimeoutSeconds,
        int maxReceiveCount,
        Optional<DatabaseSettings> externalDatabase,
        Path stateDirectory,
        Cloud cloud,
        QueueSettings queue,
        int azuriteBlobPort,
        int azuriteQueuePort,
        Map<String, String> environment) {

    public static final String HTTP_PORT = "HTTP_PORT";
    public static final String SQS_PORT = "SQS_PORT";
    public static final String DB_MAX_CONNECTIONS = "DB_MAX_CONNECTIONS";
    public static final String WORKER_MAX_CONCURRENCY = "WORKER_MAX_CONCURRENCY";
    public static final String BATCH_SIZE = "BATCH_SIZE";
    public static final String VISIBILITY_TIMEOUT_SECONDS = "VISIBILITY_TIMEOUT_SECONDS";
    public static final String MAX_RECEIVE_COUNT = "MAX_RECEIVE_COUNT";
    public static final String LOCAL_STATE_DIR = "LOCAL_STATE_DIR";
    /** Which cloud the stack plays: {@code aws} (ElasticMQ, API Gateway's event) or {@code azure} (Azurite). */
    public static final String CLOUD = "CLOUD";

    /** Messages waiting or in flight beyond which the door answers 503 (with {@code CLOUD=postgresql}). */
    public static final String QUEUE_MAX_DEPTH = "QUEUE_MAX_DEPTH";
    /** Connections the door commits through (with {@code CLOUD=postgresql}), counted in the budget. */
    public static final String QUEUE_DOOR_CONNECTIONS = "QUEUE_DOOR_CONNECTIONS";
    /** Another database for the queue (with {@code CLOUD=postgresql}); by default it lives in the orders'. */
    public static final String QUEUE_DB_URL = "QUEUE_DB_URL";

    public static final String QUEUE_DB_USER = "QUEUE_DB_USER";
    public static final String QUEUE_DB_PASSWORD = "QUEUE_DB_PASSWORD";

    public static final String AZURITE_BLOB_PORT = "AZURITE_BLOB_PORT";
    public static final String AZURITE_QUEUE_PORT = "AZURITE_QUEUE_PORT";

    /** The variables only the local stack reads; docs/settings.md's table lists these beside {@link Wiring#VARIABLES}. */
    static final List<String> LOCAL_VARIABLES = List.of(
            HTTP_PORT,
            SQS_PORT,
            DB_MAX_CONNECTIONS,
            WORKER_MAX_CONCURRENCY,
            BATCH_SIZE,
            VISIBILITY_TIMEOUT_SECONDS,
            MAX_RECEIVE_COUNT,
            LOCAL_STATE_DIR,
            CLOUD,
            QUEUE_MAX_DEPTH,
            QUEUE_DOOR_CONNECTIONS,
            QUEUE_DB_URL,
            QUEUE_DB_USER,
            QUEUE_DB_PASSWORD,
            AZURITE_BLOB_PORT,
            AZURITE_QUEUE_PORT);

    /** What the queue runs on: PostgreSQL (the default, and the self-hosted engine), or a cloud played here. */
    public enum Cloud {
        POSTGRESQL,
        AWS,
        AZURE
    }

    /**
     * The queue on PostgreSQL.
     *
     * @param maxDepth        {@code QUEUE_MAX_DEPTH}
     * @param doorConnections {@code QUEUE_DOOR_CONNECTIONS}
     * @param elsewhere       {@code QUEUE_DB_URL}, {@code QUEUE_DB_USER}, {@code QUEUE_DB_PASSWORD}; empty: the
     *                        orders' database, where the worker deletes what it wrote in the same transaction
     */
    public record QueueSettings(long maxDepth, int doorConnections, Optional<QueueDatabase> elsewhere) {}

    static final int DEFAULT_QUEUE_MAX_DEPTH = 1_000_000;
    static final int DEFAULT_QUEUE_DOOR_CONNECTIONS = 2;

    static final int DEFAULT_HTTP_PORT = 8080;
    public static final int DEFAULT_SQS_PORT = 9324;
    /** A small database: the point of the service is that it copes with one. */
    static final int DEFAULT_DB_MAX_CONNECTIONS = 10;

    /** As many as one SQS receive returns. */
    static final int DEFAULT_BATCH_SIZE = 10;

    /** On the queue on PostgreSQL: 100 orders are still one short transaction (measured in docs/benchmarks.md). */
    static final int DEFAULT_POSTGRESQL_BATCH_SIZE = 100;

    static final int MAX_POSTGRESQL_BATCH_SIZE = 1_000;
    static final int DEFAULT_VISIBILITY_TIMEOUT_SECONDS = 30;
    static final int DEFAULT_MAX_RECEIVE_COUNT = 5;
    static final String DEFAULT_STATE_DIR = ".run-local";
    /** Azurite's own defaults, where Azure's tools look first. */
    public static final int DEFAULT_AZURITE_BLOB_PORT = 10000;

    public static final int DEFAULT_AZURITE_QUEUE_PORT = 10001;

    private static Cloud cloud(String name) {
        return switch (name) {
            case "postgresql" -> Cloud.POSTGRESQL;
            case "aws" -> Cloud.AWS;
            case "azure" -> Cloud.AZURE;
            default -> throw new IllegalArgumentException("must be postgresql, aws or azure, was: " + name);
        };
    }

    public static LocalSettings from(Map<String, String> environment) {
        EnvironmentVariables env = new EnvironmentVariables(environment);
        int poolSize = env.integer(Settings.DB_POOL_SIZE, DatabaseSettings.DEFAULT_POOL_SIZE, 1, 100);
        int maxConnections = env.integer(DB_MAX_CONNECTIONS, DEFAULT_DB_MAX_CONNECTIONS, 1, 10_000);
        if (maxConnections < poolSize) {
            throw new IllegalStateException(DB_MAX_CONNECTIONS + " (" + maxConnections + ") leaves no room for one "
                    + "worker's pool: it must be >= " + Settings.DB_POOL_SIZE + " (" + poolSize + ")");
        }
        Cloud cloud = env.parsed(CLOUD, env.optional(CLOUD).orElse("postgresql"), LocalSettings::cloud);
        QueueSettings queue = new QueueSettings(
                env.integer(QUEUE_MAX_DEPTH, DEFAULT_QUEUE_MAX_DEPTH, 1, Integer.MAX_VALUE),
                env.integer(QUEUE_DOOR_CONNECTIONS, DEFAULT_QUEUE_DOOR_CONNECTIONS, 1, 100),
                env.optional(QUEUE_DB_URL)
                        .map(url -> env.parsed(
                                QUEUE_DB_URL,
                                url,
                                u -> new QueueDatabase(
                                        u,
                                        env.optional(QUEUE_DB_USER).orElse("postgres"),
                                        env.secret(QUEUE_DB_PASSWORD).orElse("")))));
        // Migrations run before the pools open, and /status reads the pools' own counters instead of asking the
        // database. What shares the budget with the workers is the door, when the queue lives in this database.
        int reserved = cloud == Cloud.POSTGRESQL && queue.elsewhere().isEmpty() ? queue.doorConnections() : 0;
        if (maxConnections - reserved < poolSize) {
            throw new IllegalStateException(DB_MAX_CONNECTIONS + " (" + maxConnections + ") leaves no room for one "
                    + "worker's pool beside the door's " + QUEUE_DOOR_CONNECTIONS + " (" + reserved + "): it must be"
                    + " >= " + (reserved + poolSize));
        }
        ConnectionBudget budget = new ConnectionBudget(maxConnections, reserved, poolSize);
        int allowed = budget.maxWorkerConcurrency();
        int concurrency = env.integer(WORKER_MAX_CONCURRENCY, allowed, 1, 1000);
        if (concurrency > allowed) {
            throw new IllegalStateException(WORKER_MAX_CONCURRENCY + " (" + concurrency + ") would break the "
                    + "connection budget: " + DB_MAX_CONNECTIONS + " (" + maxConnections + ")"
                    + (reserved == 0 ? "" : " less the door's " + reserved)
                    + " / " + Settings.DB_POOL_SIZE
                    + " (" + poolSize + ") allows at most " + allowed);
        }
        Optional<DatabaseSettings> external = env.optional(Settings.DB_URL)
                .map(url -> env.parsed(
                        Settings.DB_URL,
                        url,
                        u -> DatabaseSettings.of(
                                u,
                                env.optional(Settings.DB_USER).orElse("postgres"),
                                env.secret(Settings.DB_PASSWORD).orElse(""))));
        return new LocalSettings(
                env.integer(HTTP_PORT, DEFAULT_HTTP_PORT, 0, 65_535),
                env.integer(SQS_PORT, DEFAULT_SQS_PORT, 0, 65_535),
                budget,
                concurrency,
                cloud == Cloud.POSTGRESQL
                        ? env.integer(BATCH_SIZE, DEFAULT_POSTGRESQL_BATCH_SIZE, 1, MAX_POSTGRESQL_BATCH_SIZE)
                        : env.integer(BATCH_SIZE, DEFAULT_BATCH_SIZE, 1, 10),
                env.integer(VISIBILITY_TIMEOUT_SECONDS, DEFAULT_VISIBILITY_TIMEOUT_SECONDS, 1, 43_200),
                env.integer(MAX_RECEIVE_COUNT, DEFAULT_MAX_RECEIVE_COUNT, 1, 1000),
                external,
                Path.of(env.optional(LOCAL_STATE_DIR).orElse(DEFAULT_STATE_DIR)).toAbsolutePath(),
                cloud,
                queue,
                env.integer(AZURITE_BLOB_PORT, DEFAULT_AZURITE_BLOB_PORT, 0, 65_535),
                env.integer(AZURITE_QUEUE_PORT, DEFAULT_AZURITE_QUEUE_PORT, 0, 65_535),
                Map.copyOf(environment));
    }

    public EnvironmentVariables variables() {
        return new EnvironmentVariables(environment);
    }

    /** Connections the worker pool holds: every worker's share. */
    public int poolConnections() {
        return workerMaxConcurrency * budget.workerPoolSize();
    }
}
