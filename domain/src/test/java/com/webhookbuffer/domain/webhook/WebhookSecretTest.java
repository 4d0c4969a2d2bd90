package com.webhookbuffer.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class WebhookSecretTest {

    private static byte[] key(int length, int fill) {
        byte[] key = new byte[length];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    private static String written(byte[] key) {
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    @Test
    void keyOfTwentyFourBytesIsAllowedButNotTwentyThree() {
        assertThat(WebhookSecret.parse(written(key(24, 1))).key()).isEqualTo(key(24, 1));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WebhookSecret.parse(written(key(23, 1))))
                .withMessage("webhook secret key must be 24-64 bytes, was 23");
    }

    @Test
    void keyOfSixtyFourBytesIsAllowedButNotSixtyFive() {
        assertThat(WebhookSecret.parse(written(key(64, 1))).key()).isEqualTo(key(64, 1));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WebhookSecret.parse(written(key(65, 1))))
                .withMessage("webhook secret key must be 24-64 bytes, was 65");
    }

    @Test
    void aSecretMadeFromAKeyHoldsThatKeyAndIsBoundedTheSameWay() {
        WebhookSecret secret = WebhookSecret.ofKey(key(32, 7));

        assertThat(secret.key()).isEqualTo(key(32, 7));
        assertThat(secret.encoded()).isEqualTo(written(key(32, 7)));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WebhookSecret.ofKey(key(23, 7)))
                .withMessage("webhook secret key must be 24-64 bytes, was 23");
    }

    @Test
    void secretsAreEqualExactlyWhenTheirKeysAre() {
        WebhookSecret secret = WebhookSecret.ofKey(key(32, 7));

        assertThat(secret).isEqualTo(WebhookSecret.ofKey(key(32, 7)));
        assertThat(secret).hasSameHashCodeAs(WebhookSecret.ofKey(key(32, 7)));
        assertThat(secret).isNotEqualTo(WebhookSecret.ofKey(key(32, 8)));
        assertThat(secret).isNotEqualTo(WebhookSecret.ofKey(key(33, 7)));
        assertThat(secret).isNotEqualTo(written(key(32, 7)));
        assertThat(secret.hashCode())
                .isNotEqualTo(WebhookSecret.ofKey(key(32, 8)).hashCode());
    }

    @Test
    void changingTheKeyHandedInOrOutDoesNotChangeTheSecret() {
        byte[] given = key(32, 7);
        WebhookSecret secret = WebhookSecret.ofKey(given);
        given[0] = 0;
        secret.key()[1] = 0;

        assertThat(secret.key()).isEqualTo(key(32, 7));
    }
}
