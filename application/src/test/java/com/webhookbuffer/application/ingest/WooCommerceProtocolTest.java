package com.webhookbuffer.application.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.webhookbuffer.domain.webhook.PlatformSecrets;
import com.webhookbuffer.domain.webhook.RequestHeaders;
import com.webhookbuffer.domain.webhook.WebhookId;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WooCommerceProtocolTest {

    private static final String SECRET = "wc-secret with spaces & an ampersand";
    private static final byte[] BODY = "{\"id\":727,\"status\":\"processing\"}".getBytes(StandardCharsets.UTF_8);
    private static final String DELIVERY_ID = "e2a6c2b5d4a1f8c9b0e7d6c5a4b3c2d1";

    private final AtomicReference<PlatformSecrets> inForce = new AtomicReference<>(PlatformSecrets.parse(SECRET));
    private final WooCommerceProtocol protocol = new WooCommerceProtocol(inForce::get);

    private static String signed(String secret, byte[] body) {
        return WooCommerceProtocol.signature(secret.getBytes(StandardCharsets.UTF_8), body);
    }

    private static Map<String, String> delivery(String topic) {
        Map<String, String> headers = new HashMap<>();
        headers.put("X-WC-Webhook-Signature", signed(SECRET, BODY));
        headers.put("X-WC-Webhook-Delivery-ID", DELIVERY_ID);
        headers.put("X-WC-Webhook-Topic", topic);
        headers.put("X-WC-Webhook-Source", "https://example.com/");
        return headers;
    }

    private Authentication authenticate(Map<String, String> headers) {
        return protocol.authenticate(RequestHeaders.of(headers), BODY);
    }

    @Test
    void signsAsWooCommercesOwnTestSaysWithAnEmptySecret() {
        // woocommerce/woocommerce plugins/woocommerce/tests/legacy/unit-tests/webhooks/crud.php,
        // test_generate_signature: a new WC_Webhook (no secret) signs the body "secret" so.
        assertThat(WooCommerceProtocol.signature(new byte[0], "secret".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("GBDo00G55h6IiV+6CxqivQPLbI//KzaOZm747971tPs=");
    }

    @ParameterizedTest
    @ValueSource(strings = {"order.created", "order.updated", "order.restored"})
    void anOrderTopicSignedWithTheSecretIsAuthentic(String topic) {
        assertThat(authenticate(delivery(topic)))
                .isEqualTo(new Authentication.Authentic(WebhookId.of(DELIVERY_ID), Optional.empty(), topic));
    }

    @Test
    void headerNamesAreReadInAnyCase() {
        Map<String, String> headers = new HashMap<>();
        delivery("order.updated").forEach((name, value) -> headers.put(name.toLowerCase(), value));

        assertThat(authenticate(headers)).isInstanceOf(Authentication.Authentic.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "order.deleted",
                "product.updated",
                "customer.created",
                "coupon.deleted",
                "action.woocommerce_add_to_cart"
            })
    void otherTopicsAreSignedButNotOrders(String topic) {
        assertThat(authenticate(delivery(topic))).isEqualTo(new Authentication.NotAnOrder(topic));
    }

    @Test
    void anotherTopicIsRefusedWhenItsSignatureIsWrong() {
        Map<String, String> headers = delivery("product.updated");
        headers.put("X-WC-Webhook-Signature", signed("another secret", BODY));

        assertThat(authenticate(headers)).isInstanceOf(Authentication.Refused.class);
    }

    @Test
    void aSignatureUnderAnotherSecretIsRefusedNamingTheHeader() {
        Map<String, String> headers = delivery("order.updated");
        headers.put("X-WC-Webhook-Signature", signed("another secret", BODY));

        assertThat(authenticate(headers))
                .isEqualTo(new Authentication.Refused("X-WC-Webhook-Signature matches no secret"));
    }

    @Test
    void aSignatureOfAnotherBodyIsRefused() {
        Map<String, String> headers = delivery("order.updated");
        headers.put("X-WC-Webhook-Signature", signed(SECRET, "{\"id\":728}".getBytes(StandardCharsets.UTF_8)));

        assertThat(authenticate(headers))
                .isEqualTo(new Authentication.Refused("X-WC-Webhook-Signature matches no secret"));
    }

    @Test
    void aMissingSignatureIsRefusedNamingTheHeader() {
        Map<String, String> headers = delivery("order.updated");
        headers.remove("X-WC-Webhook-Signature");

        assertThat(authenticate(headers)).isEqualTo(new Authentication.Refused("X-WC-Webhook-Signature is missing"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "not base64!",
                "GBDo00G55h6IiV+6CxqivQPLbI//KzaOZm747971tPs",
                "GBDo00G55h6IiV-6CxqivQPLbI__KzaOZm747971tPs=",
                "GBDo00G55h6IiV+6CxqivQPLbI//KzaOZm747971tPt=",
                " GBDo00G55h6IiV+6CxqivQPLbI//KzaOZm747971tPs=",
                "R0JEbw==",
                "sha256=abc",
                "GBDo00G55h6IiV+6CxqivQPLbI//" + "KzaOZm747971tPs=GBDo00G55h6IiV+6CxqivQPLbI//KzaOZm747971tPs="
            })
    void aGarbledSignatureIsRefusedNamingTheHeader(String garbled) {
        Map<String, String> headers = delivery("order.updated");
        headers.put("X-WC-Webhook-Signature", garbled);

        assertThat(authenticate(headers))
                .isEqualTo(new Authentication.Refused("X-WC-Webhook-Signature is not the base64 of an HMAC-SHA256"));
    }

    @Test
    void aSecondSecretInForceDuringARotationIsAccepted() {
        Map<String, String> headers = delivery("order.updated");
        headers.put("X-WC-Webhook-Signature", signed("the new secret", BODY));
        assertThat(authenticate(headers)).isInstanceOf(Authentication.Refused.class);

        inForce.set(PlatformSecrets.parse(SECRET + "\nthe new secret\n"));

        assertThat(authenticate(headers)).isInstanceOf(Authentication.Authentic.class);
        assertThat(authenticate(delivery("order.updated"))).isInstanceOf(Authentication.Authentic.class);
    }

    @Test
    void theSecretsAreAskedForAtEveryRequest() {
        assertThat(authenticate(delivery("order.updated"))).isInstanceOf(Authentication.Authentic.class);

        inForce.set(PlatformSecrets.parse("rotated away"));

        assertThat(authenticate(delivery("order.updated"))).isInstanceOf(Authentication.Refused.class);
    }

    @Test
    void aMissingDeliveryIdIsRefusedNamingTheHeader() {
        Map<String, String> headers = delivery("order.updated");
        headers.remove("X-WC-Webhook-Delivery-ID");

        assertThat(authenticate(headers)).isEqualTo(new Authentication.Refused("X-WC-Webhook-Delivery-ID is missing"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "with space", "tab\there", "caf\u00e9"})
    void aMalformedDeliveryIdIsRefusedNamingTheHeader(String deliveryId) {
        Map<String, String> headers = delivery("order.updated");
        headers.put("X-WC-Webhook-Delivery-ID", deliveryId);

        assertThat(authenticate(headers))
                .isEqualTo(
                        new Authentication.Refused("X-WC-Webhook-Delivery-ID must be 1-255 visible ASCII characters"));
    }

    @Test
    void aDeliveryIdOverTheLimitIsRefused() {
        Map<String, String> headers = delivery("order.updated");
        headers.put("X-WC-Webhook-Delivery-ID", "a".repeat(256));

        assertThat(authenticate(headers)).isInstanceOf(Authentication.Refused.class);
    }

    @Test
    void aMissingTopicIsRefusedNamingTheHeader() {
        Map<String, String> headers = delivery("order.updated");
        headers.remove("X-WC-Webhook-Topic");

        assertThat(authenticate(headers)).isEqualTo(new Authentication.Refused("X-WC-Webhook-Topic is missing"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "order updated", "order.updated\n"})
    void aMalformedTopicIsRefusedNamingTheHeader(String topic) {
        assertThat(authenticate(delivery(topic)))
                .isEqualTo(new Authentication.Refused("X-WC-Webhook-Topic must be 1-255 visible ASCII characters"));
    }

    @Test
    void theUnsignedPingWooCommerceSendsWhenAWebhookIsActivatedIsRecognised() {
        Map<String, String> headers = Map.of(
                "User-Agent",
                "WooCommerce/9.4.0 Hookshot (WordPress/6.7)",
                "Content-Type",
                "application/x-www-form-urlencoded");

        assertThat(protocol.ping(RequestHeaders.of(headers), "webhook_id=42".getBytes(StandardCharsets.US_ASCII)))
                .contains("WooCommerce ping for webhook 42");
        assertThat(protocol.ping(
                        RequestHeaders.NONE, "webhook_id=18446744073709551615".getBytes(StandardCharsets.US_ASCII)))
                .contains("WooCommerce ping for webhook 18446744073709551615");
    }

    @Test
    void aPingLookingBodyWithASignatureHeaderIsNoPing() {
        byte[] body = "webhook_id=42".getBytes(StandardCharsets.US_ASCII);
        RequestHeaders headers = RequestHeaders.of(Map.of("X-WC-Webhook-Signature", signed(SECRET, body)));

        assertThat(protocol.ping(headers, body)).isEmpty();
        assertThat(protocol.ping(RequestHeaders.of(Map.of("x-wc-webhook-signature", "")), body))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "webhook_id=1&x=2",
                "webhook_id=",
                "webhook_id=-1",
                "webhook_id=1 ",
                " webhook_id=1",
                "webhook_id=1\n",
                "webhook_id=123456789012345678901",
                "webhook_id=0x1f",
                "WEBHOOK_ID=1",
                "webhook_id=١",
                "{\"webhook_id\":1}",
                "{\"id\":727}",
                ""
            })
    void nearMissesAreNoPing(String body) {
        assertThat(protocol.ping(RequestHeaders.NONE, body.getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
    }

    @Test
    void anUnsignedPingLookingBodyIsStillRefusedAsADelivery() {
        assertThat(protocol.authenticate(RequestHeaders.NONE, "webhook_id=1&x=2".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(new Authentication.Refused("X-WC-Webhook-Signature is missing"));
    }
}
