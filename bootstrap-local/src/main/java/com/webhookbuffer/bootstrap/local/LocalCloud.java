package com.webhookbuffer.bootstrap.local;

import com.webhookbuffer.application.ingest.IngestSettings;
import com.webhookbuffer.application.ingest.NamedSource;
import com.webhookbuffer.domain.port.in.WebhookProcessor;
import com.webhookbuffer.domain.port.out.DeadLetterQueue;
import com.webhookbuffer.domain.port.out.IngestMetrics;
import com.webhookbuffer.domain.port.out.WorkerMetrics;
import com.webhookbuffer.domain.webhook.SourceName;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * The cloud the local stack plays, chosen by {@code CLOUD}: its queue server, the door's handler as that cloud's
 * platform hands it requests, and what feeds the worker in the place of that cloud's trigger. The rest of the stack
 * (PostgreSQL, the pool, the HTTP front, {@code /status}, the operator's port) is the same for both: the swap is
 * this one object.
 */
interface LocalCloud extends AutoCloseable {

    /**
     * The door, wired as the cloud's ingest function is: the default source keyed by {@code settings}, each named
     * source by its own keys; telling {@code metrics} of each answer.
     */
    HttpFront.Door door(IngestSettings settings, Map<SourceName, NamedSource> namedSources,
            IngestMetrics metrics);

    /** The queue's dead-letter queue, as an operator reads it. */
    DeadLetterQueue deadLetterQueue();

    /**
     * Starts feeding the worker, wired as the cloud's worker function is, on {@code database}, telling
     * {@code metrics} of each batch; {@code watching} wraps the use case (the stack counts what it does).
     */
    WorkerFeed startWorker(DataSource database, UnaryOperator<WebhookProcessor> watching, WorkerMetrics metrics);

    /** The banner's lines about the queues: where they are and how to reach them. */
    List<String> describe();

    @Override
    void close();
}
