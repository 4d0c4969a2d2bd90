package com.webhookbuffer.bootstrap.lambda.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.webhookbuffer.application.ingest.WebhookSignature;
import com.webhookbuffer.bootstrap.lambda.StandInSecretsManager;
import com.webhookbuffer.domain.testing.MutableClock;
import com.webhookbuffer.domain.testing.SampleWebhooks;
import com.webhookbuffer.domain.testing.SenderSecretKey;
import com.webhookbuffer.domain.webhook.VerificationKeys;
import com.webhookbuffer.domain.webhook.WebhookSecret;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The webhook signing secrets from Secrets Manager: read at init, again after a restore and once they are five
 * minutes old, so a rotation needs no redeploy; a failed read keeps the last secrets, never a wave of 401s.
 */
class SigningSecretsTest {

    private static final WebhookSecret FIRST = WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    private static final WebhookSecret SECOND = WebhookSecret.ofKey(new byte[32]);

    @Test
    void secretsAreReadAgainOnceTheyAreFiveMinutesOldAndKeptWhenTheReadFails() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
        AtomicReference<VerificationKeys> stored = new AtomicReference<>(VerificationKeys.of(List.of(FIRST)));
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        SigningSecrets<VerificationKeys> secrets = new SigningSecrets<>(
                () -> {
                    if (failure.get() != null) {
                        throw failure.get();
                    }
                    return stored.get();
                },
                clock);

        stored.set(VerificationKeys.of(List.of(FIRST, SECOND)));
        clock.advance(SigningSecrets.MAX_AGE.minusSeconds(1));
        assertThat(secrets.get().secrets()).containsExactly(FIRST);
        clock.advance(Duration.ofSeconds(1));
        assertThat(secrets.get().secrets()).containsExactly(FIRST, SECOND);

