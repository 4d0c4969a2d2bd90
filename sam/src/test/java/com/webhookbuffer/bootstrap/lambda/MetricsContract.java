package com.webhookbuffer.bootstrap.lambda;

import java.util.Map;
import java.util.Set;

/**
 * The embedded-metric-format contract the two functions publish by (issue #13), as the template, its dashboard and
 * LagAlarm read it: one namespace per stack, a {@code Function} dimension naming the function, and the metrics each
 * one publishes. A name the dashboard or an alarm reads that is not here would show an empty graph, or an alarm that
 * never sees a datapoint.
 */
final class MetricsContract {

    static final String NAMESPACE_VARIABLE = "METRICS_NAMESPACE";
    /** {@code on} (the code's default) or {@code off}. */
    static final String SWITCH_VARIABLE = "METRICS";

    /** The namespace as the template writes it in a {@code Fn::Sub}: one per stack. */
    static final String NAMESPACE = "WebhookBuffer/${AWS::StackName}";

    static final String FUNCTION = "Function";
    static final String REASON = "Reason";

    /** The {@code Function} dimension's value each function publishes with, by the template's logical id. */
    static final Map<String, String> FUNCTIONS = Map.of("IngestFunction", "ingest", "WorkerFunction", "worker");

    /** What each function publishes, by its {@code Function} value; each with the dimensions [Function]. */
    static final Map<String, Set<String>> METRICS = Map.of(
            "ingest", Set.of("Accepted", "Rejected", "PublishLatency"),
            "worker", Set.of("Written", "Duplicate", "Stale", "RetryLater", "Poison", "BatchSize",
                    "BatchWriteLatency", "Lag"));

    /** The one metric also published with the dimensions [Function, Reason]. */
    static final String BY_REASON = "Rejected";

    static final Set<String> REASONS = Set.of("invalid-payload", "unauthenticated", "payload-too-large",
            "unsupported-media-type", "queue-unavailable");

    private MetricsContract() {
    }

    /** Whether the functions publish this metric with exactly these dimensions. */
    static boolean publishes(String metric, Map<String, String> dimensions) {
        Set<String> metrics = METRICS.get(dimensions.get(FUNCTION));
        if (metrics == null || !metrics.contains(metric)) {
            return false;
        }
        if (dimensions.keySet().equals(Set.of(FUNCTION))) {
            return true;
        }
        return metric.equals(BY_REASON) && dimensions.keySet().equals(Set.of(FUNCTION, REASON))
                && REASONS.contains(dimensions.get(REASON));
    }
}
