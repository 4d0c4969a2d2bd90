package com.webhookbuffer.bootstrap.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.webhookbuffer.bootstrap.lambda.ingest.IngestWiring;
import com.webhookbuffer.bootstrap.lambda.worker.DatabaseCredentials;
import com.webhookbuffer.bootstrap.lambda.worker.WorkerWiring;
import com.webhookbuffer.bootstrap.pipeline.EnvironmentVariables;
import com.webhookbuffer.bootstrap.pipeline.Settings;
import com.webhookbuffer.domain.testing.SenderSecretKey;
import com.webhookbuffer.domain.webhook.WebhookPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A missing or malformed variable fails at init, with a message that names it and never repeats a secret. */
class WiringTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String PUBLIC_KEY = "whpk_1SiA4o9hyqTCpIqC5V9HUakiiaeACeqfZTInDBbOir4=";

    private static Map<String, String> ingest() {
        Map<String, String> env = new HashMap<>();
        env.put("WEBHOOK_SECRETS", SECRET);
        env.put("QUEUE_URL", "http://127.0.0.1:9/000000000000/orders");
        env.put("AWS_ENDPOINT_URL_SQS", "http://127.0.0.1:9");
        return env;
    }

    private static Map<String, String> worker() {
        Map<String, String> env = ingest();
        env.put("DLQ_URL", "http://127.0.0.1:9/000000000000/orders-dlq");
        env.put("DB_URL", "jdbc:postgresql://127.0.0.1:9/orders");
        env.put("DB_USER", "worker");
        env.put("DB_PASSWORD", "secret");
        return env;
    }

    private static Map<String, String> with(Map<String, String> env, String name, String value) {
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
        return env;
    }

    @Test
    void ingestWiresFromACompleteEnvironment() {
        assertThat(IngestWiring.from(ingest()).handler()).isNotNull();
    }

    @Test
    void missingVariablesAreNamed() {
        assertThatIllegalStateException()
                .isThrownBy(() -> IngestWiring.from(with(ingest(), "QUEUE_URL", null)))
                .withMessage("QUEUE_URL is required but not set");
        assertThatIllegalStateException()
                .isThrownBy(() -> IngestWiring.from(with(ingest(), "WEBHOOK_SECRETS", " ")))
                .withMessage("WEBHOOK_SECRETS is required but not set");
        assertThatIllegalStateException()
                .isThrownBy(
                        () -> WorkerWiring.from(with(worker(), "DLQ_URL", null), DatabaseCredentials.fromEnvironment()))
                .withMessage("DLQ_URL is required but not set");
        assertThatIllegalStateException()
                .isThrownBy(() ->
                        WorkerWiring.from(with(worker(), "DB_PASSWORD", null), DatabaseCredentials.fromEnvironment()))
                .withMessage("DB_PASSWORD is required but not set");
    }

    @Test
    void malformedVariablesAreNamedWithWhatIsWrong() {
        assertThatIllegalStateException()
                .isThrownBy(() -> IngestWiring.from(with(ingest(), "WEBHOOK_SECRETS", SECRET + ",whsec_###")))
                .withMessage("WEBHOOK_SECRETS is malformed: webhook secret must be whsec_ followed by base64");
        assertThatIllegalStateException()
                .isThrownBy(() -> IngestWiring.from(with(ingest(), "MAX_BODY_BYTES", "2000000")))
                .withMessage("MAX_BODY_BYTES must be 1-1044480, was: 2000000");
        assertThatIllegalStateException()
                .isThrownBy(() -> IngestWiring.from(with(ingest(), "WEBHOOK_TOLERANCE_SECONDS", "five")))
                .withMessage("WEBHOOK_TOLERANCE_SECONDS must be a whole number, was: five");
        assertThatIllegalStateException()
                .isThrownBy(() ->
                        WorkerWiring.from(with(worker(), "DB_POOL_SIZE", "0"), DatabaseCredentials.fromEnvironment()))
                .withMessage("DB_POOL_SIZE must be 1-100, was: 0");
        assertThatIllegalStateException()
                .isThrownBy(() -> WorkerWiring.from(
                        with(with(worker(), "RETRY_BACKOFF_BASE_SECONDS", "60"), "RETRY_BACKOFF_CAP_SECONDS", "10"),
                        DatabaseCredentials.fromEnvironment()))
                .withMessage("RETRY_BACKOFF_CAP_SECONDS (10) must be >= RETRY_BACKOFF_BASE_SECONDS (60)");
        assertThatIllegalStateException()
                .isThrownBy(() ->
                        WorkerWiring.from(with(worker(), "DB_URL", "mysql://x"), DatabaseCredentials.fromEnvironment()))
                .withMessage("DB_URL is malformed: jdbcUrl must start with jdbc:postgresql:, was: mysql://x");
        assertThatIllegalStateException()
                .isThrownBy(() -> IngestWiring.from(with(ingest(), "METRICS", "yes")))
                .withMessage("METRICS must be on or off, was: yes");
        assertThatIllegalStateException()
                .isThrownBy(() -> IngestWiring.from(with(ingest(), "METRICS_NAMESPACE", "AWS/Lambda")))
                .withMessageStartingWith("METRICS_NAMESPACE is malformed: a CloudWatch namespace is");
    }

    @Test
    void metricsAreOnUnlessTurnedOffAndGoToTheLogGiven() {
        List<String> documents = new ArrayList<>();
        IngestWiring.from(ingest(), documents::add).handler().handle(new APIGatewayV2HTTPEvent());
        assertThat(documents)
                .singleElement()
                .satisfies(document -> assertThat(document)
                        .contains("\"Namespace\":\"WebhookBuffer\"")
                        .contains("\"Reason\":\"unsupported-media-type\""));

        documents.clear();
        IngestWiring.from(with(ingest(), "METRICS", "off"), documents::add)
                .handler()
                .handle(new APIGatewayV2HTTPEvent());
        assertThat(documents).isEmpty();
    }

    @Test
    void secretsAreSeparatedByCommasOrSpacesForRotation() {
        var env = new EnvironmentVariables(
                Map.of("WEBHOOK_SECRETS", SECRET + ", whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));

        assertThat(Settings.verificationKeys(env).secrets()).hasSize(2);
    }

    @Test
    void publicKeysMixWithSecretsInAnyOrderAndMayStandAlone() {
        SenderSecretKey next = SenderSecretKey.generate();
        var env = new EnvironmentVariables(Map.of(
                "WEBHOOK_SECRETS",
                PUBLIC_KEY + ", " + SECRET + " " + next.publicKey().encoded()));

        assertThat(Settings.verificationKeys(env).secrets()).hasSize(1);
        assertThat(Settings.verificationKeys(env).publicKeys()).hasSize(2);
        assertThat(IngestWiring.from(with(ingest(), "WEBHOOK_SECRETS", PUBLIC_KEY))
                        .settings()
                        .keys()
                        .publicKeys())
                .containsExactly(WebhookPublicKey.parse(PUBLIC_KEY));
    }

    @Test
    void aMalformedPublicKeyIsNamedAtInitWithoutBeingRepeated() {
        String secretKey = SenderSecretKey.generate().encoded();
        String body = secretKey.substring("whsk_".length());
        Map<String, String> refusals = Map.of(
                "whpk_" + body,
                "webhook public key must be 32 bytes (a raw Ed25519 public key), was 64",
                "whpk_" + body.replace('+', '-').replace('/', '_').replace("=", "") + "-_",
                "webhook public key must be whpk_ followed by base64",
                "whpk_" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex("02" + "00".repeat(31))),
                "webhook public key is not an Ed25519 public key (not a point of the curve)",
                secretKey,
                "a whsk_ entry is a sender's secret key, which must never leave the sender: give its "
                        + "public key (whpk_) instead");

        refusals.forEach((value, reason) -> assertThatIllegalStateException()
                .isThrownBy(() -> IngestWiring.from(with(ingest(), "WEBHOOK_SECRETS", SECRET + "," + value)))
                .withMessage("WEBHOOK_SECRETS is malformed: " + reason)
                .satisfies(e -> {
                    for (Throwable t = e; t != null; t = t.getCause()) {
                        assertThat(String.valueOf(t.getMessage())).doesNotContain(body.substring(0, 12));
                    }
                }));
    }

    @Test
    void anRdsSecretGivesTheConnectionSettings() {
        var env = new EnvironmentVariables(Map.of());
        var settings = DatabaseCredentials.fromSecret(
                env,
                "{\"username\":\"worker\",\"password\":\"pw\",\"host\":\"db.example\",\"port\":5432,\"dbname\":\"orders\"}");

        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5432/orders");
        assertThat(settings.user()).isEqualTo("worker");
        assertThat(settings.toString()).doesNotContain("pw");
        assertThatIllegalStateException()
                .isThrownBy(() -> DatabaseCredentials.fromSecret(env, "{\"host\":\"x\"}"))
                .withMessageStartingWith("DB_SECRET_ARN names a secret that is not RDS-style JSON");
    }
}
