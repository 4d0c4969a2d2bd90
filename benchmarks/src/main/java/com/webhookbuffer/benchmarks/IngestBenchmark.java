package com.webhookbuffer.benchmarks;

import ch.qos.logback.classic.Logger;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webhookbuffer.adapter.aws.in.ApiGatewayWebhookHandler;
import com.webhookbuffer.adapter.inmemory.InMemoryMessageQueue;
import com.webhookbuffer.adapter.json.JacksonPayloadParser;
import com.webhookbuffer.application.ingest.AcceptWebhook;
import com.webhookbuffer.application.ingest.IngestSettings;
import com.webhookbuffer.application.ingest.WebhookSignature;
import com.webhookbuffer.application.payload.PayloadValidation;
import com.webhookbuffer.application.reading.PayloadReader;
import com.webhookbuffer.domain.testing.SampleWebhooks;
import com.webhookbuffer.domain.webhook.WebhookSecret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.slf4j.LoggerFactory;

/**
 * Warm requests per second through the ingest handler (API Gateway v2 event in, 202 out) on an in-memory queue,
 * beside the floor: the HMAC-SHA256 and the JSON parse of the same request, which any correct ingest must do.
 */
@State(Scope.Thread)
public class IngestBenchmark {

    private static final long NOW = 1_764_165_600L;
    private static final WebhookSecret SECRET = WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

    /** The body every warm benchmark reads: an order of two line items. */
    static final byte[] BODY = SampleWebhooks.order("ord_1001", 1)
            .withItem("SKU-2", 3, "5.00")
            .with("data.total", "54.98")
            .bytes();

    private final String bodyText = new String(BODY, StandardCharsets.UTF_8);
    private final String signature = WebhookSignature.sign(SECRET, BenchmarkEvents.WEBHOOK_ID, NOW, BODY);
    private final ObjectMapper mapper = new ObjectMapper();
    /** The per-request JSON log line on (as deployed) or off, to show what it costs. */
    @Param({"on", "off"})
    public String requestLog;

    private ApiGatewayWebhookHandler handler;
    private APIGatewayV2HTTPEvent event;

    @Setup(Level.Trial)
    public void logging() {
        Logger adapters = (Logger) LoggerFactory.getLogger("com.webhookbuffer.adapter");
        adapters.setLevel(
                requestLog.equals("on") ? ch.qos.logback.classic.Level.INFO : ch.qos.logback.classic.Level.WARN);
    }

    @Setup(Level.Iteration)
    public void wire() {
        // A fresh queue each iteration, so the messages kept in memory stay few.
        Clock clock = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
        InMemoryMessageQueue queue = new InMemoryMessageQueue(clock, Duration.ofSeconds(30), 5);
        PayloadReader reader = new PayloadReader(new JacksonPayloadParser(), PayloadValidation.newValidator());
        handler = new ApiGatewayWebhookHandler(
                new AcceptWebhook(IngestSettings.withSecrets(List.of(SECRET)), reader, queue, clock));
        event = BenchmarkEvents.signed(bodyText, NOW, signature);
    }

    @Benchmark
    public APIGatewayV2HTTPResponse ingestHandler() {
        APIGatewayV2HTTPResponse response = handler.handle(event);
        if (response.getStatusCode() != 202) {
            throw new IllegalStateException("benchmark request was not accepted: " + response.getBody());
        }
        return response;
    }

    @Benchmark
    public JsonNode floorHmacAndJsonParse() throws IOException, NoSuchAlgorithmException, InvalidKeyException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.key(), "HmacSHA256"));
        mac.update((BenchmarkEvents.WEBHOOK_ID + "." + NOW + ".").getBytes(StandardCharsets.UTF_8));
        byte[] digest = mac.doFinal(BODY);
        if (digest.length != 32) {
            throw new IllegalStateException("no digest");
        }
        return mapper.readTree(bodyText.getBytes(StandardCharsets.UTF_8));
    }
}
