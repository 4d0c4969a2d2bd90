package com.webhookbuffer.adapter.aws.in;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.webhookbuffer.adapter.aws.TestSqs;
import com.webhookbuffer.adapter.aws.out.SqsDeadLetterQueue;
import com.webhookbuffer.adapter.aws.out.SqsFailedDeliveries;
import com.webhookbuffer.adapter.aws.out.SqsMessageQueue;
import com.webhookbuffer.adapter.inmemory.InMemoryOrderRepository;
import com.webhookbuffer.adapter.json.JacksonPayloadParser;
import com.webhookbuffer.application.payload.PayloadValidation;
import com.webhookbuffer.application.reading.PayloadReader;
import com.webhookbuffer.application.worker.ProcessWebhookBatch;
import com.webhookbuffer.domain.order.OrderId;
import com.webhookbuffer.domain.port.in.WebhookProcessor;
import com.webhookbuffer.domain.processing.RetryBackoff;
import com.webhookbuffer.domain.processing.RetryPolicy;
import com.webhookbuffer.domain.queue.DeadLetter;
import com.webhookbuffer.domain.testing.SampleWebhooks;
import com.webhookbuffer.domain.webhook.CorrelationId;
import com.webhookbuffer.domain.webhook.QueuedWebhook;
import com.webhookbuffer.domain.webhook.WebhookId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The worker handler on events shaped like the real SQS event JSON, carrying real messages of a real SQS-protocol
 * queue (so receipt handles work): batch item failures, backoff through ChangeMessageVisibility, poison to the
 * dead-letter queue, and the redrive policy taking over when retries run out.
 */
class SqsBatchHandlerTest {

