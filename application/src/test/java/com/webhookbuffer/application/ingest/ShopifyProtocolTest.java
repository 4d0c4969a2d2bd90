package com.webhookbuffer.application.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.webhookbuffer.domain.webhook.EventId;
import com.webhookbuffer.domain.webhook.PlatformSecrets;
import com.webhookbuffer.domain.webhook.RequestHeaders;
import com.webhookbuffer.domain.webhook.WebhookId;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShopifyProtocolTest {

    /**
     * Shopify's published vector: Shopify/shopify-app-js, packages/apps/shopify-api/lib/webhooks/__tests__/
     * validate.test.ts (file commit 6c95ae1ed2975610b0f72971bba05b5fe15bb992, MIT), with the secret of
     * lib/__tests__/test-config.ts. The body has one space after the colon.
     */
    private static final String SECRET = "test_secret_key";

    private static final byte[] BODY = "{\"foo\": \"bar\"}".getBytes(StandardCharsets.UTF_8);
    private static final String SIGNATURE = "B23tXN681gZ0qIWNRrgtzBE9XSDo5yaUu6wfmhu3a7g=";

    private static final ShopifyProtocol PROTOCOL = protocolWith(SECRET);

    private static ShopifyProtocol protocolWith(String secretsOnePerLine) {
        PlatformSecrets secrets = PlatformSecrets.parse(secretsOnePerLine);
        return new ShopifyProtocol(() -> secrets);
    }

    private static Map<String, String> delivery(String topic) {
        Map<String, String> headers = new HashMap<>();
        headers.put("X-Shopify-Hmac-Sha256", SIGNATURE);
        headers.put("X-Shopify-Webhook-Id", "123456789");
        headers.put("X-Shopify-Event-Id", "98880550-7158-44d4-b7cd-2c97c8a091b5");
        headers.put("X-Shopify-Topic", topic);
        headers.put("X-Shopify-Triggered-At", "2023-03-29T18:00:27.877041743Z");
        return headers;
    }

    private static Authentication authenticate(Map<String, String> headers) {
        return PROTOCOL.authenticate(RequestHeaders.of(headers), BODY);
    }

    @Test
    void signatureOfThePublishedVectorIsShopifys() {
        assertThat(ShopifyProtocol.signature(SECRET.getBytes(StandardCharsets.UTF_8), BODY))
                .isEqualTo(SIGNATURE);
    }

    /**
     * An empty key is a key to HMAC; the only published vector with one is WooCommerce's (woocommerce/woocommerce,
     * plugins/woocommerce/tests/legacy/unit-tests/webhooks/crud.php, test_generate_signature, commit
     * 6147c5e685a97beb873ac2548044cf04d2a48a66, GPL-3.0; only the three values are used), signed the same way.
     */
    @Test
    void signatureTakesAnEmptySecret() {
        assertThat(ShopifyProtocol.signature(new byte[0], "secret".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("GBDo00G55h6IiV+6CxqivQPLbI//KzaOZm747971tPs=");
    }

    @Test
    void publishedVectorOnAnOrderTopicIsAuthentic() {
        assertThat(authenticate(delivery("orders/create")))
                .isEqualTo(new Authentication.Authentic(
                        WebhookId.of("123456789"),
                        Optional.of(EventId.of("98880550-7158-44d4-b7cd-2c97c8a091b5")),
                        "orders/create"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"orders/create", "orders/updated", "orders/paid", "orders/fulfilled", "orders/cancelled"})
    void everyOrderTopicIsAuthenticWithItsTopic(String topic) {
        assertThat(authenticate(delivery(topic)))
                .isInstanceOfSatisfying(
                        Authentication.Authentic.class,
                        a -> assertThat(a.topic()).isEqualTo(topic));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "products/create",
                "customers/data_request",
                "customers/redact",
                "shop/redact",
                "orders/delete",
                "orders/edited",
                "ORDERS/CREATE",
                ""
            })
    void anyOtherSignedTopicIsNotAnOrder(String topic) {
        assertThat(authenticate(delivery(topic))).isEqualTo(new Authentication.NotAnOrder(topic));
    }

    @Test
    void anUnsignedPrivacyTopicIsRefusedNotAnsweredAsNotAnOrder() {
        Map<String, String> headers = delivery("customers/redact");
        headers.remove("X-Shopify-Hmac-Sha256");

        assertThat(authenticate(headers)).isInstanceOf(Authentication.Refused.class);
    }

    @Test
    void missingSignatureIsRefusedNamingTheHeader() {
        Map<String, String> headers = delivery("orders/create");
        headers.remove("X-Shopify-Hmac-Sha256");

        assertRefusedNaming(authenticate(headers), "X-Shopify-Hmac-Sha256");
    }

    @Test
    void wrongSignatureIsRefusedNamingTheHeader() {
        Map<String, String> headers = delivery("orders/create");
        headers.put(
                "X-Shopify-Hmac-Sha256",
                ShopifyProtocol.signature("another_secret".getBytes(StandardCharsets.UTF_8), BODY));

        assertRefusedNaming(authenticate(headers), "X-Shopify-Hmac-Sha256");
    }

    @Test
    void aChangedBodyIsRefused() {
        byte[] changed = "{\"foo\": \"baz\"}".getBytes(StandardCharsets.UTF_8);

        assertRefusedNaming(
                PROTOCOL.authenticate(RequestHeaders.of(delivery("orders/create")), changed), "X-Shopify-Hmac-Sha256");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "not base64!",
                "B23tXN681gZ0qIWNRrgtzBE9XSDo5yaUu6wfmhu3a7g", // padding left off
                "B23tXN681gZ0qIWNRrgtzBE9XSDo5yaUu6wfmhu3a7g==",
                "B23tXN681gZ0qIWNRrgtzBE9XSDo5yaUu6wfmhu3a7g=\n",
                " B23tXN681gZ0qIWNRrgtzBE9XSDo5yaUu6wfmhu3a7g=",
                "B23tXN681gZ0qIWNRrgtzBE9XSDo5yaUu6wfmhu3a7h=",
                "B23tXN681gZ0qIWNRrgtzBE9XSDo5yaUu6wfmhu3a7g=B23t",
                "AAAA",
                "B23t-N681gZ0qIWNRrgtzBE9XSDo5yaUu6wfmhu3a7g=",
                "sha256=B23tXN681gZ0qIWNRrgtzBE9XSDo5yaUu6wfmhu3a7g="
            })
    void garbledSignatureIsRefusedNamingTheHeaderNeverThrown(String garbled) {
        Map<String, String> headers = delivery("orders/create");
        headers.put("X-Shopify-Hmac-Sha256", garbled);

        assertRefusedNaming(authenticate(headers), "X-Shopify-Hmac-Sha256");
    }

    @Test
    void headerNamesAreReadInAnyCase() {
        Map<String, String> headers = new HashMap<>();
        delivery("orders/paid").forEach((name, value) -> headers.put(name.toLowerCase(), value));

        assertThat(authenticate(headers)).isInstanceOf(Authentication.Authentic.class);
    }

    @Test
    void theUnprefixedEventHeadersAreReadToo() {
        Map<String, String> headers = new HashMap<>();
        delivery("orders/updated").forEach((name, value) -> headers.put(name.substring("X-".length()), value));

        assertThat(authenticate(headers))
                .isEqualTo(new Authentication.Authentic(
                        WebhookId.of("123456789"),
                        Optional.of(EventId.of("98880550-7158-44d4-b7cd-2c97c8a091b5")),
                        "orders/updated"));
    }

    @Test
    void thePrefixedHeaderIsReadFirst() {
        Map<String, String> headers = delivery("orders/create");
        headers.put("shopify-hmac-sha256", "garbage");
        headers.put("shopify-webhook-id", "other-id");

        assertThat(authenticate(headers))
                .isInstanceOfSatisfying(
                        Authentication.Authentic.class,
                        a -> assertThat(a.webhookId()).isEqualTo(WebhookId.of("123456789")));
    }

    @Test
    void secondSecretOfARotationMatches() {
        ShopifyProtocol rotating = protocolWith("the_new_secret\n" + SECRET + "\n");

        assertThat(rotating.authenticate(RequestHeaders.of(delivery("orders/create")), BODY))
                .isInstanceOf(Authentication.Authentic.class);
    }

    @Test
    void firstSecretOfARotationMatchesToo() {
        ShopifyProtocol rotating = protocolWith(SECRET + "\nthe_new_secret");

        assertThat(rotating.authenticate(RequestHeaders.of(delivery("orders/create")), BODY))
                .isInstanceOf(Authentication.Authentic.class);
    }

    @Test
    void secretsAreAskedForAtEveryRequest() {
        AtomicInteger asked = new AtomicInteger();
        PlatformSecrets secrets = PlatformSecrets.parse(SECRET);
        ShopifyProtocol counting = new ShopifyProtocol(() -> {
            asked.incrementAndGet();
            return secrets;
        });

        counting.authenticate(RequestHeaders.of(delivery("orders/create")), BODY);
        counting.authenticate(RequestHeaders.of(delivery("orders/create")), BODY);

        assertThat(asked).hasValue(2);
    }

    @Test
    void missingWebhookIdIsRefusedNamingTheHeader() {
        Map<String, String> headers = delivery("orders/create");
        headers.remove("X-Shopify-Webhook-Id");

        assertRefusedNaming(authenticate(headers), "X-Shopify-Webhook-Id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "caf\u00e9", "tab\tinside"})
    void malformedWebhookIdIsRefusedNamingTheHeader(String malformed) {
        Map<String, String> headers = delivery("orders/create");
        headers.put("X-Shopify-Webhook-Id", malformed);

        assertRefusedNaming(authenticate(headers), "X-Shopify-Webhook-Id");
    }

    @Test
    void overlongWebhookIdIsRefusedNamingTheHeader() {
        Map<String, String> headers = delivery("orders/create");
        headers.put("X-Shopify-Webhook-Id", "w".repeat(WebhookId.MAX_LENGTH + 1));

        assertRefusedNaming(authenticate(headers), "X-Shopify-Webhook-Id");
    }

    @Test
    void missingTopicIsRefusedNamingTheHeader() {
        Map<String, String> headers = delivery("orders/create");
        headers.remove("X-Shopify-Topic");

        assertRefusedNaming(authenticate(headers), "X-Shopify-Topic");
    }

    @Test
    void missingEventIdIsNoReasonToRefuse() {
        Map<String, String> headers = delivery("orders/create");
        headers.remove("X-Shopify-Event-Id");

        assertThat(authenticate(headers))
                .isInstanceOfSatisfying(
                        Authentication.Authentic.class,
                        a -> assertThat(a.eventId()).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "caf\u00e9"})
    void malformedEventIdIsLeftOut(String malformed) {
        Map<String, String> headers = delivery("orders/create");
        headers.put("X-Shopify-Event-Id", malformed);

        assertThat(authenticate(headers))
                .isInstanceOfSatisfying(
                        Authentication.Authentic.class,
                        a -> assertThat(a.eventId()).isEmpty());
    }

    @Test
    void thereIsNoPing() {
        assertThat(PROTOCOL.ping(RequestHeaders.of(delivery("orders/create")), BODY))
                .isEmpty();
        assertThat(PROTOCOL.ping(RequestHeaders.NONE, new byte[0])).isEmpty();
    }

    @Test
    void aRefusalNeverRepeatsTheSecret() {
        Map<String, String> headers = delivery("orders/create");
        headers.put("X-Shopify-Hmac-Sha256", ShopifyProtocol.signature(new byte[0], BODY));

        assertThat(authenticate(headers))
                .isInstanceOfSatisfying(
                        Authentication.Refused.class,
                        r -> assertThat(r.reason()).doesNotContain(SECRET).doesNotContain(SIGNATURE));
    }

    private static void assertRefusedNaming(Authentication authentication, String header) {
        assertThat(authentication)
                .isInstanceOfSatisfying(
                        Authentication.Refused.class,
                        refused -> assertThat(refused.reason()).contains(header));
    }
}
