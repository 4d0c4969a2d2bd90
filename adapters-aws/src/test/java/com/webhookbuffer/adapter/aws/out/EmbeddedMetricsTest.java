package com.webhookbuffer.adapter.aws.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.JsonNode;
import com.webhookbuffer.domain.port.out.WorkerMetrics.BatchObservation;
import com.webhookbuffer.domain.processing.BatchReport;
import com.webhookbuffer.domain.processing.MessageResult;
import com.webhookbuffer.domain.processing.ProcessingOutcome;
import com.webhookbuffer.domain.processing.Settlement;
import com.webhookbuffer.domain.queue.Delivery;
import com.webhookbuffer.domain.queue.Envelope;
import com.webhookbuffer.domain.webhook.AcceptOutcome;
import com.webhookbuffer.domain.webhook.Violation;
import com.webhookbuffer.domain.webhook.WebhookId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The documents {@link EmbeddedMetrics} writes, parsed and held to the format's specification. */
class EmbeddedMetricsTest {

    private static final Instant NOW = Instant.parse("2026-11-27T16:00:00Z");
    private static final String NAMESPACE = "WebhookBuffer/webhook-buffer-test";

    private final List<String> lines = new ArrayList<>();
    private final EmbeddedMetrics metrics =
            new EmbeddedMetrics(NAMESPACE, lines::add, Clock.fixed(NOW, ZoneOffset.UTC));

    private JsonNode onlyDocument() {
        assertThat(lines).hasSize(1);
        assertThat(EmbeddedMetricFormat.violations(lines.getFirst())).isEmpty();
        return EmbeddedMetricFormat.parse(lines.getFirst());
    }

    private static List<String> metricNames(JsonNode document) {
        return StreamSupport.stream(
                        document.at("/_aws/CloudWatchMetrics/0/Metrics").spliterator(), false)
                .map(m -> m.path("Name").asText())
                .toList();
    }

    private static Set<String> rootMembers(JsonNode document) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = document.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    @Test
    void anAcceptedRequestIsOneDocumentCountingItWithThePublishLatencyUnderTheFunction() {
        metrics.answered(
                new AcceptOutcome.Accepted(WebhookId.of("wh_1"), "m-1"), Optional.of(Duration.ofNanos(12_345_678)));

        JsonNode document = onlyDocument();
        assertThat(document.at("/_aws/Timestamp").asLong()).isEqualTo(NOW.toEpochMilli());
        assertThat(document.at("/_aws/CloudWatchMetrics/0/Namespace").asText()).isEqualTo(NAMESPACE);
        assertThat(document.at("/_aws/CloudWatchMetrics/0/Dimensions").toString())
                .isEqualTo("[[\"Function\"]]");
        assertThat(metricNames(document)).containsExactly("Accepted", "PublishLatency");
        assertThat(document.path("Function").asText()).isEqualTo("ingest");
        assertThat(document.path("Accepted").asLong()).isEqualTo(1);
        assertThat(document.path("PublishLatency").asDouble()).isEqualTo(12.346);
        assertThat(rootMembers(document))
                .as("nothing per request: not the webhook id, not the message id")
                .containsExactly("Accepted", "Function", "PublishLatency", "_aws");
    }

    @Test
    void anAnswerAboutNoOrderIsCountedAsNotQueuedNotAsARejection() {
        metrics.answered(new AcceptOutcome.NothingToQueue("topic shop/redact is not about an order"), Optional.empty());

        JsonNode document = onlyDocument();
        assertThat(metricNames(document)).containsExactly("NotQueued");
        assertThat(document.at("/_aws/CloudWatchMetrics/0/Dimensions").toString())
                .isEqualTo("[[\"Function\"]]");
        assertThat(rootMembers(document))
                .as("not the topic: only the count")
                .containsExactly("Function", "NotQueued", "_aws");
    }

