package com.webhookbuffer.adapter.aws.in;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.webhookbuffer.adapter.aws.TestSqs;
import com.webhookbuffer.adapter.aws.out.SqsClients;
import com.webhookbuffer.adapter.aws.out.SqsMessageQueue;
import com.webhookbuffer.adapter.json.JacksonPayloadParser;
import com.webhookbuffer.application.ingest.AcceptWebhook;
import com.webhookbuffer.application.ingest.IngestSettings;
import com.webhookbuffer.application.ingest.WebhookSignature;
import com.webhookbuffer.application.payload.PayloadValidation;
import com.webhookbuffer.application.reading.PayloadReader;
import com.webhookbuffer.domain.port.out.MessageQueue;
import com.webhookbuffer.domain.queue.Delivery;
import com.webhookbuffer.domain.queue.Envelope;
import com.webhookbuffer.domain.testing.SampleWebhooks;
import com.webhookbuffer.domain.webhook.AcceptOutcome;
import com.webhookbuffer.domain.webhook.SourceName;
import com.webhookbuffer.domain.webhook.VerificationKeys;
import com.webhookbuffer.domain.webhook.WebhookSecret;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
        queue = new SqsMessageQueue(TestSqs.client(), queues.queueUrl());
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
        return TestSqs.receive(queues.queueUrl(), 10, Duration.ZERO);
    }

    @Test
    void signedValidRestRequestIsQueuedAndAnswered202WithTheRequestIdAsCorrelationId() {
        APIGatewayProxyResponseEvent response = handler.handle(
                restEvent("msg_rest_1", SampleWebhooks.order("ord_1", 1).bytes(), "application/json"));

        assertThat(response.getStatusCode()).isEqualTo(202);
        assertThat(response.getBody()).isEqualTo("{\"id\":\"msg_rest_1\",\"status\":\"accepted\"}");
        assertThat(response.getHeaders())
                .containsEntry("Content-Type", "application/json")
                .containsEntry("X-Correlation-Id", "77375676-xmpl-4b79-853a-f982474efe18");
        assertThat(queued())
                .singleElement()
                .satisfies(d -> assertThat(d.envelope().attributes())
                        .containsEntry(Envelope.CORRELATION_ID, "77375676-xmpl-4b79-853a-f982474efe18")
                        .containsEntry(Envelope.WEBHOOK_ID, "msg_rest_1"));
    }

    @Test
    void theRoutesSourceReachesTheInboxAndAPathThatCannotNameOneIs404WithNothingQueued() {
        List<SourceName> asked = new ArrayList<>();
        ApiGatewayWebhookHandler routed = new ApiGatewayWebhookHandler(webhook -> {
            asked.add(webhook.source());
            return new AcceptOutcome.UnknownSource();
        });
        byte[] body = SampleWebhooks.order("ord_1", 1).bytes();

        APIGatewayV2HTTPEvent named = EventLoader.loadApiGatewayHttpEvent("events/apigateway-http-webhook.json");
        named.setPathParameters(Map.of(ApiGatewayWebhookHandler.SOURCE_PARAMETER, "partner"));
        APIGatewayV2HTTPResponse unknown = routed.handle(named);
        APIGatewayProxyRequestEvent unnamable = restEvent("msg_rest_9", body, "application/json");
        unnamable.setPathParameters(Map.of(ApiGatewayWebhookHandler.SOURCE_PARAMETER, "Not a name!"));

        assertThat(asked).containsExactly(SourceName.of("partner"));
        assertThat(unknown.getStatusCode()).isEqualTo(404);
        assertThat(unknown.getBody()).contains("urn:webhook-buffer:problem:unknown-source");
        assertThat(routed.handle(unnamable).getStatusCode()).isEqualTo(404);
        assertThat(asked)
                .as("a segment that is no name never reaches the inbox")
                .hasSize(1);
        assertThat(handler.handle(restEvent("msg_rest_3", body, "application/json"))
                        .getStatusCode())
                .as("no path parameter: POST /webhooks, the default source")
                .isEqualTo(202);
    }

    @Test
    void multiValueHeadersOfARestRequestAreReadToo() {
        byte[] body = SampleWebhooks.order("ord_1", 1).bytes();
        APIGatewayProxyRequestEvent event = restEvent("msg_rest_2", body, "application/json");
        event.setHeaders(Map.of());
        event.setMultiValueHeaders(Map.of(
                "content-type",
                List.of("application/json"),
                "WEBHOOK-ID",
                List.of("msg_rest_2"),
                "webhook-timestamp",
                List.of(Long.toString(NOW)),
                "Webhook-Signature",
                List.of(WebhookSignature.sign(SECRET, "msg_rest_2", NOW, body))));

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
        assertThat(queued())
                .singleElement()
                .satisfies(d -> assertThat(d.envelope().body()).isEqualTo(new String(body, StandardCharsets.UTF_8)));
    }

    @Test
    void aBodyMarkedBase64ThatIsNotIs400OnTheBody() {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/apigateway-http-webhook.json");
        event.setBody("not base64!");

        APIGatewayV2HTTPResponse response = handler.handle(event);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBody()).contains("{\"field\":\"body\",\"message\":\"is marked base64 but is not\"}");
        assertThat(queued()).isEmpty();
    }

    @Test
    void invalidPayloadIs400ProblemDetailsListingEveryViolatedField() {
        byte[] body = SampleWebhooks.order("ord_1", 1)
                .with("data.total", "1.00")
                .with("data.version", 0)
                .bytes();

        APIGatewayProxyResponseEvent response = handler.handle(restEvent("msg_1", body, "application/json"));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        assertThat(response.getBody())
                .isEqualTo("{\"type\":\"urn:webhook-buffer:problem:invalid-payload\",\"title\":\"Invalid"
                        + " payload\",\"status\":400,\"detail\":\"2 field(s) break the webhook contract\","
                        + "\"correlationId\":\"77375676-xmpl-4b79-853a-f982474efe18\",\"violationCount\":2,"
                        + "\"stoppedEarly\":false,\"violations\":[{\"field\":\"data.total\",\"message\":\"must"
                        + " equal the sum of quantity x unitPrice - discounts + shipping + fees + tax (unless"
                        + " taxIncluded) (39.98)\"},{\"field\":\"data.version\",\"message\":\"must be >="
                        + " 1\"}]}");
        assertThat(queued()).isEmpty();
    }

    @Test
    void wrongSignatureIs401WithoutSayingWhichCheckFailed() {
        APIGatewayProxyRequestEvent event =
                restEvent("msg_1", SampleWebhooks.order("ord_1", 1).bytes(), "application/json");
        event.getHeaders().put("Webhook-Signature", "v1,AAAA");

        APIGatewayProxyResponseEvent response = handler.handle(event);

        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(response.getBody())
                .contains("\"detail\":\"the request could not be authenticated\"")
                .doesNotContain("signature")
                .doesNotContain("secret");
        assertThat(queued()).isEmpty();
    }

    @Test
    void bodyOverTheLimitIs413() {
        ApiGatewayWebhookHandler small = handlerOn(
                queue,
                new IngestSettings(
                        VerificationKeys.of(List.of(SECRET)), Duration.ofMinutes(5), 100, Duration.ofSeconds(5)));

        APIGatewayProxyResponseEvent response =
                small.handle(restEvent("msg_1", SampleWebhooks.order("ord_1", 1).bytes(), "application/json"));

        assertThat(response.getStatusCode()).isEqualTo(413);
        assertThat(response.getBody()).contains("\"type\":\"urn:webhook-buffer:problem:payload-too-large\"");
        assertThat(queued()).isEmpty();
    }

    @Test
    void anythingButJsonIs415() {
        APIGatewayProxyResponseEvent response = handler.handle(
                restEvent("msg_1", SampleWebhooks.order("ord_1", 1).bytes(), "text/plain"));

        assertThat(response.getStatusCode()).isEqualTo(415);
        assertThat(response.getHeaders()).containsEntry("Accept-Post", "application/json");
        assertThat(queued()).isEmpty();
    }

    @Test
    void unreachableQueueIs503WithRetryAfterNeverA2xx() {
        SqsMessageQueue unreachable = new SqsMessageQueue(
                SqsClients.forEndpoint(URI.create("http://127.0.0.1:9"), Region.US_EAST_1), "http://127.0.0.1:9/q");
        ApiGatewayWebhookHandler down = handlerOn(unreachable, IngestSettings.withSecrets(List.of(SECRET)));

        APIGatewayProxyResponseEvent response =
                down.handle(restEvent("msg_1", SampleWebhooks.order("ord_1", 1).bytes(), "application/json"));

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders()).containsEntry("Retry-After", "5");
        assertThat(response.getBody()).contains("urn:webhook-buffer:problem:queue-unavailable");
    }

    @Test
    void aTimestampPastTheLargestLongIs401NotAFailure() {
        // Issue finding 1: 19 digits above Long.MAX_VALUE once escaped the handler as a NumberFormatException.
        for (String timestamp : List.of("9999999999999999999", "9223372036854775808", "9223372036854775807")) {
            APIGatewayProxyRequestEvent event =
                    restEvent("msg_ts", SampleWebhooks.order("ord_1", 1).bytes(), "application/json");
            event.getHeaders().put("Webhook-Timestamp", timestamp);
            assertThat(handler.handle(event).getStatusCode()).as(timestamp).isEqualTo(401);
        }
        assertThat(queued()).isEmpty();
    }

    @Test
    void tenThousandNullItemsAreAnsweredWithOneViolationInASmallDocument() {
        // Issue finding 3: this body once cost seconds of CPU and a 579 KB answer of 10,001 violations.
        byte[] body = SampleWebhooks.order("ord_1", 1)
                .with(
                        "data.items",
                        new SampleWebhooks.Raw(
                                "[" + String.join(",", java.util.Collections.nCopies(10_000, "null")) + "]"))
                .bytes();

        APIGatewayProxyResponseEvent response = handler.handle(restEvent("msg_nulls", body, "application/json"));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBody())
                .contains("\"violationCount\":1,")
                .contains("{\"field\":\"data.items\",\"message\":\"must hold 1-500 line items\"}");
        assertThat(response.getBody().length()).isLessThan(1_000);
    }

    @Test
    void fiveHundredBrokenItemsAreAnsweredWithTheFirstTwentyViolations() {
        SampleWebhooks broken = SampleWebhooks.order("ord_1", 1);
        for (int i = 1; i < 500; i++) {
            broken.withItem("", 0, "-1");
        }

        APIGatewayProxyResponseEvent response =
                handler.handle(restEvent("msg_broken", broken.bytes(), "application/json"));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBody())
                .contains("\"violationCount\":20,\"stoppedEarly\":true")
                .contains("\"detail\":\"at least 20 field(s) break the webhook contract; checking stopped at 20\"");
        assertThat(queued()).isEmpty();
    }

    @Test
    void generatedHeadersAndBodiesNeverGetAnAnswerAbove499ButA503() {
        long seed = com.webhookbuffer.domain.testing.HostileRequests.seed();
        int cases = com.webhookbuffer.domain.testing.HostileRequests.cases(600);
        System.out.printf("ApiGatewayWebhookHandlerTest: %d generated cases, -Dfuzz.seed=%d%n", cases, seed);
        var requests = new com.webhookbuffer.domain.testing.HostileRequests(
                seed, (id, timestamp, body) -> WebhookSignature.sign(SECRET, id, Long.parseLong(timestamp), body), NOW);
        int accepted = 0;
        for (int n = 0; n < cases; n++) {
            var request = requests.next(n);
            APIGatewayProxyRequestEvent event =
                    EventLoader.loadApiGatewayRestEvent("events/apigateway-rest-webhook.json");
            // Sometimes one header, sometimes the same header repeated (REST APIs pass both maps).
            Map<String, List<String>> multi = new HashMap<>();
            Map<String, String> headers = new HashMap<>();
            putHeader(headers, multi, n, "Content-Type", request.contentType());
            putHeader(headers, multi, n, "webhook-id", request.webhookId());
            putHeader(headers, multi, n, "WEBHOOK-TIMESTAMP", request.timestamp());
            putHeader(headers, multi, n, "Webhook-Signature", request.signature());
            event.setHeaders(headers);
            event.setMultiValueHeaders(multi);
            boolean base64 = n % 3 == 0;
            event.setIsBase64Encoded(base64);
            event.setBody(base64 ? Base64.getEncoder().encodeToString(request.body()) : request.bodyText());
            APIGatewayProxyResponseEvent response;
            try {
                response = handler.handle(event);
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + seed + ", " + request + ": the handler threw " + e, e);
            }
            assertThat(response.getStatusCode())
                    .as("seed %d, %s", seed, request)
                    .isBetween(200, 499);
            if (response.getStatusCode() == 202) {
                accepted++;
            }
        }
        int queuedMessages = 0;
        List<Delivery> batch;
        while (!(batch = queued()).isEmpty()) {
            queuedMessages += batch.size();
            batch.forEach(delivery -> TestSqs.acknowledge(queues.queueUrl(), delivery));
        }
        assertThat(queuedMessages)
                .as("queued: exactly the requests answered 202")
                .isEqualTo(accepted);
    }

    private static void putHeader(
            Map<String, String> headers, Map<String, List<String>> multi, int n, String name, String value) {
        if (value == null) {
            return;
        }
        if (n % 5 == 1) {
            multi.put(name, List.of(value, value));
        } else {
            headers.put(name, value);
        }
    }
}
