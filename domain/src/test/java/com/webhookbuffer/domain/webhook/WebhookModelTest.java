package com.webhookbuffer.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookModelTest {

    @Test
    void webhookIdIsOneTo255VisibleAsciiCharacters() {
        assertThat(WebhookId.of("msg_p5jXN8AQM9LWM0D4loKWxJek").value()).isEqualTo("msg_p5jXN8AQM9LWM0D4loKWxJek");
        assertThat(WebhookId.isValid("~".repeat(255))).isTrue();
        assertThat(WebhookId.isValid("~".repeat(256))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "tab\t", "caf\u00e9", "emoji\uD83D\uDE00", "new\nline"})
    void webhookIdRefusesInvisibleOrNonAsciiCharacters(String id) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WebhookId.of(id))
                .withMessageStartingWith("webhook-id must be 1-255 visible ASCII characters");
    }

    @Test
    void secretParsesTheStandardWebhooksForm() {
        WebhookSecret secret = WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

        assertThat(secret.key()).hasSize(24);
        assertThat(secret.encoded()).isEqualTo("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        assertThat(secret).isEqualTo(WebhookSecret.parse(" whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\n"));
    }

    @Test
    void secretNeverShowsItsKey() {
        WebhookSecret secret = WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

        assertThat(secret.toString()).isEqualTo("WebhookSecret[24 bytes]").doesNotContain("MfKQ");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WebhookSecret.parse("whsec_not*base64!"))
                .withMessage("webhook secret must be whsec_ followed by base64");
    }

    @Test
    void secretRefusesAMissingPrefixAndKeysOfTheWrongSize() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WebhookSecret.parse("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
                .withMessage("webhook secret must start with whsec_");
        String shortKey = Base64.getEncoder().encodeToString(new byte[23]);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WebhookSecret.parse("whsec_" + shortKey))
                .withMessage("webhook secret key must be 24-64 bytes, was 23");
        String longKey = Base64.getEncoder().encodeToString(new byte[65]);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WebhookSecret.parse("whsec_" + longKey))
                .withMessage("webhook secret key must be 24-64 bytes, was 65");
    }
}
