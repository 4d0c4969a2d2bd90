package com.webhookbuffer.application.ingest;

import com.webhookbuffer.domain.port.in.WebhookInbox;
import com.webhookbuffer.domain.port.out.IngestMetrics;
import com.webhookbuffer.domain.webhook.AcceptOutcome;
import com.webhookbuffer.domain.webhook.IncomingWebhook;
import com.webhookbuffer.domain.webhook.SourceName;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The door of every configured source: each request goes to the inbox of the source it was addressed to (its own
 * keys, its own protocol), and a request to a source nobody configured is {@link AcceptOutcome.UnknownSource}
 * before anything else is looked at. The default source ({@code POST /webhooks}) is one of them.
 */
public final class InboxBySource implements WebhookInbox {

    private final Map<SourceName, WebhookInbox> inboxes;
    private final IngestMetrics metrics;

    /**
     * @param inboxes each configured source's inbox, the default source's included
     * @param metrics told of the requests refused here; each inbox tells of its own
     */
    public InboxBySource(Map<SourceName, WebhookInbox> inboxes, IngestMetrics metrics) {
        this.inboxes = Map.copyOf(inboxes);
        this.metrics = Objects.requireNonNull(metrics, "metrics must not be null");
        if (!this.inboxes.containsKey(SourceName.DEFAULT)) {
            throw new IllegalArgumentException("the default source's inbox is required: it answers POST /webhooks");
        }
    }

    @Override
    public AcceptOutcome accept(IncomingWebhook webhook) {
        WebhookInbox inbox = inboxes.get(webhook.source());
        if (inbox != null) {
            return inbox.accept(webhook);
        }
        AcceptOutcome unknown = new AcceptOutcome.UnknownSource();
        try {
            metrics.answered(unknown, Optional.empty());
        } catch (RuntimeException e) {
            // Watching the door must never close it.
        }
        return unknown;
    }
}
