package com.webhookbuffer.benchmarks;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.webhookbuffer.adapter.aws.in.ApiGatewayWebhookHandler;
import com.webhookbuffer.adapter.json.JacksonPayloadParser;
import com.webhookbuffer.application.ingest.AcceptWebhook;
import com.webhookbuffer.application.ingest.IngestSettings;
import com.webhookbuffer.application.ingest.WebhookSignature;
import com.webhookbuffer.application.payload.PayloadValidation;
import com.webhookbuffer.application.reading.PayloadReader;
import com.webhookbuffer.domain.port.out.MessageQueue;
import com.webhookbuffer.domain.queue.PublishOutcome;
import com.webhookbuffer.domain.testing.SampleWebhooks;
import com.webhookbuffer.domain.webhook.WebhookSecret;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the worst bodies a sender can sign cost the ingest handler, beside the contract's sample body in the same
 * run: each is within the default {@code MAX_BODY_BYTES} (256 KiB) and correctly signed, so it reaches the JSON
 * parser and the payload rules. Time per request on one thread, request log off (it costs every body the same).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BadBodyBenchmark {

    /** The bodies, by name; {@code sample} is the baseline. */
    static final List<String> BODIES = List.of(
            "sample",
            "500-valid-items",
            "500-broken-items",
            "50000-null-items",
            "500-over-precise-prices",
            "250-KiB-unknown-field");

    private static final long NOW = 1_764_165_600L;
    private static final WebhookSecret SECRET = WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    /** Takes every message and keeps none: a benchmark of bodies, not of a queue filling memory. */
    private static final MessageQueue DISCARDING_QUEUE = webhook -> new PublishOutcome.Published("discarded");

    @Param({
        "sample",
        "500-valid-items",
        "500-broken-items",
        "50000-null-items",
        "500-over-precise-prices",
        "250-KiB-unknown-field"
    })
    public String body;

    private ApiGatewayWebhookHandler handler;
    private APIGatewayV2HTTPEvent event;

    static byte[] bodyNamed(String name) {
        SampleWebhooks sample = SampleWebhooks.order("ord_1001", 1);
        switch (name) {
            case "sample" -> {}
            case "500-valid-items" -> {
                for (int i = 2; i <= 500; i++) {
                    sample.withItem("SKU-" + i, 10_000, "99999.99");
                }
                sample.with("data.total", "498999950139.98");
            }
            case "500-broken-items" -> {
                for (int i = 2; i <= 500; i++) {
                    sample.withItem("", 0, "-1");
                }
            }
            case "50000-null-items" ->
                sample.with(
                        "data.items",
                        new SampleWebhooks.Raw("[" + String.join(",", Collections.nCopies(50_000, "null")) + "]"));
            case "500-over-precise-prices" -> {
                for (int i = 2; i <= 500; i++) {
                    sample.withItem("SKU-" + i, 1, "0.000000000000000001");
                }
            }
            case "250-KiB-unknown-field" -> sample.with("padding", "x".repeat(250 * 1024));
            default -> throw new IllegalArgumentException("no body named " + name);
        }
        byte[] bytes = sample.bytes();
        if (bytes.length > IngestSettings.DEFAULT_MAX_BODY_BYTES) {
            throw new IllegalStateException(name + " is over MAX_BODY_BYTES: " + bytes.length);
        }
        return bytes;
    }

    @Setup(Level.Trial)
    public void wire() {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("com.webhookbuffer.adapter"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Clock clock = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
        PayloadReader reader = new PayloadReader(new JacksonPayloadParser(), PayloadValidation.newValidator());
        handler = new ApiGatewayWebhookHandler(
                new AcceptWebhook(IngestSettings.withSecrets(List.of(SECRET)), reader, DISCARDING_QUEUE, clock));
        byte[] bytes = bodyNamed(body);
        event = BenchmarkEvents.signed(
                new String(bytes, StandardCharsets.UTF_8),
                NOW,
                WebhookSignature.sign(SECRET, BenchmarkEvents.WEBHOOK_ID, NOW, bytes));
    }

    @Benchmark
    public APIGatewayV2HTTPResponse ingestHandler() {
        APIGatewayV2HTTPResponse response = handler.handle(event);
        if (response.getStatusCode() >= 500) {
            throw new IllegalStateException(body + " was answered " + response.getStatusCode());
        }
        return response;
    }
}
