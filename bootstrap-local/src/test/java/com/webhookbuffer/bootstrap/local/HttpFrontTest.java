package com.webhookbuffer.bootstrap.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.webhookbuffer.adapter.aws.in.ApiGatewayWebhookHandler;
import com.webhookbuffer.bootstrap.local.cloud.ApiGatewayDoor;
import com.webhookbuffer.bootstrap.local.parts.HttpFront;
import com.webhookbuffer.domain.webhook.AcceptOutcome;
import com.webhookbuffer.domain.webhook.IncomingWebhook;
import com.webhookbuffer.domain.webhook.WebhookId;
import com.webhookbuffer.domain.webhook.WebhookSecret;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The HTTP front on a real socket, with the ingest use case replaced by a recording stub (a seam of our own): what
 * reaches the handler is exactly what was sent, and nothing reaches it while the stack is not accepting.
 */
class HttpFrontTest {

    private static final int MAX_BODY_BYTES = 1024;

    private final List<IncomingWebhook> received = new CopyOnWriteArrayList<>();
    private final AtomicBoolean accepting = new AtomicBoolean(false);
    private final AtomicInteger acceptedCount = new AtomicInteger();

    private HttpFront start() throws Exception {
        ApiGatewayWebhookHandler handler = new ApiGatewayWebhookHandler(incoming -> {
            received.add(incoming);
            return new AcceptOutcome.Accepted(new WebhookId(incoming.headers().value("webhook-id")), "message-1");
        });
        return HttpFront.start(
                0,
                ApiGatewayDoor.of(handler),
                MAX_BODY_BYTES,
                accepting::get,
                Map.of("/status", () -> HttpFront.json(200, "{\"ok\":true}")),
                acceptedCount::incrementAndGet);
    }

    @Test
    void beforeTheStackIsReadyHealthAndWebhooksAnswer503AndNothingIsHandedOver() throws Exception {
        try (HttpFront front = start();
                StackClient client = new StackClient(front.baseUri(), WebhookSecret.ofKey(new byte[32]))) {
            assertThat(client.get("/health").statusCode()).isEqualTo(503);
            HttpResponse<String> refused = client.postSigned("wh_front_1", "{}");
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("retry-after")).hasValue("5");
            assertThat(refused.body()).contains("urn:webhook-buffer:problem:unavailable");
            assertThat(received).isEmpty();

            accepting.set(true);
            assertThat(client.get("/health").statusCode()).isEqualTo(200);
            assertThat(client.get("/status").body()).isEqualTo("{\"ok\":true}");
        }
    }

    @Test
    void theBodyAndHeadersReachTheHandlerByteForByte() throws Exception {
        accepting.set(true);
        // Not valid UTF-8 and with a CR LF: API Gateway would pass it base64, and so does the front.
        byte[] body = {'{', (byte) 0xC3, '\r', '\n', (byte) 0xFF, '}'};
        try (HttpFront front = start();
                StackClient client = new StackClient(front.baseUri(), WebhookSecret.ofKey(new byte[32]))) {
            HttpResponse<String> answer =
                    client.post(HttpRequest.newBuilder(front.baseUri().resolve("/webhooks"))
                            .header("Content-Type", "application/json; charset=utf-8")
                            .header("Webhook-Id", "wh_front_2")
                            .header("webhook-timestamp", "1700000000")
                            .header("webhook-signature", "v1,abc")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));

            assertThat(answer.statusCode()).isEqualTo(202);
            assertThat(acceptedCount.get()).isEqualTo(1);
            IncomingWebhook incoming = received.getFirst();
            assertThat(incoming.body()).isEqualTo(body);
            assertThat(incoming.contentType()).isEqualTo("application/json; charset=utf-8");
            assertThat(incoming.headers().value("webhook-id")).isEqualTo("wh_front_2");
            assertThat(incoming.headers().value("webhook-timestamp")).isEqualTo("1700000000");
            assertThat(incoming.headers().value("webhook-signature")).isEqualTo("v1,abc");
        }
    }

    @Test
    void aBodyOverTheLimitIsRefusedAtTheDoorWhetherAnnouncedOrChunked() throws Exception {
        accepting.set(true);
        try (HttpFront front = start();
                StackClient client = new StackClient(front.baseUri(), WebhookSecret.ofKey(new byte[32]))) {
            HttpResponse<String> announced = client.postSigned("wh_front_3", new byte[MAX_BODY_BYTES + 1]);
            assertThat(announced.statusCode()).isEqualTo(413);
            assertThat(announced.body()).contains("the body has " + (MAX_BODY_BYTES + 1) + " bytes");
            assertThat(announced.headers().firstValue("Connection"))
                    .as("the unread body ends the connection")
                    .hasValue("close");
            // No Content-Length: the front reads one byte past the limit and stops there.
            HttpResponse<String> chunked =
                    client.post(HttpRequest.newBuilder(front.baseUri().resolve("/webhooks"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofInputStream(
                                    () -> new java.io.ByteArrayInputStream(new byte[MAX_BODY_BYTES * 64]))));
            assertThat(chunked.statusCode()).isEqualTo(413);
            assertThat(chunked.body()).contains("more than " + MAX_BODY_BYTES);
            assertThat(chunked.headers().firstValue("Connection")).hasValue("close");
            HttpResponse<String> atTheLimit = client.postSigned("wh_front_4", new byte[MAX_BODY_BYTES]);
            assertThat(atTheLimit.statusCode()).isEqualTo(202);
            assertThat(received).hasSize(1);
        }
    }
}
