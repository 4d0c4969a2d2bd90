package com.webhookbuffer.adapter.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import com.webhookbuffer.domain.port.out.WorkerMetrics.BatchObservation;
import com.webhookbuffer.domain.processing.BatchReport;
import com.webhookbuffer.domain.processing.MessageResult;
import com.webhookbuffer.domain.processing.ProcessingOutcome;
import com.webhookbuffer.domain.processing.Settlement;
import com.webhookbuffer.domain.queue.Delivery;
import com.webhookbuffer.domain.queue.Envelope;
import com.webhookbuffer.domain.webhook.AcceptOutcome;
import com.webhookbuffer.domain.webhook.WebhookId;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.assertj.core.data.Offset;
import org.hawkular.agent.prometheus.types.Histogram;
import org.junit.jupiter.api.Test;

/** What {@link PrometheusMetrics} writes, read back by a parser of the text format that is not ours. */
class PrometheusMetricsTest {

    private final PrometheusMetrics metrics = new PrometheusMetrics();

    @Test
    void everyOutcomeIsThereAtZeroBeforeAnythingHappens() {
        ScrapedMetrics scraped = ScrapedMetrics.parse(metrics.scrape());

        for (String outcome : List.of(
                "accepted",
                "invalid-payload",
                "unauthenticated",
                "payload-too-large",
                "unsupported-media-type",
                "unknown-source",
                "queue-unavailable")) {
            assertThat(scraped.counter("webhookbuffer_requests_total", "outcome", outcome))
                    .isZero();
        }
        for (String outcome : List.of("written", "duplicate", "stale", "retry-later", "poison")) {
            assertThat(scraped.counter("webhookbuffer_messages_total", "outcome", outcome))
                    .isZero();
        }
        assertThat(scraped.histogram(PrometheusMetrics.LAG).getSampleCount()).isZero();
    }

    @Test
    void answersAreCountedByOutcomeAndThePublishLatencyObservedInSeconds() {
        metrics.answered(new AcceptOutcome.Accepted(WebhookId.of("wh_1"), "m"), Optional.of(Duration.ofMillis(4)));
        metrics.answered(new AcceptOutcome.Accepted(WebhookId.of("wh_2"), "m"), Optional.of(Duration.ofMillis(6)));
        metrics.answered(new AcceptOutcome.Unauthenticated("no match"), Optional.empty());

        ScrapedMetrics scraped = ScrapedMetrics.parse(metrics.scrape());

        assertThat(scraped.counter("webhookbuffer_requests_total", "outcome", "accepted"))
                .isEqualTo(2);
        assertThat(scraped.counter("webhookbuffer_requests_total", "outcome", "unauthenticated"))
                .isEqualTo(1);
        Histogram latency = scraped.histogram(PrometheusMetrics.PUBLISH_LATENCY);
        assertThat(latency.getSampleCount()).isEqualTo(2);
        assertThat(latency.getSampleSum()).isCloseTo(0.010, Offset.offset(1e-9));
    }

    @Test
    void batchesAreCountedByOutcomeWithTheirSizeWriteLatencyAndLags() {
        metrics.processed(new BatchObservation(
                report(
                        ProcessingOutcome.WRITTEN,
                        ProcessingOutcome.WRITTEN,
                        ProcessingOutcome.DUPLICATE,
                        new ProcessingOutcome.Poison("bad")),
                Optional.of(Duration.ofMillis(20)),
                List.of(Duration.ofSeconds(1), Duration.ofSeconds(90))));

        ScrapedMetrics scraped = ScrapedMetrics.parse(metrics.scrape());

        assertThat(scraped.counter("webhookbuffer_messages_total", "outcome", "written"))
                .isEqualTo(2);
        assertThat(scraped.counter("webhookbuffer_messages_total", "outcome", "duplicate"))
                .isEqualTo(1);
        assertThat(scraped.counter("webhookbuffer_messages_total", "outcome", "poison"))
                .isEqualTo(1);
        assertThat(scraped.histogram(PrometheusMetrics.BATCH_SIZE).getSampleSum())
                .isEqualTo(4);
        assertThat(scraped.histogram(PrometheusMetrics.BATCH_WRITE_LATENCY).getSampleCount())
                .isEqualTo(1);
        Histogram lag = scraped.histogram(PrometheusMetrics.LAG);
        assertThat(lag.getSampleCount()).isEqualTo(2);
        assertThat(lag.getSampleSum()).isEqualTo(91);
        assertThat(lag.getBuckets())
                .filteredOn(b -> b.getUpperBound() == 60)
                .singleElement()
                .satisfies(b -> assertThat(b.getCumulativeCount())
                        .as("one lag up to a minute")
                        .isEqualTo(1));
    }

    @Test
    void aGaugeIsReadAtEachScrapeAndLeftOutWhileItsSourceIsDown() {
        double[] depth = {3};
        boolean[] down = {false};
        metrics.gauge("webhookbuffer_queue_visible_messages", "Messages waiting", () -> {
            if (down[0]) {
                throw new IllegalStateException("queue unreachable");
            }
            return OptionalDouble.of(depth[0]);
        });

        assertThat(ScrapedMetrics.parse(metrics.scrape()).gauge("webhookbuffer_queue_visible_messages"))
                .isEqualTo(3);
        depth[0] = 7;
        assertThat(ScrapedMetrics.parse(metrics.scrape()).gauge("webhookbuffer_queue_visible_messages"))
                .isEqualTo(7);
        down[0] = true;
        ScrapedMetrics whileDown = ScrapedMetrics.parse(metrics.scrape());
        assertThat(whileDown.has("webhookbuffer_queue_visible_messages")).isFalse();
        assertThat(whileDown.counter("webhookbuffer_requests_total", "outcome", "accepted"))
                .isZero();
    }

    @Test
    void twoInstancesCountApart() {
        PrometheusMetrics other = new PrometheusMetrics();
        other.answered(new AcceptOutcome.Unauthenticated("x"), Optional.empty());

        assertThat(ScrapedMetrics.parse(metrics.scrape())
                        .counter("webhookbuffer_requests_total", "outcome", "unauthenticated"))
                .isZero();
    }

    private static BatchReport report(ProcessingOutcome... outcomes) {
        return new BatchReport(Arrays.stream(outcomes)
                .map(outcome -> new MessageResult(
                        new Delivery("m", "r", 1, new Envelope("{}", Map.of())),
                        outcome,
                        outcome instanceof ProcessingOutcome.Poison
                                ? Settlement.DEAD_LETTERED
                                : Settlement.ACKNOWLEDGE))
                .toList());
    }
}