    @Test
    void eachRefusalIsRejectedWithItsReasonAsADimensionAndOnlyAnAskedQueueHasALatency() {
        List<AcceptOutcome> refusals = List.of(
                new AcceptOutcome.InvalidPayload(List.of(new Violation("data.total", "must be positive"))),
                new AcceptOutcome.Unauthenticated("no signature matched"),
                new AcceptOutcome.PayloadTooLarge(262_144, 300_000),
                new AcceptOutcome.UnsupportedMediaType("text/plain"),
                new AcceptOutcome.UnknownSource(),
                new AcceptOutcome.QueueUnavailable(Duration.ofSeconds(5), "connection refused"));
        for (AcceptOutcome refusal : refusals) {
            boolean asked = refusal instanceof AcceptOutcome.QueueUnavailable;
            metrics.answered(refusal, asked ? Optional.of(Duration.ofMillis(3)) : Optional.empty());
        }

        assertThat(lines).hasSize(refusals.size());
        assertThat(lines)
                .allSatisfy(line ->
                        assertThat(EmbeddedMetricFormat.violations(line)).isEmpty());
        List<JsonNode> documents =
                lines.stream().map(EmbeddedMetricFormat::parse).toList();
        assertThat(documents)
                .extracting(d -> d.path("Reason").asText())
                .containsExactly(
                        "invalid-payload",
                        "unauthenticated",
                        "payload-too-large",
                        "unsupported-media-type",
                        "unknown-source",
                        "queue-unavailable");
        assertThat(documents).allSatisfy(d -> {
            assertThat(d.path("Rejected").asLong()).isEqualTo(1);
            assertThat(d.has("Accepted")).isFalse();
            assertThat(d.at("/_aws/CloudWatchMetrics/0/Dimensions").toString())
                    .as("counted in total and by reason")
                    .isEqualTo("[[\"Function\"],[\"Function\",\"Reason\"]]");
            assertThat(rootMembers(d))
                    .as("no reason text, no content type: only the label")
                    .isSubsetOf("_aws", "Function", "Reason", "Rejected", "PublishLatency");
        });
        assertThat(documents)
                .filteredOn(d -> d.has("PublishLatency"))
                .extracting(d -> d.path("Reason").asText())
                .containsExactly("queue-unavailable");
    }

    @Test
    void aBatchIsOneDocumentWithEachOutcomeCountedItsSizeItsWriteLatencyAndTheLagOfEachOrderWritten() {
        BatchReport report = report(
                ProcessingOutcome.WRITTEN,
                ProcessingOutcome.WRITTEN,
                ProcessingOutcome.DUPLICATE,
                ProcessingOutcome.STALE,
                new ProcessingOutcome.RetryLater("store unavailable"),
                new ProcessingOutcome.Poison("invalid payload"));

        metrics.processed(new BatchObservation(
                report, Optional.of(Duration.ofMillis(40)), List.of(Duration.ofMillis(1500), Duration.ofSeconds(2))));

        JsonNode document = onlyDocument();
        assertThat(document.path("Function").asText()).isEqualTo("worker");
        assertThat(metricNames(document))
                .containsExactly(
                        "Written",
                        "Duplicate",
                        "Stale",
                        "RetryLater",
                        "Poison",
                        "BatchSize",
                        "BatchWriteLatency",
                        "Lag");
        assertThat(List.of("Written", "Duplicate", "Stale", "RetryLater", "Poison", "BatchSize"))
                .extracting(name -> document.path(name).asLong())
                .containsExactly(2L, 1L, 1L, 1L, 1L, 6L);
        assertThat(document.path("BatchWriteLatency").asDouble()).isEqualTo(40.0);
        assertThat(document.path("Lag")).extracting(JsonNode::asDouble).containsExactly(1500.0, 2000.0);
        assertThat(rootMembers(document)).doesNotContain("Reason");
    }

    @Test
    void aBatchWithNothingWrittenHasNoLatencyOrLagButStillItsCounts() {
        metrics.processed(
                new BatchObservation(report(new ProcessingOutcome.Poison("unreadable")), Optional.empty(), List.of()));

        JsonNode document = onlyDocument();
        assertThat(metricNames(document))
                .containsExactly("Written", "Duplicate", "Stale", "RetryLater", "Poison", "BatchSize");
        assertThat(document.path("Poison").asLong()).isEqualTo(1);
    }

