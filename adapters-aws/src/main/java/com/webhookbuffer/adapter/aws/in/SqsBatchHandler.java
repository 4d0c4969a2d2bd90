package com.webhookbuffer.adapter.aws.in;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.webhookbuffer.domain.port.in.WebhookProcessor;
import com.webhookbuffer.domain.processing.BatchReport;
import com.webhookbuffer.domain.processing.MessageResult;
import com.webhookbuffer.domain.queue.Delivery;
import com.webhookbuffer.domain.queue.Envelope;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Turns an SQS event into deliveries, has the {@link WebhookProcessor} process them, and answers with the
 * {@code batchItemFailures} the event source mapping needs ({@code ReportBatchItemFailures}): the messages that
 * must come back. Everything not listed is deleted by the event source.
 *
 * <p>An exception that escapes the processor must never lose a message: then the whole batch is reported failed
 * and comes back. Logs one structured line per message: correlation id, webhook id, outcome.
 */
public final class SqsBatchHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SqsBatchHandler.class);
    private static final String RECEIVE_COUNT = "ApproximateReceiveCount";

    private final WebhookProcessor processor;

    public SqsBatchHandler(WebhookProcessor processor) {
        this.processor = Objects.requireNonNull(processor, "processor must not be null");
    }

    public SQSBatchResponse handle(SQSEvent event) {
        List<SQSEvent.SQSMessage> records = event.getRecords() == null ? List.of() : event.getRecords();
        List<Delivery> batch;
        BatchReport report;
        try {
            batch = records.stream().map(SqsBatchHandler::toDelivery).toList();
            report = processor.process(batch);
        } catch (RuntimeException e) {
            LOG.error("batch of {} failed as a whole and returns to the queue: {}", records.size(), e.toString(), e);
            return new SQSBatchResponse(records.stream()
                    .map(r -> new SQSBatchResponse.BatchItemFailure(r.getMessageId()))
                    .toList());
        }
        report.results().forEach(SqsBatchHandler::log);
        return new SQSBatchResponse(report.returnedToQueue().stream()
                .map(d -> new SQSBatchResponse.BatchItemFailure(d.messageId()))
                .toList());
    }

    static Delivery toDelivery(SQSEvent.SQSMessage message) {
        Map<String, String> attributes = new HashMap<>();
        if (message.getMessageAttributes() != null) {
            message.getMessageAttributes().forEach((name, value) -> {
                if (value != null && value.getStringValue() != null) {
                    attributes.put(name, value.getStringValue());
                }
            });
        }
        String count =
                message.getAttributes() == null ? null : message.getAttributes().get(RECEIVE_COUNT);
        return new Delivery(
                message.getMessageId(),
                message.getReceiptHandle(),
                count == null ? 1 : Integer.parseInt(count),
                new Envelope(message.getBody() == null ? "" : message.getBody(), attributes));
    }

    /** One structured line per message; the logging backend chosen at bootstrap renders the pairs. */
    private static void log(MessageResult result) {
        LoggingEventBuilder line = LOG.atInfo();
        for (Map.Entry<String, Object> pair : result.describe().entrySet()) {
            line = line.addKeyValue(pair.getKey(), pair.getValue());
        }
        line.log("webhook message {}", result.outcome().label());
    }
}
