package com.webhookbuffer.domain.port.in;

import com.webhookbuffer.domain.processing.BatchReport;
import com.webhookbuffer.domain.queue.Delivery;
import java.util.List;

/**
 * Inbound port, worker side: where a batch of queued webhooks is processed (on AWS, an SQS event). Its use case is
 * {@code ProcessWebhookBatch} (application, {@code worker}); its caller a driving adapter such as
 * {@code SqsBatchHandler}.
 *
 * <p>Guarantees: one result per delivery, in order. Poison is already in the dead-letter queue when the report is
 * returned; retry-later deliveries have had their backoff asked for. What the caller must still do is in each
 * result's {@link com.webhookbuffer.domain.processing.Settlement}: report the ones that return to the queue as
 * failed, delete (or let the event source delete) the acknowledged ones.
 */
public interface WebhookProcessor {

    BatchReport process(List<Delivery> batch);
}
