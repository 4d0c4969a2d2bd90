package com.webhookbuffer.bootstrap.pipeline;

import com.webhookbuffer.adapter.json.JacksonPayloadParser;
import com.webhookbuffer.adapter.json.PlatformTranslators;
import com.webhookbuffer.application.ingest.IngestSettings;
import com.webhookbuffer.application.ingest.NamedSource;
import com.webhookbuffer.application.ingest.SourceInboxes;
import com.webhookbuffer.application.payload.PayloadValidation;
import com.webhookbuffer.application.reading.PayloadReader;
import com.webhookbuffer.application.worker.ProcessWebhookBatch;
import com.webhookbuffer.domain.port.in.WebhookInbox;
import com.webhookbuffer.domain.port.out.FailedDeliveries;
import com.webhookbuffer.domain.port.out.IngestMetrics;
import com.webhookbuffer.domain.port.out.MessageQueue;
import com.webhookbuffer.domain.port.out.OrderRepository;
import com.webhookbuffer.domain.port.out.WorkerMetrics;
import com.webhookbuffer.domain.processing.RetryPolicy;
import com.webhookbuffer.domain.webhook.SourceName;
import com.webhookbuffer.domain.webhook.VerificationKeys;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The pipeline assembled once, for every bootstrap: the payload reader, the door ({@code AcceptWebhook} per source)
 * and the worker ({@code ProcessWebhookBatch}), each built from settings and the ports a cloud's adapters give. The
 * Lambda, Azure and local bootstraps add only their adapters around what is built here.
 */
public final class Pipeline {

    private Pipeline() {}

    /** What reads a webhook's body: Jackson's parse, then every payload rule. */
    public static PayloadReader payloadReader() {
        return new PayloadReader(new JacksonPayloadParser(), PayloadValidation.newValidator());
    }

    /**
     * The door: the default source keyed by {@code defaultKeys} (read at each request, so rotated keys take effect),
     * each named source by its own keys and its platform's translator; every accepted webhook published to
     * {@code queue}, every answer told to {@code metrics}.
     */
    public static WebhookInbox door(
            IngestSettings settings,
            Supplier<VerificationKeys> defaultKeys,
            Map<SourceName, NamedSource> namedSources,
            PayloadReader payloadReader,
            MessageQueue queue,
            IngestMetrics metrics) {
        return SourceInboxes.door(
                settings,
                defaultKeys,
                namedSources,
                PlatformTranslators::of,
                payloadReader,
                queue,
                Clock.systemUTC(),
                metrics);
    }

    /**
     * The worker: each batch read with {@code payloadReader}, written to {@code orders}, its failures settled through
     * {@code failedDeliveries} after the {@code retries} backoff (with {@code jitter}), every batch told to {@code metrics}.
     */
    public static ProcessWebhookBatch worker(
            PayloadReader payloadReader,
            OrderRepository orders,
            FailedDeliveries failedDeliveries,
            RetryPolicy retries,
            RandomGenerator jitter,
            WorkerMetrics metrics) {
        return new ProcessWebhookBatch(
                payloadReader, orders, failedDeliveries, retries, jitter, Clock.systemUTC(), metrics);
    }
}