        failure.set(new IllegalStateException("Secrets Manager unavailable"));
        clock.advance(SigningSecrets.MAX_AGE);
        assertThat(secrets.get().secrets()).containsExactly(FIRST, SECOND);
    }

    @Test
    void theIngestFunctionTakesARotatedSecretAfterARestoreWithoutARedeploy() {
        try (StandInSecretsManager secretsManager = new StandInSecretsManager()) {
            String arn = secretsManager.put("signing", FIRST.encoded());
            IngestWiring ingest = IngestWiring.from(reading(secretsManager, Map.of("WEBHOOK_SECRETS_ARN", arn)));
            assertThat(ingest.handler().handle(signedWith(SECOND)).getStatusCode())
                    .isEqualTo(401);

            secretsManager.put("signing", FIRST.encoded() + "," + SECOND.encoded());
            ingest.afterRestore(null);

            // Signed with the new secret: past the signature check (the queue here is unreachable: 503).
            assertThat(ingest.handler().handle(signedWith(SECOND)).getStatusCode())
                    .isEqualTo(503);
        }
    }

    @Test
    void aNamedSourcesKeysComeFromTheirOwnSecretAndRotateLikeTheDefaultOnes() {
        try (StandInSecretsManager secretsManager = new StandInSecretsManager()) {
            String signing = secretsManager.put("signing", FIRST.encoded());
            String sources =
                    secretsManager.put("sources", "{\"SOURCE_PARTNER_SECRETS\": \"" + SECOND.encoded() + "\"}");
            IngestWiring ingest = IngestWiring.from(reading(
                    secretsManager,
                    Map.of(
                            "WEBHOOK_SECRETS_ARN",
                            signing,
                            "SOURCES",
                            "partner=standard-webhooks",
                            "SOURCE_SECRETS_ARN",
                            sources)));
            APIGatewayV2HTTPEvent toPartner = signedWith(SECOND);
            toPartner.setPathParameters(Map.of("source", "partner"));
            APIGatewayV2HTTPEvent toStranger = signedWith(SECOND);
            toStranger.setPathParameters(Map.of("source", "stranger"));

            // Past the partner's signature check (the queue here is unreachable: 503); the default refuses its key.
            assertThat(ingest.handler().handle(toPartner).getStatusCode()).isEqualTo(503);
            assertThat(ingest.handler().handle(signedWith(SECOND)).getStatusCode())
                    .isEqualTo(401);
            assertThat(ingest.handler().handle(toStranger).getStatusCode()).isEqualTo(404);

            secretsManager.put("sources", "{\"SOURCE_PARTNER_SECRETS\": \"" + FIRST.encoded() + "\"}");
            ingest.afterRestore(null);
            assertThat(ingest.handler().handle(toPartner).getStatusCode())
                    .as("rotated out")
                    .isEqualTo(401);
        }
    }

    @Test
    void aNamedSourceWithoutKeysStopsTheFunctionAtStartNamingTheVariable() {
        assertThatIllegalStateException()
                .isThrownBy(() -> IngestWiring.from(Map.of(
                        "WEBHOOK_SECRETS", FIRST.encoded(),
                        "SOURCES", "partner=standard-webhooks",
                        "QUEUE_URL", "http://127.0.0.1:9/000000000000/orders",
                        "AWS_ENDPOINT_URL_SQS", "http://127.0.0.1:9")))
                .withMessage("SOURCE_PARTNER_SECRETS is required but not set");
    }

    @Test
    void aSendersPublicKeyPutBesideTheSecretIsTakenAfterARestore() {
        SenderSecretKey sender = SenderSecretKey.generate();
        try (StandInSecretsManager secretsManager = new StandInSecretsManager()) {
            String arn = secretsManager.put("signing", FIRST.encoded());
            IngestWiring ingest = IngestWiring.from(reading(secretsManager, Map.of("WEBHOOK_SECRETS_ARN", arn)));
            assertThat(ingest.handler().handle(signedBy(sender)).getStatusCode())
                    .isEqualTo(401);

            secretsManager.put(
                    "signing", FIRST.encoded() + " " + sender.publicKey().encoded());
            ingest.afterRestore(null);

            // Signed v1a with the sender's secret key: past the signature check (the queue is unreachable: 503).
            assertThat(ingest.handler().handle(signedBy(sender)).getStatusCode())
                    .isEqualTo(503);
            assertThat(ingest.handler().handle(signedWith(FIRST)).getStatusCode())
                    .isEqualTo(503);
        }
    }

    /**
     * An ingest function's environment that reads its secrets from {@code secretsManager}, with {@code variables};
     * its queue is unreachable, so a request past the signature check is answered 503.
     */
    private static Map<String, String> reading(StandInSecretsManager secretsManager, Map<String, String> variables) {
        Map<String, String> environment = new HashMap<>(variables);
        environment.put(
                "AWS_ENDPOINT_URL_SECRETS_MANAGER", secretsManager.endpoint().toString());
        environment.put("AWS_REGION", "us-east-1");
        environment.put("QUEUE_URL", "http://127.0.0.1:9/000000000000/orders");
        environment.put("AWS_ENDPOINT_URL_SQS", "http://127.0.0.1:9");
        return environment;
    }

    private static APIGatewayV2HTTPEvent signedWith(WebhookSecret secret) {
        return signed((id, now, body) -> WebhookSignature.sign(secret, id, now, body));
    }

    private static APIGatewayV2HTTPEvent signedBy(SenderSecretKey sender) {
        return signed(sender::sign);
    }

    private interface Signer {
        String sign(String webhookId, long timestamp, byte[] body);
    }

    private static APIGatewayV2HTTPEvent signed(Signer signer) {
        byte[] body = SampleWebhooks.order("ord_sig", 1).bytes();
        long now = Instant.now().getEpochSecond();
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setHeaders(Map.of(
                "content-type",
                "application/json",
                "webhook-id",
                "msg_sig",
                "webhook-timestamp",
                Long.toString(now),
                "webhook-signature",
                signer.sign("msg_sig", now, body)));
        event.setBody(new String(body));
        return event;
    }
}
