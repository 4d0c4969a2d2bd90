package com.webhookbuffer.adapter.prometheus;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import org.hawkular.agent.prometheus.text.TextPrometheusMetricDataParser;
import org.hawkular.agent.prometheus.types.Counter;
import org.hawkular.agent.prometheus.types.Gauge;
import org.hawkular.agent.prometheus.types.Histogram;
import org.hawkular.agent.prometheus.types.Metric;
import org.hawkular.agent.prometheus.types.MetricFamily;
import org.hawkular.agent.prometheus.types.MetricType;

/**
 * A {@code /metrics} text as a scraper reads it: parsed by a parser of the text exposition format that is not ours
 * (Hawkular's), so a line Prometheus could not read fails here too, with lookups by family and label.
 */
public final class ScrapedMetrics {

    private final Map<String, MetricFamily> families = new LinkedHashMap<>();

    private ScrapedMetrics() {}

    public static ScrapedMetrics parse(String text) {
        ScrapedMetrics scraped = new ScrapedMetrics();
        try {
            TextPrometheusMetricDataParser parser =
                    new TextPrometheusMetricDataParser(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
            MetricFamily family;
            while ((family = parser.parse()) != null) {
                if (scraped.families.put(family.getName(), family) != null) {
                    throw new IllegalArgumentException("family " + family.getName() + " appears twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return scraped;
    }

    public MetricFamily family(String name) {
        MetricFamily family = families.get(name);
        if (family == null) {
            throw new NoSuchElementException("no family " + name + " in " + families.keySet());
        }
        return family;
    }

    public boolean has(String name) {
        return families.containsKey(name);
    }

    /** The counter {@code name} (with its {@code _total}) whose labels include {@code label=value}. */
    public double counter(String name, String label, String value) {
        return ((Counter) metric(name, MetricType.COUNTER, label, value)).getValue();
    }

    /** The counter {@code name} (with its {@code _total}) that has no labels. */
    public double counter(String name) {
        return ((Counter) metric(name, MetricType.COUNTER, null, null)).getValue();
    }

    public double gauge(String name) {
        return ((Gauge) metric(name, MetricType.GAUGE, null, null)).getValue();
    }

    public Histogram histogram(String name) {
        return (Histogram) metric(name, MetricType.HISTOGRAM, null, null);
    }

    private Metric metric(String name, MetricType type, String label, String value) {
        MetricFamily family = family(name);
        if (family.getType() != type) {
            throw new IllegalArgumentException(name + " is a " + family.getType() + ", not a " + type);
        }
        return family.getMetrics().stream()
                .filter(m -> label == null || value.equals(m.getLabels().get(label)))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException(name + " has no sample with " + label + "=" + value));
    }
}
