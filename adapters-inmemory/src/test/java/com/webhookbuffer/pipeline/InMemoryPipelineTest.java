package com.webhookbuffer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.webhookbuffer.application.ingest.IngestSettings;
import com.webhookbuffer.domain.order.Order;
import com.webhookbuffer.domain.order.OrderId;
import com.webhookbuffer.domain.processing.BatchReport;
import com.webhookbuffer.domain.processing.MessageResult;
import com.webhookbuffer.domain.processing.ProcessingOutcome;
import com.webhookbuffer.domain.queue.DeadLetter;
import com.webhookbuffer.domain.queue.Envelope;
import com.webhookbuffer.domain.testing.SampleWebhooks;
import com.webhookbuffer.domain.testing.SeededRandom;
import com.webhookbuffer.domain.webhook.AcceptOutcome;
import com.webhookbuffer.domain.webhook.CorrelationId;
import com.webhookbuffer.domain.webhook.QueuedWebhook;
import com.webhookbuffer.domain.webhook.WebhookId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole pipeline in memory: a few hundred signed webhooks (with redeliveries, versions out of order, a store
 * outage and poison) go in through the inbox and out through the worker. Nothing accepted is lost, nothing has a
 * second effect, every order ends at its highest version, and the poison waits in the dead-letter queue with its
 * reason.
 */
class InMemoryPipelineTest {

    private static final int ORDERS = 60;

    @Test
    @ExtendWith(SeededRandom.class)
    void everyAcceptedWebhookEndsWrittenOnceOrDeadLetteredAndOrdersEndAtTheirHighestVersion(Random random) {
        Hexagon hexagon = new Hexagon(IngestSettings.withSecrets(List.of(Hexagon.SECRET)), random);

        record Sent(String webhookId, String orderId, long version) {}
        List<Sent> sends = new ArrayList<>();
        Map<String, Long> highest = new HashMap<>();
        for (int o = 0; o < ORDERS; o++) {
            String orderId = "ord_" + o;
            int versions = 1 + random.nextInt(5);
            highest.put(orderId, (long) versions);
            for (int v = 1; v <= versions; v++) {
                Sent sent = new Sent("wh_" + o + "_" + v, orderId, v);
                sends.add(sent);
                if (random.nextInt(5) == 0) {
                    sends.add(sent); // the sender retried
                }
            }
        }
        Collections.shuffle(sends, random);

        int accepted = 0;
        for (int i = 0; i < sends.size(); i++) {
            Sent sent = sends.get(i);
            SampleWebhooks body = SampleWebhooks.order(sent.orderId(), sent.version())
                    .with("type", sent.version() == 1 ? "order.created" : "order.updated")
                    .withItem("SKU-v" + sent.version(), 1, "1.00")
                    .with("data.total", "40.98");
            AcceptOutcome outcome = hexagon.inbox.accept(hexagon.signed(sent.webhookId(), body.bytes()));
            assertThat(outcome).isInstanceOf(AcceptOutcome.Accepted.class);
            accepted++;
            if (i == sends.size() / 2) {
                // A producer outside the inbox puts one message on the queue that breaks the rules.
                hexagon.queue.publish(new QueuedWebhook(
                        WebhookId.of("wh_poison"),
                        hexagon.clock.instant(),
                        CorrelationId.of("req-poison"),
                        SampleWebhooks.order("ord_0", 99)
                                .with("data.version", 0)
                                .json()));
            }
        }

        // The store is down for the first batches, then comes back.
        hexagon.repository.setAvailable(false);
        List<BatchReport> reports = new ArrayList<>(firstBatches(hexagon, 3));
        hexagon.repository.setAvailable(true);
        for (int round = 0; round < 20 && !hexagon.queue.depth().isDrained(); round++) {
            reports.addAll(hexagon.pollUntilNothingVisible());
            hexagon.clock.advance(Hexagon.RETRIES.storeOutage().cap());
        }

        assertThat(hexagon.queue.depth().isDrained()).as("queue drained").isTrue();
        Map<String, List<ProcessingOutcome>> finalOutcomes = new HashMap<>();
        for (BatchReport report : reports) {
            for (MessageResult result : report.results()) {
                if (!(result.outcome() instanceof ProcessingOutcome.StoreUnavailable)) {
                    String id = result.delivery().envelope().attributes().get(Envelope.WEBHOOK_ID);
                    finalOutcomes.computeIfAbsent(id, k -> new ArrayList<>()).add(result.outcome());
                }
            }
        }
        long settledMessages =
                finalOutcomes.values().stream().mapToLong(List::size).sum();
        assertThat(settledMessages)
                .as("every queued message settled exactly once")
                .isEqualTo(accepted + 1L);
        finalOutcomes.forEach((id, outcomes) -> assertThat(outcomes.stream()
                        .filter(ProcessingOutcome.WRITTEN::equals)
                        .count())
                .as("effects of %s", id)
                .isLessThanOrEqualTo(1));
        assertThat(reports)
                .anySatisfy(r -> assertThat(r.results())
                        .anySatisfy(
                                m -> assertThat(m.outcome()).isInstanceOf(ProcessingOutcome.StoreUnavailable.class)));

        highest.forEach((orderId, version) -> {
            Order order = hexagon.repository.find(OrderId.of(orderId)).orElseThrow();
            assertThat(order.version().value()).as("version of %s", orderId).isEqualTo(version);
            assertThat(order.items()).extracting(item -> item.sku().value()).contains("SKU-v" + version);
        });
        assertThat(hexagon.repository.size()).isEqualTo(ORDERS);

        List<DeadLetter> deadLetters = hexagon.queue.deadLetters();
        assertThat(deadLetters).singleElement().satisfies(dead -> {
            assertThat(dead.envelope().attributes()).containsEntry(Envelope.WEBHOOK_ID, "wh_poison");
            assertThat(dead.reason()).contains("invalid payload: data.version: must be >= 1");
        });
    }

    private static List<BatchReport> firstBatches(Hexagon hexagon, int batches) {
        List<BatchReport> reports = new ArrayList<>();
        for (int i = 0; i < batches; i++) {
            var batch = hexagon.queue.receive(10);
            BatchReport report = hexagon.worker.process(batch);
            report.acknowledged().forEach(hexagon.queue::acknowledge);
            reports.add(report);
        }
        return reports;
    }
}
