package com.webhookbuffer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.webhookbuffer.application.worker.ProcessWebhookBatch;
import com.webhookbuffer.domain.order.OrderId;
import com.webhookbuffer.domain.port.out.OrderRepository;
import com.webhookbuffer.domain.processing.BatchReport;
import com.webhookbuffer.domain.processing.MessageResult;
import com.webhookbuffer.domain.processing.ProcessingOutcome;
import com.webhookbuffer.domain.processing.Settlement;
import com.webhookbuffer.domain.queue.DeadLetter;
import com.webhookbuffer.domain.queue.Delivery;
import com.webhookbuffer.domain.queue.Envelope;
import com.webhookbuffer.domain.testing.SampleWebhooks;
import com.webhookbuffer.domain.webhook.AcceptOutcome;
import com.webhookbuffer.domain.webhook.CorrelationId;
import com.webhookbuffer.domain.webhook.QueuedWebhook;
import com.webhookbuffer.domain.webhook.WebhookId;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The worker use case against the in-memory queue and store: each delivery ends settled the way its outcome says. */
class ProcessWebhookBatchTest {

    private final Hexagon hexagon = new Hexagon();

    private void accept(String webhookId, SampleWebhooks body) {
        assertThat(hexagon.inbox.accept(hexagon.signed(webhookId, body.bytes())))
                .isInstanceOf(AcceptOutcome.Accepted.class);
    }

    private BatchReport processOneBatch() {
        List<Delivery> batch = hexagon.queue.receive(10);
        return hexagon.worker.process(batch);
    }

    private static List<ProcessingOutcome> outcomes(BatchReport report) {
        return report.results().stream().map(MessageResult::outcome).toList();
    }

    @Test
    void writtenDuplicateAndStaleAreAllAcknowledgedInBatchOrder() {
        accept("wh_2", SampleWebhooks.order("ord_1", 2).with("type", "order.updated"));
        accept("wh_1", SampleWebhooks.order("ord_1", 1));
        accept("wh_2", SampleWebhooks.order("ord_1", 2).with("type", "order.updated"));

        BatchReport report = processOneBatch();

        assertThat(outcomes(report))
                .containsExactly(ProcessingOutcome.WRITTEN, ProcessingOutcome.STALE, ProcessingOutcome.DUPLICATE);
        assertThat(report.results()).allSatisfy(r -> assertThat(r.settlement()).isEqualTo(Settlement.ACKNOWLEDGE));
        assertThat(report.returnedToQueue()).isEmpty();
        assertThat(hexagon.repository
                        .find(OrderId.of("ord_1"))
                        .orElseThrow()
                        .version()
                        .value())
                .isEqualTo(2);
    }

    @Test
    void aMessageThatIsNotOursIsPoisonAndDeadLetteredWithItsReason() {
        hexagon.queue.send(new Envelope("{}", Map.of("schemaVersion", "0")));
        accept("wh_1", SampleWebhooks.order("ord_1", 1));

        BatchReport report = processOneBatch();

        assertThat(outcomes(report))
                .containsExactly(
                        new ProcessingOutcome.Poison("unsupported schemaVersion: 0"), ProcessingOutcome.WRITTEN);
        assertThat(report.results().getFirst().settlement()).isEqualTo(Settlement.DEAD_LETTERED);
        assertThat(hexagon.queue.deadLetters())
                .singleElement()
                .extracting(DeadLetter::reason)
                .isEqualTo(Optional.of("unsupported schemaVersion: 0"));
        hexagon.clock.advance(Hexagon.VISIBILITY_TIMEOUT.plusSeconds(1));
        assertThat(hexagon.queue.depth().visible()).as("poison is not retried").isEqualTo(1);
    }

    @Test
    void aPayloadThatBreaksTheRulesIsPoisonWithEveryViolationInItsReason() {
        String broken =
                SampleWebhooks.order("ord_1", 1).with("data.total", "1.00").json();
        hexagon.queue.publish(
                new QueuedWebhook(WebhookId.of("wh_bad"), hexagon.clock.instant(), CorrelationId.of("req-1"), broken));

        BatchReport report = processOneBatch();

        assertThat(outcomes(report))
                .containsExactly(new ProcessingOutcome.Poison(
                        "invalid payload: data.total: must equal the sum of quantity x unitPrice - discounts +"
                                + " shipping + fees + tax (unless taxIncluded) (39.98)"));
        assertThat(hexagon.queue.depth().deadLetters()).isEqualTo(1);
        assertThat(hexagon.repository.size()).isZero();
    }

