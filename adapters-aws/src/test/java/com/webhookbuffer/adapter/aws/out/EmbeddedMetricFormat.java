package com.webhookbuffer.adapter.aws.out;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The embedded metric format's specification, as checks on a parsed document: what CloudWatch Logs needs to extract
 * metrics from a log line, and refuses otherwise. From AWS's "Specification: Embedded metric format"
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html):
 * a root {@code _aws} object with an integer {@code Timestamp} (ms since the epoch) and a {@code CloudWatchMetrics}
 * array of directives; each directive a {@code Namespace} (1–255 characters), {@code Dimensions} (an array of
 * dimension sets, each at most 30 names, each naming a root member whose value is a string) and {@code Metrics} (at
 * most 100 definitions, each naming a root member whose value is a number or an array of at most 100 numbers, with
 * a {@code Unit} from CloudWatch's list when given).
 */
public final class EmbeddedMetricFormat {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> UNITS = Set.of(
            "Seconds",
            "Microseconds",
            "Milliseconds",
            "Bytes",
            "Kilobytes",
            "Megabytes",
            "Gigabytes",
            "Terabytes",
            "Bits",
            "Kilobits",
            "Megabits",
            "Gigabits",
            "Terabits",
            "Percent",
            "Count",
            "Bytes/Second",
            "Kilobytes/Second",
            "Megabytes/Second",
            "Gigabytes/Second",
            "Terabytes/Second",
            "Bits/Second",
            "Kilobits/Second",
            "Megabits/Second",
            "Gigabits/Second",
            "Terabits/Second",
            "Count/Second",
            "None");

    private EmbeddedMetricFormat() {}

    public static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What in the document breaks the specification; empty when CloudWatch would extract its metrics. */
    public static List<String> violations(String line) {
        List<String> problems = new ArrayList<>();
        if (line.contains("\n")) {
            problems.add("a document must be one log line");
        }
        JsonNode root = parse(line);
        JsonNode aws = root.path("_aws");
        if (!aws.isObject()) {
            problems.add("no _aws object");
            return problems;
        }
        if (!aws.path("Timestamp").isIntegralNumber() || aws.path("Timestamp").asLong() <= 0) {
            problems.add("_aws.Timestamp must be milliseconds since the epoch");
        }
        JsonNode directives = aws.path("CloudWatchMetrics");
        if (!directives.isArray() || directives.isEmpty()) {
            problems.add("_aws.CloudWatchMetrics must be a non-empty array");
            return problems;
        }
        for (JsonNode directive : directives) {
            String namespace = directive.path("Namespace").asText("");
            if (namespace.isEmpty() || namespace.length() > 255) {
                problems.add("Namespace must have 1 to 255 characters: " + namespace);
            }
            if (!directive.path("Dimensions").isArray()) {
                problems.add("Dimensions must be an array of dimension sets");
            }
            for (JsonNode set : directive.path("Dimensions")) {
                if (!set.isArray() || set.size() > 30) {
                    problems.add("a dimension set is an array of at most 30 names: " + set);
                }
                for (JsonNode name : set) {
                    if (!root.path(name.asText()).isTextual()) {
                        problems.add("dimension " + name + " names no string member of the root");
                    }
                }
            }
            JsonNode metrics = directive.path("Metrics");
            if (!metrics.isArray() || metrics.isEmpty() || metrics.size() > 100) {
                problems.add("Metrics must hold 1 to 100 definitions");
            }
            Set<String> names = new HashSet<>();
            for (JsonNode metric : metrics) {
                String name = metric.path("Name").asText("");
                if (!names.add(name)) {
                    problems.add("metric " + name + " is defined twice");
                }
                JsonNode value = root.path(name);
                boolean number = value.isNumber();
                boolean numbers = value.isArray() && !value.isEmpty() && value.size() <= 100;
                for (JsonNode element : value.isArray() ? value : JSON.createArrayNode()) {
                    numbers &= element.isNumber();
                }
                if (!number && !numbers) {
                    problems.add("metric " + name + " has no numeric value (or array of 1 to 100) at the root");
                }
                if (metric.has("Unit") && !UNITS.contains(metric.path("Unit").asText())) {
                    problems.add("metric " + name + " has a unit CloudWatch does not know: " + metric.path("Unit"));
                }
            }
        }
        return problems;
    }
}
