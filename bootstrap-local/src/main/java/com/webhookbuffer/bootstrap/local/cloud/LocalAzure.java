package com.webhookbuffer.bootstrap.local.cloud;

import com.microsoft.azure.functions.HttpResponseMessage;
import com.webhookbuffer.adapter.azure.in.AzureQueueHandler;
import com.webhookbuffer.adapter.azure.message.StorageQueue;
import com.webhookbuffer.adapter.azure.out.AzureDeadLetterQueue;
import com.webhookbuffer.application.ingest.IngestSettings;
import com.webhookbuffer.application.ingest.NamedSource;
import com.webhookbuffer.bootstrap.azure.AzureWiring;
import com.webhookbuffer.bootstrap.local.parts.HttpFront;
import com.webhookbuffer.bootstrap.local.parts.LocalSettings;
import com.webhookbuffer.bootstrap.local.parts.StateDirectory;
import com.webhookbuffer.bootstrap.pipeline.Settings;
import com.webhookbuffer.domain.port.in.WebhookProcessor;
import com.webhookbuffer.domain.port.out.DeadLetterQueue;
import com.webhookbuffer.domain.port.out.IngestMetrics;
import com.webhookbuffer.domain.port.out.WorkerMetrics;
import com.webhookbuffer.domain.webhook.SourceName;
import com.webhookbuffer.standin.WorkerFeed;
import com.webhookbuffer.standin.azure.Azurite;
import com.webhookbuffer.standin.azure.FunctionsHostPoller;
import com.webhookbuffer.standin.azure.FunctionsHostQueue;
import com.webhookbuffer.standin.azure.FunctionsHttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;

/**
 * Azure, played here ({@code CLOUD=azure}): Azurite for Azure Storage (installed on first use into
 * {@code LOCAL_STATE_DIR/azurite}, its data in {@code LOCAL_STATE_DIR/azurite-data}); the HTTP function's handler
 * behind what the Functions host would hand it; a {@link FunctionsHostPoller} for the host's queue trigger. The
 * functions are wired as on Azure ({@code AzureWiring}).
 */
public record LocalAzure(LocalSettings settings, Azurite azurite, StorageQueue storage) implements LocalCloud {

    public static final String QUEUE_NAME = "orders";
    public static final String INSTALL_FOLDER = "azurite";
    static final String DATA_FOLDER = "azurite-data";

    static LocalAzure start(LocalSettings settings, StateDirectory state) {
        Azurite azurite = Azurite.start(
                state.resolve(INSTALL_FOLDER),
                settings.azuriteBlobPort(),
                settings.azuriteQueuePort(),
                Optional.of(state.resolve(DATA_FOLDER)));
        try {
            return new LocalAzure(
                    settings,
                    azurite,
                    StorageQueue.connect(azurite.connectionString(), QUEUE_NAME).createIfMissing());
        } catch (RuntimeException e) {
            azurite.close();
            throw e;
        }
    }

    @Override
    public HttpFront.Door door(
            IngestSettings ingest, Map<SourceName, NamedSource> namedSources, IngestMetrics metrics) {
        var handler =
                AzureWiring.Ingest.of(ingest, namedSources, storage, metrics).handler();
        return (exchange, body) -> {
            HttpResponseMessage response = handler.handle(
                    new FunctionsHttpRequest(HttpFront.headers(exchange), body),
                    HttpFront.source(exchange),
                    UUID.randomUUID().toString());
            FunctionsHttpRequest.Response answered = (FunctionsHttpRequest.Response) response;
            return new HttpFront.Answer(
                    response.getStatusCode(),
                    answered.headers(),
                    response.getBody() == null ? "" : response.getBody().toString());
        };
    }

    @Override
    public DeadLetterQueue deadLetterQueue() {
        return new AzureDeadLetterQueue(storage);
    }

    @Override
    public WorkerFeed startWorker(
            DataSource database, UnaryOperator<WebhookProcessor> watching, WorkerMetrics metrics) {
        WebhookProcessor worker = AzureWiring.processor(
                storage,
                database,
                Settings.retryPolicy(settings.variables()),
                settings.maxReceiveCount(),
                RandomGenerator.getDefault(),
                metrics);
        FunctionsHostQueue host = new FunctionsHostQueue(
                storage.queue(),
                storage.poison(),
                Duration.ofSeconds(settings.visibilityTimeoutSeconds()),
                settings.maxReceiveCount());
        return new FunctionsHostPoller(
                host,
                new AzureQueueHandler(watching.apply(worker), storage.messages())::handle,
                settings.workerMaxConcurrency());
    }

    @Override
    public List<String> describe() {
        return List.of(
                "  Azurite      " + azurite.connectionString(),
                "    queue      " + QUEUE_NAME + "  (lease " + settings.visibilityTimeoutSeconds() + " s, to "
                        + QUEUE_NAME + "-poison after " + settings.maxReceiveCount() + " deliveries)",
                "    kept in    " + settings.stateDirectory().resolve(DATA_FOLDER)
                        + "  (Azurite writes its data every few seconds: a kill may lose the last ones)");
    }

    @Override
    public void close() {
        azurite.close();
    }
}
