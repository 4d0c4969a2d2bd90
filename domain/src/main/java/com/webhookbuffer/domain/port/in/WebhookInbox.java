package com.webhookbuffer.domain.port.in;

import com.webhookbuffer.domain.webhook.AcceptOutcome;
import com.webhookbuffer.domain.webhook.IncomingWebhook;

/**
 * Inbound port, ingest side: where a signed webhook request enters the service. Its use case is
 * {@code AcceptWebhook} (application, {@code ingest}); its caller a driving adapter such as
 * {@code ApiGatewayWebhookHandler}.
 *
 * <p>Guarantees: {@link AcceptOutcome.Accepted} is returned only after the queue acknowledged the message, so a
 * caller that answers 2xx on it never promises what was not stored. Every other outcome leaves nothing queued, but
 * one: {@link AcceptOutcome.QueueUnavailable} after a queue that confirmed too late may have queued it after all.
 * Expected failures are outcomes, never exceptions.
 */
public interface WebhookInbox {

    AcceptOutcome accept(IncomingWebhook webhook);
}
