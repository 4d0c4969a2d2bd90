package com.webhookbuffer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.webhookbuffer.domain.order.OrderId;
import com.webhookbuffer.domain.port.out.WorkerMetrics;
import com.webhookbuffer.domain.processing.BatchReport;
import com.webhookbuffer.domain.processing.ProcessingOutcome;
import com.webhookbuffer.domain.queue.Envelope;
import com.webhookbuffer.domain.testing.SampleWebhooks;
import com.webhookbuffer.domain.webhook.AcceptOutcome;
import com.webhookbuffer.domain.webhook.CorrelationId;
import com.webhookbuffer.domain.webhook.IncomingWebhook;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the use cases tell the metrics ports: one report per answered request and per settled batch, with the
 * figures an operator reads (publish latency when the queue was asked, write latency when the store was, each written
 * order's lag); and that a broken metrics writer changes no answer and no settlement.
 */
class MetricsReportsTest {

    private final Hexagon hexagon = new Hexagon();

    @Test
    void everyAnswerIsReportedOnceAndOnlyAQueueThatWasAskedHasAPublishLatency() {
        byte[] body = SampleWebhooks.order("ord_1", 1).bytes();
        hexagon.inbox.accept(hexagon.signed("wh_1", body));
        hexagon.inbox.accept(
                new IncomingWebhook("application/json", "wh_2", "1", "v1,bad", body, CorrelationId.of("req-2")));
        hexagon.queue.setAvailable(false);
        hexagon.inbox.accept(hexagon.signed("wh_3", body));

        assertThat(hexagon.answers)
                .extracting(a -> a.outcome().label())
                .containsExactly("accepted", "unauthenticated", "queue-unavailable");
        assertThat(hexagon.answers.get(0).publishLatency())
                .hasValueSatisfying(d -> assertThat(d.isNegative()).isFalse());
        assertThat(hexagon.answers.get(1).publishLatency())
                .as("refused before the queue was asked")
                .isEmpty();
        assertThat(hexagon.answers.get(2).publishLatency()).isPresent();
    }

    @Test
    void aBatchIsReportedOnceWithItsWriteLatencyAndTheLagOfEachOrderWritten() {
        hexagon.inbox.accept(
                hexagon.signed("wh_1", SampleWebhooks.order("ord_1", 1).bytes()));
        hexagon.clock.advance(Duration.ofSeconds(3));
        hexagon.inbox.accept(
                hexagon.signed("wh_2", SampleWebhooks.order("ord_2", 1).bytes()));
        hexagon.inbox.accept(
                hexagon.signed("wh_1", SampleWebhooks.order("ord_1", 1).bytes()));
        hexagon.queue.send(new Envelope("{}", Map.of("schemaVersion", "0")));
        hexagon.clock.advance(Duration.ofSeconds(2));

        BatchReport report = hexagon.worker.process(hexagon.queue.receive(10));

        WorkerMetrics.BatchObservation batch = hexagon.batches.getFirst();
        assertThat(hexagon.batches).hasSize(1);
        assertThat(batch.report()).isEqualTo(report);
        assertThat(batch.writeLatency()).isPresent();
        assertThat(batch.lags())
                .as("only the written ones: not the duplicate, not the poison")
                .containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(2));
    }

    @Test
    void aBatchWithNothingToWriteHasNoWriteLatency() {
        hexagon.queue.send(new Envelope("{}", Map.of("schemaVersion", "0")));

        hexagon.worker.process(hexagon.queue.receive(10));

        assertThat(hexagon.batches.getFirst().writeLatency()).isEmpty();
        assertThat(hexagon.batches.getFirst().lags()).isEmpty();
    }

    @Test
    void aBrokenMetricsWriterChangesNoAnswerAndNoSettlement() {
        hexagon.metricsFail = true;

        AcceptOutcome outcome = hexagon.inbox.accept(
                hexagon.signed("wh_1", SampleWebhooks.order("ord_1", 1).bytes()));
        AcceptOutcome refused = hexagon.inbox.accept(hexagon.signed("wh_2", "{}".getBytes(StandardCharsets.UTF_8)));
        BatchReport report = hexagon.worker.process(hexagon.queue.receive(10));
        report.acknowledged().forEach(hexagon.queue::acknowledge);

        assertThat(outcome).isInstanceOf(AcceptOutcome.Accepted.class);
        assertThat(refused).isInstanceOf(AcceptOutcome.InvalidPayload.class);
        assertThat(report.results())
                .singleElement()
                .extracting(r -> r.outcome())
                .isEqualTo(ProcessingOutcome.WRITTEN);
        assertThat(hexagon.repository.find(OrderId.of("ord_1"))).isPresent();
        assertThat(hexagon.queue.depth().visible() + hexagon.queue.depth().inFlight())
                .isZero();
        assertThat(hexagon.answers).hasSize(2);
        assertThat(hexagon.batches).hasSize(1);
    }
}
