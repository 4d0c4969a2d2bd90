package com.webhookbuffer.bootstrap.local.cloud;

import com.webhookbuffer.adapter.persistence.DatabaseSettings;
import com.webhookbuffer.application.ingest.IngestSettings;
import com.webhookbuffer.application.ingest.NamedSource;
import com.webhookbuffer.bootstrap.local.parts.HttpFront;
import com.webhookbuffer.bootstrap.local.parts.LocalSettings;
import com.webhookbuffer.bootstrap.local.parts.StateDirectory;
import com.webhookbuffer.domain.port.in.WebhookProcessor;
import com.webhookbuffer.domain.port.out.DeadLetterQueue;
import com.webhookbuffer.domain.port.out.IngestMetrics;
import com.webhookbuffer.domain.port.out.WorkerMetrics;
import com.webhookbuffer.domain.webhook.SourceName;
import com.webhookbuffer.standin.WorkerFeed;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * The queue the local stack runs on, chosen by {@code CLOUD}: PostgreSQL's own (the default), or the cloud it
 * plays; its queue server, the door's handler as that platform hands it requests, and what feeds the worker in the
 * place of that cloud's trigger. The rest of the stack (PostgreSQL, the pool, the HTTP front, {@code /status}, the
 * operator's port) is the same for all three: the swap is this one object.
 */
public interface LocalCloud extends AutoCloseable {

    /**
     * Starts the queues {@code settings} name: on PostgreSQL (in the {@code orders} database unless settings name
     * another), or a cloud's kept in {@code state}; saying so on {@code out}.
     */
    static LocalCloud start(LocalSettings settings, StateDirectory state, DatabaseSettings orders, PrintStream out) {
        return switch (settings.cloud()) {
            case POSTGRESQL -> LocalPostgres.start(settings, orders, out);
            case AWS -> LocalAws.start(settings, state);
            case AZURE -> {
                out.println("  Azurite: starting (installed into " + state.resolve(LocalAzure.INSTALL_FOLDER)
                        + " on the first start)");
                yield LocalAzure.start(settings, state);
            }
        };
    }

    /**
     * The door, wired as the cloud's ingest function is: the default source keyed by {@code settings}, each named
     * source by its own keys; telling {@code metrics} of each answer.
     */
    HttpFront.Door door(IngestSettings settings, Map<SourceName, NamedSource> namedSources, IngestMetrics metrics);

    /** The queue's dead-letter queue, as an operator reads it. */
    DeadLetterQueue deadLetterQueue();

    /**
     * Starts feeding the worker, wired as the cloud's worker function is, on {@code database}, telling
     * {@code metrics} of each batch; {@code watching} wraps the use case (the stack counts what it does).
     */
    WorkerFeed startWorker(DataSource database, UnaryOperator<WebhookProcessor> watching, WorkerMetrics metrics);

    /** How long the oldest message still queued has waited, where the queue tells; empty where it does not. */
    default Optional<Duration> oldestMessageAge() {
        return Optional.empty();
    }

    /** The banner's lines about the queues: where they are and how to reach them. */
    List<String> describe();

    /** Where the SQS queues answer, when this cloud is AWS (the aws CLI's {@code --endpoint-url}, tests). */
    default Optional<SqsAddresses> sqs() {
        return Optional.empty();
    }

    /** The SQS server and the two queues the SAM template makes, as the aws CLI addresses them. */
    record SqsAddresses(URI endpoint, String queueUrl, String deadLetterQueueUrl) {}

    @Override
    void close();
}