    @Test
    void moreLagsThanOneDocumentMayHoldGoOnInFurtherDocumentsNoneOverTheLimit() {
        int written = 2 * EmbeddedMetrics.MAX_VALUES + 50;
        ProcessingOutcome[] outcomes = new ProcessingOutcome[written];
        Arrays.fill(outcomes, ProcessingOutcome.WRITTEN);
        List<Duration> lags =
                IntStream.range(0, written).mapToObj(Duration::ofMillis).toList();

        metrics.processed(new BatchObservation(report(outcomes), Optional.of(Duration.ofMillis(9)), lags));

        assertThat(lines).hasSize(3);
        assertThat(lines)
                .allSatisfy(line ->
                        assertThat(EmbeddedMetricFormat.violations(line)).isEmpty());
        List<JsonNode> documents =
                lines.stream().map(EmbeddedMetricFormat::parse).toList();
        assertThat(documents.getFirst().path("Written").asLong()).isEqualTo(written);
        assertThat(documents.subList(1, 3))
                .allSatisfy(d -> assertThat(metricNames(d)).containsExactly("Lag"));
        assertThat(documents.stream().mapToInt(d -> d.path("Lag").size()).sum()).isEqualTo(written);
    }

    @Test
    void aWriterThatFailsNeverReachesTheCaller() {
        EmbeddedMetrics broken = new EmbeddedMetrics(
                NAMESPACE,
                line -> {
                    throw new IllegalStateException("stdout is gone");
                },
                Clock.systemUTC());

        assertThatCode(() -> {
                    broken.answered(new AcceptOutcome.Unauthenticated("x"), Optional.empty());
                    broken.processed(new BatchObservation(
                            report(ProcessingOutcome.WRITTEN), Optional.empty(), List.of(Duration.ZERO)));
                })
                .doesNotThrowAnyException();
    }

    @Test
    void aNamespaceCloudWatchWouldRefuseIsRefusedAtStart() {
        for (String namespace : List.of("", "AWS/Lambda", "web\"hook", "x".repeat(256), "web\nhook")) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new EmbeddedMetrics(namespace, lines::add, Clock.systemUTC()))
                    .withMessageContaining("CloudWatch namespace");
        }
    }

    @Test
    void theSpecificationChecksCatchWhatCloudWatchWouldRefuse() {
        assertThat(EmbeddedMetricFormat.violations("{\"Accepted\":1}")).containsExactly("no _aws object");
        assertThat(EmbeddedMetricFormat.violations("{\"_aws\":{\"Timestamp\":1,\"CloudWatchMetrics\":[{\"Namespace\""
            + ":\"n\",\"Dimensions\":[[\"Function\"]],\"Metrics\":[{\"Name\":\"Accepted\",\"Unit\":\"Things\"}]}]}"
            + ",\"Accepted\":\"one\"}"))
                .containsExactly(
                        "dimension \"Function\" names no string member of the root",
                        "metric Accepted has no numeric value (or array of 1 to 100) at the root",
                        "metric Accepted has a unit CloudWatch does not know: \"Things\"");
    }

    private static BatchReport report(ProcessingOutcome... outcomes) {
        List<MessageResult> results = new ArrayList<>();
        for (int i = 0; i < outcomes.length; i++) {
            Delivery delivery = new Delivery("m-" + i, "r-" + i, 1, new Envelope("{}", Map.of()));
            Settlement settlement = switch (outcomes[i]) {
                case ProcessingOutcome.RetryLater r -> new Settlement.ReturnToQueue.AfterBackoff(Duration.ofSeconds(2));
                case ProcessingOutcome.Poison p -> Settlement.DEAD_LETTERED;
                default -> Settlement.ACKNOWLEDGE;
            };
            results.add(new MessageResult(delivery, outcomes[i], settlement));
        }
        return new BatchReport(results);
    }
}
