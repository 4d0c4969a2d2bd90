package com.webhookbuffer.adapter.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.webhookbuffer.adapter.json.JacksonPayloadParser;
import com.webhookbuffer.application.ingest.AcceptWebhook;
import com.webhookbuffer.application.ingest.IngestSettings;
import com.webhookbuffer.application.ingest.WebhookSignature;
import com.webhookbuffer.application.payload.PayloadReader;
import com.webhookbuffer.application.payload.PayloadValidation;
import com.webhookbuffer.domain.port.out.MessageQueue;
import com.webhookbuffer.domain.queue.Delivery;
import com.webhookbuffer.domain.queue.Envelope;
import com.webhookbuffer.domain.testing.SampleWebhooks;
import com.webhookbuffer.domain.webhook.WebhookSecret;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/**
 * The ingest handler driven by real API Gateway event JSON (REST v1 and HTTP v2) through the real use case into a
 * real SQS-protocol queue: every answer of the HTTP contract, and nothing queued for anything but a 202.
 */
class ApiGatewayWebhookHandlerTest {

    private static final WebhookSecret SECRET = WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    private static final long NOW = 1614265330L;
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
    private static final PayloadReader READER =
            new PayloadReader(new JacksonPayloadParser(), PayloadValidation.newValidator());

    private TestSqs.Queues queues;
    private MessageQueue queue;
    private ApiGatewayWebhookHandler handler;

    @BeforeEach
    void wire() {
        queues = TestSqs.create(30, 5);
        queue = new SqsMessageQueue(TestSqs.client(), queues.queueUrl(), queues.deadLetterQueueUrl());
        handler = handlerOn(queue, IngestSettings.withSecrets(List.of(SECRET)));
    }

    private static ApiGatewayWebhookHandler handlerOn(MessageQueue queue, IngestSettings settings) {
        return new ApiGatewayWebhookHandler(new AcceptWebhook(settings, READER, queue, CLOCK));
    }

    private static APIGatewayProxyRequestEvent restEvent(String webhookId, byte[] body, String contentType) {
        APIGatewayProxyRequestEvent event = EventLoader.loadApiGatewayRestEvent("events/apigateway-rest-webhook.json");
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("Content-Type", contentType);
        headers.put("Webhook-Id", webhookId);
        headers.put("Webhook-Signature", WebhookSignature.sign(SECRET, webhookId, NOW, body));
        event.setHeaders(headers);
        event.setMultiValueHeaders(null);
        event.setBody(new String(body, StandardCharsets.UTF_8));
        return event;
    }

    private List<Delivery> queued() {
        return queue.receive(10, Duration.ZERO);
    }

    @Test
    void signedValidRestRequestIsQueuedAndAnswered202WithTheRequestIdAsCorrelationId() {
        APIGatewayProxyResponseEvent response =
                handler.handle(restEvent("msg_rest_1", SampleWebhooks.order("ord_1", 1).bytes(), "application/json"));

        assertThat(response.getStatusCode()).isEqualTo(202);
        assertThat(response.getBody()).isEqualTo("{\"id\":\"msg_rest_1\",\"status\":\"accepted\"}");
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json")
                .containsEntry("X-Correlation-Id", "77375676-xmpl-4b79-853a-f982474efe18");
        assertThat(queued()).singleElement().satisfies(d -> assertThat(d.envelope().attributes())
                .containsEntry(Envelope.CORRELATION_ID, "77375676-xmpl-4b79-853a-f982474efe18")
                .containsEntry(Envelope.WEBHOOK_ID, "msg_rest_1"));
    }

    @Test
    void multiValueHeadersOfARestRequestAreReadToo() {
        byte[] body = SampleWebhooks.order("ord_1", 1).bytes();
        APIGatewayProxyRequestEvent event = restEvent("msg_rest_2", body, "application/json");
        event.setHeaders(Map.of());
        event.setMultiValueHeaders(Map.of("content-type", List.of("application/json"),
                "WEBHOOK-ID", List.of("msg_rest_2"), "webhook-timestamp", List.of(Long.toString(NOW)),
                "Webhook-Signature", List.of(WebhookSignature.sign(SECRET, "msg_rest_2", NOW, body))));

        assertThat(handler.handle(event).getStatusCode()).isEqualTo(202);
    }

