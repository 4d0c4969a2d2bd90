package com.webhookbuffer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.webhookbuffer.application.ingest.IngestSettings;
import com.webhookbuffer.application.ingest.WebhookSignature;
import com.webhookbuffer.domain.queue.Delivery;
import com.webhookbuffer.domain.queue.Envelope;
import com.webhookbuffer.domain.testing.SampleWebhooks;
import com.webhookbuffer.domain.testing.SenderSecretKey;
import com.webhookbuffer.domain.webhook.AcceptOutcome;
import com.webhookbuffer.domain.webhook.CorrelationId;
import com.webhookbuffer.domain.webhook.IncomingWebhook;
import com.webhookbuffer.domain.webhook.QueuedWebhook;
import com.webhookbuffer.domain.webhook.RequestHeaders;
import com.webhookbuffer.domain.webhook.VerificationKeys;
import com.webhookbuffer.domain.webhook.Violation;
import com.webhookbuffer.domain.webhook.WebhookId;
import com.webhookbuffer.domain.webhook.WebhookSecret;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The inbox use case against the in-memory queue: what is accepted is queued whole, and nothing else is. */
class AcceptWebhookTest {

    private final Hexagon hexagon = new Hexagon();
    private final byte[] body = SampleWebhooks.order("ord_1001", 1).bytes();

    private void assertNothingQueued() {
        assertThat(hexagon.queue.depth().visible()).isZero();
    }

    @Test
    void signedValidWebhookIsQueuedWithItsMetadataAndAccepted() {
        AcceptOutcome outcome = hexagon.inbox.accept(hexagon.signed("msg_1", body));

        assertThat(outcome).isInstanceOf(AcceptOutcome.Accepted.class);
        AcceptOutcome.Accepted accepted = (AcceptOutcome.Accepted) outcome;
        assertThat(accepted.webhookId()).isEqualTo(WebhookId.of("msg_1"));
        Delivery delivery = hexagon.queue.receive(10).getFirst();
        assertThat(delivery.messageId()).isEqualTo(accepted.messageId());
        assertThat(delivery.envelope().open())
                .isEqualTo(new Envelope.Opened.Readable(new QueuedWebhook(
                        WebhookId.of("msg_1"),
                        hexagon.clock.instant(),
                        CorrelationId.of("req-msg_1"),
                        new String(body, StandardCharsets.UTF_8))));
    }

    @Test
    void bodyOverTheLimitIsTooLargeBeforeAnythingElseIsChecked() {
        IngestSettings small = new IngestSettings(
                VerificationKeys.of(List.of(Hexagon.SECRET)),
                Duration.ofMinutes(5),
                body.length,
                Duration.ofSeconds(5));
        Hexagon limited = new Hexagon(small, new Random(1));
        byte[] larger = SampleWebhooks.order("ord_1001", 1).with("pad", "x").bytes();

        assertThat(limited.inbox.accept(limited.signed("msg_1", body))).isInstanceOf(AcceptOutcome.Accepted.class);
        IncomingWebhook unsignedAndTooLarge =
                new IncomingWebhook("text/plain", null, null, null, larger, CorrelationId.of("r"));
        assertThat(limited.inbox.accept(unsignedAndTooLarge))
                .isEqualTo(new AcceptOutcome.PayloadTooLarge(body.length, larger.length));
        assertThat(limited.queue.depth().visible()).isEqualTo(1);
    }

    @Test
    void anythingButJsonIsAnUnsupportedMediaType() {
        IncomingWebhook signed = hexagon.signed("msg_1", body);
        IncomingWebhook asText = withContentType(signed, "text/plain");
        IncomingWebhook withoutType = withContentType(signed, null);

        assertThat(hexagon.inbox.accept(asText)).isEqualTo(new AcceptOutcome.UnsupportedMediaType("text/plain"));
        assertThat(hexagon.inbox.accept(withoutType)).isEqualTo(new AcceptOutcome.UnsupportedMediaType(null));
        assertNothingQueued();
    }

