package com.webhookbuffer.bootstrap.lambda;

import com.webhookbuffer.adapter.aws.out.EmbeddedMetrics;
import com.webhookbuffer.domain.webhook.AcceptOutcome;
import com.webhookbuffer.domain.webhook.WebhookId;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The embedded-metric-format contract the two functions publish by ({@link EmbeddedMetrics}'s names), as the
 * template, its dashboard and LagAlarm read it: one namespace per stack, a {@code Function} dimension naming the function, and the metrics each
 * one publishes. A name the dashboard or an alarm reads that is not here would show an empty graph, or an alarm that
 * never sees a datapoint.
 */
final class MetricsContract {

    static final String NAMESPACE_VARIABLE = Wiring.METRICS_NAMESPACE;
    /** {@code on} (the code's default) or {@code off}. */
    static final String SWITCH_VARIABLE = Wiring.METRICS;

    /** The namespace as the template writes it in a {@code Fn::Sub}: one per stack. */
    static final String NAMESPACE = "WebhookBuffer/${AWS::StackName}";

    static final String FUNCTION = EmbeddedMetrics.FUNCTION;
    static final String REASON = EmbeddedMetrics.REASON;

    /** The {@code Function} dimension's value each function publishes with, by the template's logical id. */
    static final Map<String, String> FUNCTIONS =
            Map.of("IngestFunction", EmbeddedMetrics.INGEST, "WorkerFunction", EmbeddedMetrics.WORKER);

    /** What each function publishes, by its {@code Function} value; each with the dimensions [Function]. */
    static final Map<String, Set<String>> METRICS = Map.of(
            EmbeddedMetrics.INGEST,
                    Set.of(
                            EmbeddedMetrics.ACCEPTED,
                            EmbeddedMetrics.REJECTED,
                            EmbeddedMetrics.NOT_QUEUED,
                            EmbeddedMetrics.PUBLISH_LATENCY),
            EmbeddedMetrics.WORKER,
                    Set.of(
                            EmbeddedMetrics.WRITTEN,
                            EmbeddedMetrics.DUPLICATE,
                            EmbeddedMetrics.STALE,
                            EmbeddedMetrics.RETRY_LATER,
                            EmbeddedMetrics.POISON,
                            EmbeddedMetrics.BATCH_SIZE,
                            EmbeddedMetrics.BATCH_WRITE_LATENCY,
                            EmbeddedMetrics.LAG));

    /** The one metric also published with the dimensions [Function, Reason]. */
    static final String BY_REASON = EmbeddedMetrics.REJECTED;

    /** Every refusal's label: the reasons {@code Rejected} is counted by (not accepted, not answered unqueued). */
    static final Set<String> REASONS = AcceptOutcome.LABELS.stream()
            .filter(label -> !label.equals(new AcceptOutcome.Accepted(WebhookId.of("w"), "m").label())
                    && !label.equals(new AcceptOutcome.NothingToQueue("").label()))
            .collect(Collectors.toSet());

    private MetricsContract() {}

    /** Whether the functions publish this metric with exactly these dimensions. */
    static boolean publishes(String metric, Map<String, String> dimensions) {
        Set<String> metrics = METRICS.get(dimensions.get(FUNCTION));
        if (metrics == null || !metrics.contains(metric)) {
            return false;
        }
        if (dimensions.keySet().equals(Set.of(FUNCTION))) {
            return true;
        }
        return metric.equals(BY_REASON)
                && dimensions.keySet().equals(Set.of(FUNCTION, REASON))
                && REASONS.contains(dimensions.get(REASON));
    }
}