    @Test
    void signedBase64BodyOfAnHttpApiRequestIsDecodedQueuedAndAnswered202() {
        byte[] body = SampleWebhooks.order("ord_2", 1).bytes();
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/apigateway-http-webhook.json");
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("webhook-signature", WebhookSignature.sign(SECRET, "msg_http_1", NOW, body));
        event.setHeaders(headers);
        event.setBody(Base64.getEncoder().encodeToString(body));

        APIGatewayV2HTTPResponse response = handler.handle(event);

        assertThat(response.getStatusCode()).isEqualTo(202);
        assertThat(response.getHeaders()).containsEntry("X-Correlation-Id", "JKJaXmPLvHcESHA=");
        assertThat(queued()).singleElement().satisfies(d -> assertThat(d.envelope().body())
                .isEqualTo(new String(body, StandardCharsets.UTF_8)));
    }

    @Test
    void aBodyMarkedBase64ThatIsNotIs400OnTheBody() {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/apigateway-http-webhook.json");
        event.setBody("not base64!");

        APIGatewayV2HTTPResponse response = handler.handle(event);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBody())
                .contains("{\"field\":\"body\",\"message\":\"is marked base64 but is not\"}");
        assertThat(queued()).isEmpty();
    }

    @Test
    void invalidPayloadIs400ProblemDetailsListingEveryViolatedField() {
        byte[] body = SampleWebhooks.order("ord_1", 1).with("data.total", "1.00").with("data.version", 0).bytes();

        APIGatewayProxyResponseEvent response = handler.handle(restEvent("msg_1", body, "application/json"));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        assertThat(response.getBody()).isEqualTo("{\"type\":\"urn:webhook-buffer:problem:invalid-payload\","
                + "\"title\":\"Invalid payload\",\"status\":400,\"detail\":\"2 field(s) break the webhook contract\","
                + "\"correlationId\":\"77375676-xmpl-4b79-853a-f982474efe18\",\"violations\":["
                + "{\"field\":\"data.total\",\"message\":\"must equal the sum of quantity x unitPrice (39.98)\"},"
                + "{\"field\":\"data.version\",\"message\":\"must be >= 1\"}]}");
        assertThat(queued()).isEmpty();
    }

    @Test
    void wrongSignatureIs401WithoutSayingWhichCheckFailed() {
        APIGatewayProxyRequestEvent event =
                restEvent("msg_1", SampleWebhooks.order("ord_1", 1).bytes(), "application/json");
        event.getHeaders().put("Webhook-Signature", "v1,AAAA");

        APIGatewayProxyResponseEvent response = handler.handle(event);

        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(response.getBody()).contains("\"detail\":\"the request could not be authenticated\"")
                .doesNotContain("signature").doesNotContain("secret");
        assertThat(queued()).isEmpty();
    }

    @Test
    void bodyOverTheLimitIs413() {
        ApiGatewayWebhookHandler small = handlerOn(queue,
                new IngestSettings(List.of(SECRET), Duration.ofMinutes(5), 100, Duration.ofSeconds(5)));

        APIGatewayProxyResponseEvent response =
                small.handle(restEvent("msg_1", SampleWebhooks.order("ord_1", 1).bytes(), "application/json"));

        assertThat(response.getStatusCode()).isEqualTo(413);
        assertThat(response.getBody()).contains("\"type\":\"urn:webhook-buffer:problem:payload-too-large\"");
        assertThat(queued()).isEmpty();
    }

    @Test
    void anythingButJsonIs415() {
        APIGatewayProxyResponseEvent response =
                handler.handle(restEvent("msg_1", SampleWebhooks.order("ord_1", 1).bytes(), "text/plain"));

        assertThat(response.getStatusCode()).isEqualTo(415);
        assertThat(response.getHeaders()).containsEntry("Accept-Post", "application/json");
        assertThat(queued()).isEmpty();
    }

    @Test
    void unreachableQueueIs503WithRetryAfterNeverA2xx() {
        SqsMessageQueue unreachable = new SqsMessageQueue(
                SqsClients.forEndpoint(URI.create("http://127.0.0.1:9"), Region.US_EAST_1), "http://127.0.0.1:9/q",
                "http://127.0.0.1:9/dlq");
        ApiGatewayWebhookHandler down = handlerOn(unreachable, IngestSettings.withSecrets(List.of(SECRET)));

        APIGatewayProxyResponseEvent response =
                down.handle(restEvent("msg_1", SampleWebhooks.order("ord_1", 1).bytes(), "application/json"));

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders()).containsEntry("Retry-After", "5");
        assertThat(response.getBody()).contains("urn:webhook-buffer:problem:queue-unavailable");
    }
}
