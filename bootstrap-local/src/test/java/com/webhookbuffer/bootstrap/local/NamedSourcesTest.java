package com.webhookbuffer.bootstrap.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.webhookbuffer.application.ingest.WebhookSignature;
import com.webhookbuffer.bootstrap.local.parts.LocalSettings;
import com.webhookbuffer.domain.testing.SampleWebhooks;
import com.webhookbuffer.domain.testing.SenderSecretKey;
import com.webhookbuffer.domain.webhook.WebhookSecret;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two named sources beside the default one, end to end through the local stack's socket: a source keyed by a
 * signing secret ({@code v1}) and one keyed by its sender's public key ({@code v1a}); each takes only what its own
 * keys signed, and what the three send under the same ids ends as three orders.
 */
class NamedSourcesTest {

    private static final WebhookSecret PARTNER = WebhookSecret.parse("whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    private static final SenderSecretKey SHOP = SenderSecretKey.generate();
    private static final Duration SETTLE = Duration.ofSeconds(30);

    @TempDir
    static Path state;

    private static Map<String, String> environment;
    private static LocalStack stack;
    private static StackClient client;
    private static final ByteArrayOutputStream BANNER = new ByteArrayOutputStream();

    @BeforeAll
    static void start() {
        environment = Map.of(
                LocalSettings.HTTP_PORT,
                "0",
                LocalSettings.SQS_PORT,
                "0",
                LocalSettings.LOCAL_STATE_DIR,
                state.toString(),
                LocalSettings.DB_MAX_CONNECTIONS,
                "4",
                "SOURCES",
                "partner=standard-webhooks, shop-eu=standard-webhooks",
                "SOURCE_PARTNER_SECRETS",
                PARTNER.encoded(),
                "SOURCE_SHOP_EU_SECRETS",
                SHOP.publicKey().encoded());
        stack = LocalStack.start(
                LocalSettings.from(environment), new PrintStream(BANNER, true, StandardCharsets.UTF_8));
        client = new StackClient(stack.baseUri(), stack.secret());
    }

    @AfterAll
    static void stop() {
        client.close();
        stack.close();
    }

    private static HttpResponse<String> post(
            String path, String webhookId, byte[] body, String signature, long timestamp) {
        return client.post(HttpRequest.newBuilder(stack.baseUri().resolve(path))
                .header("content-type", "application/json")
                .header("webhook-id", webhookId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private static long count(String where) {
        return StackClient.count(stack.database(), "SELECT count(*) FROM " + where);
    }

    @Test
    void eachSourceTakesWhatItsOwnKeysSignedAndTheSameIdsEndAsOneOrderPerSource() throws Exception {
        long now = Instant.now().getEpochSecond();
        byte[] v1 = SampleWebhooks.order("ord_src_1", 1).bytes();
        byte[] v2 = SampleWebhooks.order("ord_src_1", 2)
                .with("type", "order.updated")
                .bytes();

        assertThat(client.postSigned("wh_src_1", v1).statusCode()).isEqualTo(202);
        assertThat(post("/webhooks/partner", "wh_src_1", v2, WebhookSignature.sign(PARTNER, "wh_src_1", now, v2), now)
                        .statusCode())
                .isEqualTo(202);
        assertThat(post("/webhooks/shop-eu", "wh_src_1", v1, SHOP.sign("wh_src_1", Long.toString(now), v1), now)
                        .statusCode())
                .isEqualTo(202);

        client.awaitStatus(SETTLE, s -> count("orders WHERE order_id = 'ord_src_1'") == 3);
        assertThat(count("orders WHERE order_id = 'ord_src_1' AND source = 'default' AND version = 1"))
                .isEqualTo(1);
        assertThat(count("orders WHERE order_id = 'ord_src_1' AND source = 'partner' AND version = 2"))
                .isEqualTo(1);
        assertThat(count("orders WHERE order_id = 'ord_src_1' AND source = 'shop-eu' AND version = 1"))
                .isEqualTo(1);
        assertThat(count("processed_webhooks WHERE webhook_id = 'wh_src_1'")).isEqualTo(3);
    }

    @Test
    void aSourceRefusesAnotherSourcesKeysAndAPathNamingNoSourceIs404() {
        long now = Instant.now().getEpochSecond();
        byte[] body = SampleWebhooks.order("ord_src_2", 1).bytes();
        String defaultsSignature = WebhookSignature.sign(stack.secret(), "wh_src_2", now, body);

        assertThat(post("/webhooks/partner", "wh_src_2", body, defaultsSignature, now)
                        .statusCode())
                .isEqualTo(401);
        assertThat(post(
                                "/webhooks/shop-eu",
                                "wh_src_2",
                                body,
                                WebhookSignature.sign(PARTNER, "wh_src_2", now, body),
                                now)
                        .statusCode())
                .isEqualTo(401);
        for (String path : List.of(
                "/webhooks/stranger",
                "/webhooks/Partner",
                "/webhooks/partner/x",
                "/webhooks/",
                "/webhooks/" + "a".repeat(33))) {
            HttpResponse<String> answer = post(path, "wh_src_2", body, defaultsSignature, now);
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertThat(answer.body()).contains("urn:webhook-buffer:problem:unknown-source");
        }
        assertThat(count("processed_webhooks WHERE webhook_id = 'wh_src_2'")).isZero();
    }

    @Test
    void theBannerNamesEachSourcesAddressAndWhereItsKeysAre() {
        assertThat(BANNER.toString(StandardCharsets.UTF_8))
                .contains("POST " + stack.baseUri() + "/webhooks/partner  (standard-webhooks, keys in "
                        + "SOURCE_PARTNER_SECRETS")
                .contains("POST " + stack.baseUri() + "/webhooks/shop-eu  (standard-webhooks, keys in "
                        + "SOURCE_SHOP_EU_SECRETS")
                .doesNotContain(PARTNER.encoded());
    }

    @Test
    void sendSignsAsTheNamedSource() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, String> sending = new HashMap<>(environment);
        sending.put(LocalSettings.HTTP_PORT, Integer.toString(stack.baseUri().getPort()));

        int exit = RunLocal.run(
                List.of("send", "--source", "partner"),
                sending,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("202");
        assertThat(RunLocal.run(
                        List.of("send", "--source", "stranger"), sending, new PrintStream(out), new PrintStream(out)))
                .isEqualTo(2);
    }
}