    @Test
    void unsignedWrongOrExpiredSignaturesAreUnauthenticatedWithTheReasonKeptForTheLog() {
        IncomingWebhook good = hexagon.signed("msg_1", body);
        long now = hexagon.clock.instant().getEpochSecond();
        WebhookSecret stranger = WebhookSecret.ofKey(new byte[32]);

        IncomingWebhook unsigned =
                new IncomingWebhook("application/json", "msg_1", null, null, body, good.correlationId());
        IncomingWebhook wrongSecret = new IncomingWebhook(
                "application/json",
                "msg_1",
                Long.toString(now),
                WebhookSignature.sign(stranger, "msg_1", now, body),
                body,
                good.correlationId());
        IncomingWebhook expired = new IncomingWebhook(
                "application/json",
                "msg_1",
                Long.toString(now - 301),
                WebhookSignature.sign(Hexagon.SECRET, "msg_1", now - 301, body),
                body,
                good.correlationId());

        assertThat(hexagon.inbox.accept(unsigned))
                .isEqualTo(new AcceptOutcome.Unauthenticated(
                        "webhook-id, webhook-timestamp or webhook-signature header missing"));
        assertThat(hexagon.inbox.accept(wrongSecret))
                .isEqualTo(new AcceptOutcome.Unauthenticated(
                        "no v1 or v1a signature matches a configured secret or public key"));
        assertThat(hexagon.inbox.accept(expired))
                .isEqualTo(new AcceptOutcome.Unauthenticated("webhook-timestamp outside the tolerance"));
        assertNothingQueued();
    }

    @Test
    void authenticButInvalidPayloadListsItsViolations() {
        byte[] invalid = SampleWebhooks.order("ord_1001", 1)
                .with("data.total", "1.00")
                .with("type", "x")
                .bytes();

        AcceptOutcome outcome = hexagon.inbox.accept(hexagon.signed("msg_1", invalid));

        assertThat(outcome)
                .isEqualTo(new AcceptOutcome.InvalidPayload(List.of(
                        new Violation(
                                "data.total",
                                "must equal the sum of quantity x unitPrice - discounts + shipping + fees + tax"
                                        + " (unless taxIncluded) (39.98)"),
                        new Violation("type", "must be one of: order.created, order.updated, order.cancelled"))));
        assertNothingQueued();
    }

    @Test
    void queueThatDoesNotTakeTheMessageIsUnavailableNeverAccepted() {
        hexagon.queue.setAvailable(false);

        AcceptOutcome outcome = hexagon.inbox.accept(hexagon.signed("msg_1", body));

        assertThat(outcome)
                .isEqualTo(new AcceptOutcome.QueueUnavailable(
                        IngestSettings.DEFAULT_RETRY_AFTER, "in-memory queue is unavailable"));
        hexagon.queue.setAvailable(true);
        assertNothingQueued();
    }

    @Test
    void aRequestSignedWithTheRotatedOutSecretIsAcceptedWhileBothAreConfigured() {
        WebhookSecret next =
                WebhookSecret.ofKey("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
        Hexagon rotating = new Hexagon(IngestSettings.withSecrets(List.of(next, Hexagon.SECRET)), new Random(1));

        assertThat(rotating.inbox.accept(rotating.signed("msg_1", body))).isInstanceOf(AcceptOutcome.Accepted.class);
    }

    @Test
    void aRequestSignedWithASendersSecretKeyIsAcceptedWhereItsPublicKeyIsConfigured() {
        SenderSecretKey sender = SenderSecretKey.generate();
        Hexagon withPublicKey = new Hexagon(
                IngestSettings.withKeys(new VerificationKeys(List.of(Hexagon.SECRET), List.of(sender.publicKey()))),
                new Random(1));
        long now = withPublicKey.clock.instant().getEpochSecond();
        IncomingWebhook signed = new IncomingWebhook(
                "application/json",
                "msg_1",
                Long.toString(now),
                sender.sign("msg_1", now, body),
                body,
                CorrelationId.of("req-msg_1"));
        IncomingWebhook byAStranger = new IncomingWebhook(
                "application/json",
                "msg_2",
                Long.toString(now),
                SenderSecretKey.generate().sign("msg_2", now, body),
                body,
                CorrelationId.of("req-msg_2"));

        assertThat(withPublicKey.inbox.accept(signed)).isInstanceOf(AcceptOutcome.Accepted.class);
        assertThat(withPublicKey.inbox.accept(byAStranger))
                .isEqualTo(new AcceptOutcome.Unauthenticated(
                        "no v1 or v1a signature matches a configured secret or public key"));
        assertThat(withPublicKey.queue.depth().visible()).isEqualTo(1);
        // Where only the secret is configured, the same signature is ignored.
        assertThat(hexagon.inbox.accept(signed)).isInstanceOf(AcceptOutcome.Unauthenticated.class);
        assertNothingQueued();
    }

    private static IncomingWebhook withContentType(IncomingWebhook webhook, String contentType) {
        var headers = new HashMap<String, String>(webhook.headers().asMap());
        headers.put("content-type", contentType);
        return new IncomingWebhook(
                webhook.source(), RequestHeaders.of(headers), webhook.body(), webhook.correlationId());
    }
}