    @Test
    void aStoreOutageReturnsTheBatchToTheQueueForLongEnoughToWaitItOut() {
        accept("wh_1", SampleWebhooks.order("ord_1", 1));
        hexagon.repository.setAvailable(false);

        BatchReport report = processOneBatch();

        MessageResult result = report.results().getFirst();
        assertThat(result.outcome())
                .isEqualTo(new ProcessingOutcome.StoreUnavailable("in-memory store is unavailable"));
        Duration delay = ((Settlement.ReturnToQueue.AfterBackoff) result.settlement()).backoff();
        // First receive: the outage backoff's base of 60 s with equal jitter gives 30 to 60 seconds.
        assertThat(delay).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(60));
        assertThat(report.returnedToQueue()).hasSize(1);

        hexagon.repository.setAvailable(true);
        hexagon.clock.advance(delay.minusMillis(1));
        assertThat(hexagon.queue.receive(10)).as("invisible during the backoff").isEmpty();
        hexagon.clock.advance(Duration.ofMillis(1));
        List<Delivery> again = hexagon.queue.receive(10);
        assertThat(again).singleElement().extracting(Delivery::receiveCount).isEqualTo(2);
        assertThat(outcomes(hexagon.worker.process(again))).containsExactly(ProcessingOutcome.WRITTEN);
    }

    @Test
    void aTransientFailureIsTriedAgainWithinSeconds() {
        OrderRepository locked = batch -> Collections.nCopies(
                batch.size(), new ProcessingOutcome.RetryLater("order store failed: SQLState 55P03: lock timeout"));
        ProcessWebhookBatch worker =
                new ProcessWebhookBatch(Hexagon.PAYLOAD_READER, locked, hexagon.queue, Hexagon.RETRIES, new Random(1));
        accept("wh_1", SampleWebhooks.order("ord_1", 1));

        MessageResult result =
                worker.process(hexagon.queue.receive(10)).results().getFirst();

        // First receive: the transient backoff's base of 2 s with equal jitter gives 1 or 2 seconds.
        assertThat(((Settlement.ReturnToQueue.AfterBackoff) result.settlement()).backoff())
                .isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void poisonThatCannotReachTheDeadLetterQueueReturnsToTheQueueInstead() {
        hexagon.queue.send(new Envelope("{}", Map.of()));
        List<Delivery> batch = hexagon.queue.receive(10);
        hexagon.queue.setAvailable(false);

        BatchReport report = hexagon.worker.process(batch);

        hexagon.queue.setAvailable(true);
        assertThat(report.results().getFirst().outcome()).isInstanceOf(ProcessingOutcome.Poison.class);
        assertThat(report.returnedToQueue()).hasSize(1);
        assertThat(hexagon.queue.depth().deadLetters()).isZero();
        assertThat(hexagon.queue.depth().inFlight()).isEqualTo(1);
    }

    @Test
    void aRetryThatCannotReachTheQueueReturnsAfterTheQueuesOwnTimeout() {
        accept("wh_1", SampleWebhooks.order("ord_1", 1));
        List<Delivery> batch = hexagon.queue.receive(10);
        hexagon.repository.setAvailable(false);
        hexagon.queue.setAvailable(false);

        BatchReport report = hexagon.worker.process(batch);

        hexagon.queue.setAvailable(true);
        assertThat(report.results()).singleElement().satisfies(result -> {
            assertThat(result.outcome()).isInstanceOf(ProcessingOutcome.StoreUnavailable.class);
            assertThat(result.settlement()).isEqualTo(Settlement.ReturnToQueue.AFTER_VISIBILITY_TIMEOUT);
        });
    }

    @Test
    void aBatchOfOnlyPoisonNeverAsksTheStore() {
        OrderRepository untouchable = batch -> {
            throw new AssertionError("the store was asked to write " + batch.size() + " orders");
        };
        ProcessWebhookBatch worker = new ProcessWebhookBatch(
                Hexagon.PAYLOAD_READER, untouchable, hexagon.queue, Hexagon.RETRIES, new Random(1));
        hexagon.queue.send(new Envelope("{}", Map.of()));

        BatchReport report = worker.process(hexagon.queue.receive(10));

        assertThat(outcomes(report)).singleElement().isInstanceOf(ProcessingOutcome.Poison.class);
    }

    @Test
    void aStoreThatAnswersForFewerWritesThanItWasGivenIsABug() {
        OrderRepository forgetful = batch -> List.of();
        ProcessWebhookBatch worker = new ProcessWebhookBatch(
                Hexagon.PAYLOAD_READER, forgetful, hexagon.queue, Hexagon.RETRIES, new Random(1));
        accept("wh_1", SampleWebhooks.order("ord_1", 1));
        List<Delivery> batch = hexagon.queue.receive(10);

        assertThatIllegalStateException()
                .isThrownBy(() -> worker.process(batch))
                .withMessage("repository returned 0 outcomes for 1 writes");
    }
}
