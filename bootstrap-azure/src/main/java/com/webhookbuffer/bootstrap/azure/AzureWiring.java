package com.webhookbuffer.bootstrap.azure;

import com.webhookbuffer.adapter.azure.in.AzureHttpHandler;
import com.webhookbuffer.adapter.azure.in.AzureQueueHandler;
import com.webhookbuffer.adapter.azure.message.StorageQueue;
import com.webhookbuffer.adapter.azure.out.AzureFailedDeliveries;
import com.webhookbuffer.adapter.azure.out.AzureMessageQueue;
import com.webhookbuffer.adapter.persistence.ConnectionPool;
import com.webhookbuffer.adapter.persistence.DatabaseMigrations;
import com.webhookbuffer.adapter.persistence.DatabaseSettings;
import com.webhookbuffer.adapter.persistence.MyBatisOrderRepository;
import com.webhookbuffer.application.ingest.IngestSettings;
import com.webhookbuffer.application.ingest.NamedSource;
import com.webhookbuffer.application.worker.ProcessWebhookBatch;
import com.webhookbuffer.bootstrap.pipeline.EnvironmentVariables;
import com.webhookbuffer.bootstrap.pipeline.Pipeline;
import com.webhookbuffer.bootstrap.pipeline.Settings;
import com.webhookbuffer.bootstrap.pipeline.SourceSettings;
import com.webhookbuffer.domain.port.in.WebhookInbox;
import com.webhookbuffer.domain.port.out.IngestMetrics;
import com.webhookbuffer.domain.port.out.WorkerMetrics;
import com.webhookbuffer.domain.processing.RetryPolicy;
import com.webhookbuffer.domain.webhook.SourceName;
import com.webhookbuffer.domain.webhook.VerificationKeys;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * How the hexagon is assembled on Azure Functions, read top to bottom: app settings, then the storage queue, adapters,
 * use cases and the two doors. Each side is built once per worker process, on its function's first call, so the HTTP
 * function never opens a database pool. {@code from} reads the app settings; {@code of} is the composition.
 */
public final class AzureWiring {

    /** The app setting holding the storage account's connection string (a Key Vault reference on Azure). */
    public static final String STORAGE_CONNECTION = "STORAGE_CONNECTION";
    /** The queue between the doors; its poison queue and its container of large bodies are named after it. */
    public static final String QUEUE_NAME = "QUEUE_NAME";
    /**
     * host.json's {@code maxDequeueCount}, which the worker needs too: a retry-later is not a failure to the host, so
     * the worker keeps the redrive policy for it. The template sets both from one value.
     */
    public static final String MAX_DEQUEUE_COUNT = "MAX_DEQUEUE_COUNT";

    /** Every app setting the functions read: the shared ones and Azure's. */
    public static final List<String> VARIABLES = Stream.concat(
                    Settings.VARIABLES.stream(), Stream.of(STORAGE_CONNECTION, QUEUE_NAME, MAX_DEQUEUE_COUNT))
            .toList();

    private AzureWiring() {}

    /** The HTTP door: request → {@code AcceptWebhook} → the storage queue. */
    public record Ingest(AzureHttpHandler handler) {

        public static Ingest from(Map<String, String> environment) {
            EnvironmentVariables env = new EnvironmentVariables(environment);
            VerificationKeys keys = Settings.verificationKeys(env);
            // Metrics on Azure would be Application Insights' (not built yet); the request log line is there.
            return of(Settings.ingest(env, keys), SourceSettings.named(env), storage(env), IngestMetrics.NONE);
        }

        /** The default source keyed by {@code settings}, each named source by its own keys. */
        public static Ingest of(
                IngestSettings settings,
                Map<SourceName, NamedSource> namedSources,
                StorageQueue storage,
                IngestMetrics metrics) {
            WebhookInbox door = Pipeline.door(
                    settings,
                    settings::keys,
                    namedSources,
                    Pipeline.payloadReader(),
                    new AzureMessageQueue(storage),
                    metrics);
            return new Ingest(new AzureHttpHandler(door));
        }
    }

    /** The queue door: message → {@code ProcessWebhookBatch} → PostgreSQL, the poison queue for poison. */
    public record Worker(AzureQueueHandler handler) {

        public static Worker from(Map<String, String> environment) {
            EnvironmentVariables env = new EnvironmentVariables(environment);
            Settings.DatabaseVariables database = Settings.database(env);
            DatabaseSettings settings = env.parsed(
                            Settings.DB_URL,
                            database.url(),
                            url -> DatabaseSettings.of(url, database.user(), database.password()))
                    .withPoolSize(env.integer(Settings.DB_POOL_SIZE, DatabaseSettings.DEFAULT_POOL_SIZE, 1, 100));
            // No deploy-time step runs the migrations on Azure (AWS has its custom resource): the worker does, before
            // its pool opens, on its first call; Flyway's lock makes other instances wait for the one that migrates.
            DatabaseMigrations.migrate(settings);
            return of(
                    storage(env),
                    ConnectionPool.open(settings),
                    Settings.retryPolicy(env),
                    env.integer(MAX_DEQUEUE_COUNT, HostSettings.MAX_DEQUEUE_COUNT, 1, 1000),
                    RandomGenerator.getDefault());
        }

        public static Worker of(
                StorageQueue storage,
                DataSource database,
                RetryPolicy retries,
                int maxDequeueCount,
                RandomGenerator jitter) {
            return new Worker(new AzureQueueHandler(
                    processor(storage, database, retries, maxDequeueCount, jitter, WorkerMetrics.NONE),
                    storage.messages()));
        }
    }

    /** The worker's use case on Azure Storage and PostgreSQL: the one composition, which the local stack calls too. */
    public static ProcessWebhookBatch processor(
            StorageQueue storage,
            DataSource database,
            RetryPolicy retries,
            int maxDequeueCount,
            RandomGenerator jitter,
            WorkerMetrics metrics) {
        return Pipeline.worker(
                Pipeline.payloadReader(),
                new MyBatisOrderRepository(database),
                new AzureFailedDeliveries(storage, maxDequeueCount),
                retries,
                jitter,
                metrics);
    }

    static StorageQueue storage(EnvironmentVariables env) {
        return StorageQueue.connect(env.required(STORAGE_CONNECTION), env.required(QUEUE_NAME));
    }
}