    private static final PayloadReader READER =
            new PayloadReader(new JacksonPayloadParser(), PayloadValidation.newValidator());
    /** Short, for a test on a real queue: an outage of the in-memory store is waited out in one or two seconds. */
    private static final RetryBackoff BACKOFF = new RetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(2));

    private static final RetryPolicy RETRIES = new RetryPolicy(BACKOFF, BACKOFF);

    private TestSqs.Queues queues;
    private SqsMessageQueue queue;
    private SqsDeadLetterQueue deadLetterQueue;
    private final InMemoryOrderRepository repository = new InMemoryOrderRepository();
    private SqsBatchHandler handler;

    @BeforeEach
    void wire() {
        queues = TestSqs.create(30, 2);
        queue = new SqsMessageQueue(TestSqs.client(), queues.queueUrl());
        deadLetterQueue = SqsDeadLetterQueue.of(TestSqs.client(), queues.queueUrl(), queues.deadLetterQueueUrl());
        handler = new SqsBatchHandler(new ProcessWebhookBatch(
                READER,
                repository,
                new SqsFailedDeliveries(TestSqs.client(), queues.queueUrl(), queues.deadLetterQueueUrl()),
                RETRIES,
                new Random(7)));
    }

    private List<DeadLetter> deadLetters() {
        List<DeadLetter> read = new ArrayList<>();
        deadLetterQueue.readAll(read::add);
        return read;
    }

    private void publish(String webhookId, String payload) {
        queue.publish(new QueuedWebhook(
                WebhookId.of(webhookId),
                Instant.parse("2026-11-26T14:00:00Z"),
                CorrelationId.of("req-" + webhookId),
                payload));
    }

    /** Receives what the event source mapping would: at least once, until {@code expected} messages came. */
    private SQSEvent receiveEvent(int expected) {
        SQSEvent event = TestSqs.receiveEvent(queues.queueUrl(), 1);
        List<SQSEvent.SQSMessage> records = new ArrayList<>(event.getRecords());
        for (int attempt = 0; attempt < 10 && records.size() < expected; attempt++) {
            records.addAll(TestSqs.receiveEvent(queues.queueUrl(), 1).getRecords());
        }
        event.setRecords(records);
        return event;
    }

    private static List<String> failures(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream()
                .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .toList();
    }

    @Test
    void theFixtureReadsIntoDeliveriesWithTheirReceiveCountAndAttributes() {
        SQSEvent event = EventLoader.loadSQSEvent("events/sqs-batch.json");

        var first = SqsBatchHandler.toDelivery(event.getRecords().get(0));
        var second = SqsBatchHandler.toDelivery(event.getRecords().get(1));

        assertThat(first.receiveCount()).isEqualTo(1);
        assertThat(first.envelope().attributes())
                .containsEntry("webhookId", "msg_sqs_1")
                .containsEntry("schemaVersion", "1");
        assertThat(second.receiveCount()).isEqualTo(3);
        assertThat(second.envelope().attributes()).isEmpty();
    }

    @Test
    void writtenMessagesAreNotFailuresAndPoisonGoesToTheDeadLetterQueueAtOnce() {
        publish("wh_1", SampleWebhooks.order("ord_1", 1).json());
        publish(
                "wh_bad",
                SampleWebhooks.order("ord_2", 1).with("data.total", "1.00").json());

        SQSBatchResponse response = handler.handle(receiveEvent(2));

        assertThat(failures(response)).isEmpty();
        assertThat(repository.find(OrderId.of("ord_1"))).isPresent();
        List<DeadLetter> deadLetters = deadLetters();
        assertThat(deadLetters).singleElement().satisfies(dead -> {
            assertThat(dead.envelope().attributes()).containsEntry("webhookId", "wh_bad");
            assertThat(dead.reason())
                    .contains("invalid payload: data.total: must equal the sum of quantity x unitPrice - discounts +"
                            + " shipping + fees + tax (unless taxIncluded) (39.98)");
        });
        assertThat(deadLetterQueue.depth().inFlight())
                .as("poison deleted from the source")
                .isEqualTo(1);
    }

    @Test
    void retryLaterIsAFailureThatComesBackAfterItsBackoffNotTheVisibilityTimeout() throws Exception {
        publish("wh_1", SampleWebhooks.order("ord_1", 1).json());
        repository.setAvailable(false);

        SQSEvent event = receiveEvent(1);
        SQSBatchResponse response = handler.handle(event);

        assertThat(failures(response))
                .containsExactly(event.getRecords().getFirst().getMessageId());
        // The queue's visibility timeout is 30 s; the backoff for a first receive is 1 s.
        Thread.sleep(2_000);
        repository.setAvailable(true);
        assertThat(failures(handler.handle(receiveEvent(1)))).isEmpty();
        assertThat(repository.find(OrderId.of("ord_1"))).isPresent();
    }

    @Test
    void aMessageThatKeepsFailingIsMovedToTheDeadLetterQueueByTheRedrivePolicy() throws Exception {
        publish("wh_1", SampleWebhooks.order("ord_1", 1).json());
        repository.setAvailable(false);

        for (int receive = 1; receive <= 2; receive++) {
            SQSEvent event = receiveEvent(1);
            assertThat(event.getRecords()).as("receive %d", receive).hasSize(1);
            assertThat(failures(handler.handle(event))).hasSize(1);
            Thread.sleep(BACKOFF.cap().toMillis() + 500);
        }

        // The next receive that finds it visible moves it; poll a little, since a loaded machine may be late.
        for (int attempt = 0; attempt < 5 && deadLetters().isEmpty(); attempt++) {
            assertThat(receiveEvent(0).getRecords())
                    .as("never delivered a third time")
                    .isEmpty();
        }
        assertThat(deadLetters())
                .singleElement()
                .satisfies(dead -> assertThat(dead.reason())
                        .as("moved by the queue, not by us")
                        .isEmpty());
    }

    @Test
    void anExceptionThatEscapesReturnsTheWholeBatch() {
        publish("wh_1", SampleWebhooks.order("ord_1", 1).json());
        publish("wh_2", SampleWebhooks.order("ord_2", 1).json());
        WebhookProcessor broken = batch -> {
            throw new IllegalStateException("a bug");
        };

        SQSEvent event = receiveEvent(2);
        SQSBatchResponse response = new SqsBatchHandler(broken).handle(event);

        assertThat(failures(response))
                .containsExactlyInAnyOrderElementsOf(event.getRecords().stream()
                        .map(SQSEvent.SQSMessage::getMessageId)
                        .toList());
    }

    @Test
    void poisonThatCannotBeDeadLetteredIsAFailureInstead() {
        SqsFailedDeliveries noDeadLetterQueue =
                new SqsFailedDeliveries(TestSqs.client(), queues.queueUrl(), queues.queueUrl() + "-missing");
        SqsBatchHandler stuck = new SqsBatchHandler(
                new ProcessWebhookBatch(READER, repository, noDeadLetterQueue, RETRIES, new Random(7)));
        publish("wh_bad", "{}");

        SQSEvent event = receiveEvent(1);

        assertThat(failures(stuck.handle(event)))
                .containsExactly(event.getRecords().getFirst().getMessageId());
    }
}
