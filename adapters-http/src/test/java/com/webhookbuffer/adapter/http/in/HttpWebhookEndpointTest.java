package com.webhookbuffer.adapter.http.in;

import static org.assertj.core.api.Assertions.assertThat;

import com.webhookbuffer.domain.webhook.AcceptOutcome;
import com.webhookbuffer.domain.webhook.IncomingWebhook;
import com.webhookbuffer.domain.webhook.WebhookId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The HTTP contract every door shares, with an inbox that records what reached it: headers in any case, the
 * platform's request id as correlation id, and the answers of the outcomes that only the door decides.
 */
class HttpWebhookEndpointTest {

    private final List<IncomingWebhook> received = new ArrayList<>();
    private AcceptOutcome next = new AcceptOutcome.Accepted(WebhookId.of("wh_1"), "msg-1");
    private final HttpWebhookEndpoint endpoint = new HttpWebhookEndpoint(webhook -> {
        received.add(webhook);
        return next;
    });

    @Test
    void headersReachTheInboxWhateverTheirCaseWithTheRequestIdAsCorrelationId() {
        HttpAnswer answer = endpoint.answer(
                Map.of(
                        "Content-Type",
                        "application/json",
                        "WEBHOOK-ID",
                        "wh_1",
                        "webhook-Timestamp",
                        "1700000000",
                        "Webhook-Signature",
                        "v1,abc"),
                "{}".getBytes(StandardCharsets.UTF_8),
                "req-42");

        assertThat(received).singleElement().satisfies(webhook -> {
            assertThat(webhook.contentType()).isEqualTo("application/json");
            assertThat(webhook.headers().value("webhook-id")).isEqualTo("wh_1");
            assertThat(webhook.headers().value("webhook-timestamp")).isEqualTo("1700000000");
            assertThat(webhook.headers().value("webhook-signature")).isEqualTo("v1,abc");
            assertThat(webhook.correlationId().value()).isEqualTo("req-42");
        });
        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.headers()).containsEntry(HttpAnswer.CORRELATION_HEADER, "req-42");
        assertThat(answer.body()).contains("\"id\":\"wh_1\"");
    }

    @Test
    void anUnreadableBodyIsA400ThatNeverAsksTheInbox() {
        HttpAnswer answer = endpoint.unreadableBody(Map.of(), "is marked base64 but is not", "req-43");

        assertThat(received).isEmpty();
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.headers()).containsEntry("Content-Type", "application/problem+json");
        assertThat(answer.body())
                .contains(HttpAnswer.PROBLEM_TYPE_PREFIX + "invalid-payload")
                .contains("\"field\":\"body\"")
                .contains("is marked base64 but is not");
    }

    @Test
    void aRequestIdThatIsNoCorrelationIdIsReplacedAndAQueueOutageIsA503WithRetryAfter() {
        next = new AcceptOutcome.QueueUnavailable(Duration.ofSeconds(7), "down");

        HttpAnswer answer = endpoint.answer(null, null, "\u0000 not an id");

        assertThat(received)
                .singleElement()
                .satisfies(webhook -> assertThat(webhook.body()).isEmpty());
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.headers()).containsEntry("Retry-After", "7").containsKey(HttpAnswer.CORRELATION_HEADER);
        assertThat(answer.headers().get(HttpAnswer.CORRELATION_HEADER))
                .isNotBlank()
                .doesNotContain("\u0000");
    }
}
