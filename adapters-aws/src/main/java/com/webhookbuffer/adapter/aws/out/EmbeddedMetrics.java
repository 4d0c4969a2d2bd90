package com.webhookbuffer.adapter.aws.out;

import com.webhookbuffer.domain.port.out.IngestMetrics;
import com.webhookbuffer.domain.port.out.WorkerMetrics;
import com.webhookbuffer.domain.processing.MessageResult;
import com.webhookbuffer.domain.processing.ProcessingOutcome;
import com.webhookbuffer.domain.webhook.AcceptOutcome;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The door's and the worker's metrics in CloudWatch's embedded metric format (EMF): a JSON document on the function's
 * log stream, from which CloudWatch Logs extracts the metrics. No client, no call to wait for, nothing in the request's
 * path that can fail it. One document per request answered and per batch settled, which is one per invocation, as
 * each invocation handles exactly one of them.
 *
 * <p>Dimensions are low-cardinality by construction: {@value #FUNCTION} ({@value #INGEST} or {@value #WORKER}), and
 * for {@value #REJECTED} also {@value #REASON}, an {@link AcceptOutcome#label()}. Nothing per request (webhook id,
 * order id, correlation id) is ever a dimension or a member of the document.
 */
public final class EmbeddedMetrics implements IngestMetrics, WorkerMetrics {

    public static final String FUNCTION = "Function";
    public static final String REASON = "Reason";
    public static final String INGEST = "ingest";
    public static final String WORKER = "worker";

    public static final String ACCEPTED = "Accepted";
    public static final String REJECTED = "Rejected";
    /** Answered 200 but about no order (a topic this service does not store, a platform's ping): not a refusal. */
    public static final String NOT_QUEUED = "NotQueued";

    public static final String PUBLISH_LATENCY = "PublishLatency";
    public static final String WRITTEN = "Written";
    public static final String DUPLICATE = "Duplicate";
    public static final String STALE = "Stale";
    public static final String RETRY_LATER = "RetryLater";
    public static final String POISON = "Poison";
    public static final String BATCH_SIZE = "BatchSize";
    public static final String BATCH_WRITE_LATENCY = "BatchWriteLatency";
    public static final String LAG = "Lag";

    /** EMF takes at most 100 values of one metric per document; more lags go on in further documents. */
    static final int MAX_VALUES = 100;

    /** CloudWatch's rule for a namespace: these characters, 1 to 255 of them, and never AWS's own prefix. */
    private static final Pattern NAMESPACE = Pattern.compile("[0-9A-Za-z._\\-/#: ]{1,255}");

    private final String namespace;
    private final Consumer<String> log;
    private final Clock clock;

    /**
     * @param namespace the CloudWatch namespace the metrics land in
     * @param log       where each document is written as one line: the function's standard output on Lambda
     */
    public EmbeddedMetrics(String namespace, Consumer<String> log, Clock clock) {
        Objects.requireNonNull(namespace, "namespace must not be null");
        if (!NAMESPACE.matcher(namespace).matches() || namespace.startsWith("AWS/")) {
            throw new IllegalArgumentException("a CloudWatch namespace is 1 to 255 of the characters 0-9 A-Z a-z "
                    + ". - _ / # : and space, and does not start with AWS/; got \"" + namespace + "\"");
        }
        this.namespace = namespace;
        this.log = Objects.requireNonNull(log, "log must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
    }

    /**
     * The function's standard output, where Lambda's runtime hands each line to CloudWatch Logs: the one place EMF
     * documents may go on Lambda, and the one place in the functions that writes there rather than through the
     * structured log (whose encoder would wrap the document and hide it from the extraction).
     */
    public static final Consumer<String> STANDARD_OUTPUT = document -> System.out.println(document);

    @Override
    public void answered(AcceptOutcome outcome, Optional<Duration> publishLatency) {
        Document document = new Document(INGEST);
        if (outcome instanceof AcceptOutcome.Accepted) {
            document.count(ACCEPTED, 1);
        } else if (outcome instanceof AcceptOutcome.NothingToQueue) {
            document.count(NOT_QUEUED, 1);
        } else {
            document.dimension(REASON, outcome.label()).count(REJECTED, 1);
        }
        publishLatency.ifPresent(latency -> document.milliseconds(PUBLISH_LATENCY, List.of(latency)));
        emit(document);
    }

    @Override
    public void processed(BatchObservation batch) {
        Document document = new Document(WORKER);
        long[] counts = new long[5];
        for (MessageResult result : batch.report().results()) {
            counts[
                    switch (result.outcome()) {
                        case ProcessingOutcome.Written w -> 0;
                        case ProcessingOutcome.Duplicate d -> 1;
                        case ProcessingOutcome.Stale s -> 2;
                        case ProcessingOutcome.RetryLater r -> 3;
                        // Also a retry later: the metric counts messages sent back, whatever the wait.
                        case ProcessingOutcome.StoreUnavailable u -> 3;
                        case ProcessingOutcome.Poison p -> 4;
                    }]++;
        }
        document.count(WRITTEN, counts[0])
                .count(DUPLICATE, counts[1])
                .count(STALE, counts[2])
                .count(RETRY_LATER, counts[3])
                .count(POISON, counts[4])
                .count(BATCH_SIZE, batch.report().results().size());
        batch.writeLatency().ifPresent(latency -> document.milliseconds(BATCH_WRITE_LATENCY, List.of(latency)));
        List<Duration> lags = batch.lags();
        if (!lags.isEmpty()) {
            document.milliseconds(LAG, lags.subList(0, Math.min(MAX_VALUES, lags.size())));
        }
        emit(document);
        for (int from = MAX_VALUES; from < lags.size(); from += MAX_VALUES) {
            emit(new Document(WORKER).milliseconds(LAG, lags.subList(from, Math.min(from + MAX_VALUES, lags.size()))));
        }
    }

    private void emit(Document document) {
        try {
            log.accept(document.json(namespace, clock.millis()));
        } catch (RuntimeException e) {
            // A metric lost is better than a request failed: the request log line still says what happened.
        }
    }

    /**
     * One EMF document: the metrics and their values, all under {@value #FUNCTION}; those counted by reason also
     * under {@value #FUNCTION} and {@value #REASON}. Names and dimension values are this class's constants and
     * outcome labels, none of which needs escaping in JSON.
     */
    private static final class Document {

        private final String function;
        private String reason;
        private final List<String> definitions = new ArrayList<>();
        private final List<String> members = new ArrayList<>();

        Document(String function) {
            this.function = function;
        }

        Document dimension(String name, String value) {
            if (!REASON.equals(name)) {
                throw new IllegalArgumentException("only " + REASON + " is an extra dimension");
            }
            reason = value;
            return this;
        }

        Document count(String name, long value) {
            definitions.add("{\"Name\":\"" + name + "\",\"Unit\":\"Count\"}");
            members.add("\"" + name + "\":" + value);
            return this;
        }

        Document milliseconds(String name, List<Duration> values) {
            definitions.add("{\"Name\":\"" + name + "\",\"Unit\":\"Milliseconds\"}");
            List<String> numbers = values.stream()
                    .map(d -> String.format(Locale.ROOT, "%.3f", d.toNanos() / 1_000_000.0))
                    .toList();
            members.add("\"" + name + "\":"
                    + (numbers.size() == 1 ? numbers.getFirst() : "[" + String.join(",", numbers) + "]"));
            return this;
        }

        String json(String namespace, long timestamp) {
            String dimensions = reason == null
                    ? "[[\"" + FUNCTION + "\"]]"
                    : "[[\"" + FUNCTION + "\"],[\"" + FUNCTION + "\",\"" + REASON + "\"]]";
            StringBuilder json = new StringBuilder(256)
                    .append("{\"_aws\":{\"Timestamp\":")
                    .append(timestamp)
                    .append(",\"CloudWatchMetrics\":[{\"Namespace\":\"")
                    .append(namespace)
                    .append("\",\"Dimensions\":")
                    .append(dimensions)
                    .append(",\"Metrics\":[")
                    .append(String.join(",", definitions))
                    .append("]}]}")
                    .append(",\"")
                    .append(FUNCTION)
                    .append("\":\"")
                    .append(function)
                    .append('"');
            if (reason != null) {
                json.append(",\"").append(REASON).append("\":\"").append(reason).append('"');
            }
            members.forEach(member -> json.append(',').append(member));
            return json.append('}').toString();
        }
    }
}
