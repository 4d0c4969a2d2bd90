package com.webhookbuffer.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestHeadersTest {

    @Test
    void aHeaderIsFoundByItsNameInAnyCase() {
        RequestHeaders headers = RequestHeaders.of(Map.of("X-Shopify-Hmac-Sha256", "c2ln"));

        assertThat(headers.value("x-shopify-hmac-sha256")).isEqualTo("c2ln");
        assertThat(headers.value("X-SHOPIFY-HMAC-SHA256")).isEqualTo("c2ln");
        assertThat(headers.has("x-Shopify-hmac-SHA256")).isTrue();
        assertThat(headers.asMap())
                .containsEntry("x-shopify-hmac-sha256", "c2ln")
                .hasSize(1);
    }

    @Test
    void aHeaderTheRequestDidNotCarryIsAbsentNotEmpty() {
        RequestHeaders headers = RequestHeaders.of(Map.of("webhook-id", "msg_1"));

        assertThat(headers.value("webhook-timestamp")).isNull();
        assertThat(headers.has("webhook-timestamp")).isFalse();
        assertThat(RequestHeaders.NONE.has("webhook-id")).isFalse();
        assertThat(RequestHeaders.NONE.asMap()).isEmpty();
    }

    @Test
    void entriesWithoutANameOrAValueAreNotHeaders() {
        Map<String, String> handed = new HashMap<>();
        handed.put(null, "no name");
        handed.put("no-value", null);
        handed.put("webhook-id", "msg_1");

        RequestHeaders headers = RequestHeaders.of(handed);

        assertThat(headers.asMap()).containsOnlyKeys("webhook-id");
        assertThat(headers.has("no-value")).isFalse();
        assertThatNullPointerException()
                .isThrownBy(() -> RequestHeaders.of(null))
                .withMessage("headers must not be null");
    }

    @Test
    void twoRequestsWithTheSameHeadersInOtherCasesAreEqual() {
        RequestHeaders lower = RequestHeaders.of(Map.of("webhook-id", "msg_1"));
        RequestHeaders upper = RequestHeaders.of(Map.of("Webhook-Id", "msg_1"));

        assertThat(lower).isEqualTo(upper).hasSameHashCodeAs(upper);
        assertThat(lower).isNotEqualTo(RequestHeaders.of(Map.of("webhook-id", "msg_2")));
        assertThat(lower).isNotEqualTo(RequestHeaders.NONE);
        assertThat(lower).isNotEqualTo("webhook-id");
    }

    @Test
    void itsTextNamesTheHeadersButNeverShowsAValue() {
        String text = RequestHeaders.of(Map.of("x-wc-webhook-signature", "secret-signature"))
                .toString();

        assertThat(text).isEqualTo("RequestHeaders[x-wc-webhook-signature]");
    }

    @Test
    void aStandardWebhooksRequestCarriesItsFourHeadersAndOnlyThoseItWasGiven() {
        IncomingWebhook webhook = new IncomingWebhook(
                "application/json", "msg_1", "1614265330", null, new byte[0], CorrelationId.of("req-1"));

        assertThat(webhook.contentType()).isEqualTo("application/json");
        assertThat(webhook.source()).isEqualTo(SourceName.DEFAULT);
        assertThat(webhook.headers().value("Webhook-Id")).isEqualTo("msg_1");
        assertThat(webhook.headers().value("webhook-timestamp")).isEqualTo("1614265330");
        assertThat(webhook.headers().has("webhook-signature")).isFalse();
    }
}
