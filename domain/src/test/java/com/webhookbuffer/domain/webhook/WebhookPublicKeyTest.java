package com.webhookbuffer.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.webhookbuffer.domain.testing.SenderSecretKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookPublicKeyTest {

    /** The public key of Svix's asymmetric test vector (svix-webhooks, {@code test_asymmetric_key_signing}). */
    private static final String WRITTEN = "whpk_1SiA4o9hyqTCpIqC5V9HUakiiaeACeqfZTInDBbOir4=";
    /** Its secret key: the seed, then the same public key. */
    private static final String SECRET_KEY =
            "whsk_6Xb/dCcHpPea21PS1N9VY/NZW723CEc77N4rJCubMbfVKIDij2HKpMKkioLlX0dRqSKJp4AJ6p9lMicMFs6Kvg==";

    private static String written(byte[] key) {
        return "whpk_" + Base64.getEncoder().encodeToString(key);
    }

    @Test
    void parsesTheStandardWebhooksFormAndWritesItBack() {
        WebhookPublicKey key = WebhookPublicKey.parse(" " + WRITTEN + "\n");

        assertThat(key.key()).hasSize(32);
        assertThat(key.encoded()).isEqualTo(WRITTEN);
        assertThat(key.verificationKey().getAlgorithm()).isIn("Ed25519", "EdDSA");
        assertThat(key).isEqualTo(SenderSecretKey.parse(SECRET_KEY).publicKey());
    }

    @Test
    void showsOnlyItsFingerprint() {
        WebhookPublicKey key = WebhookPublicKey.parse(WRITTEN);

        assertThat(key.fingerprint()).hasSize(16).matches("[0-9a-f]+");
        assertThat(key.toString())
                .isEqualTo("WebhookPublicKey[" + key.fingerprint() + "]")
                .doesNotContain("1SiA4o9h");
        assertThat(WebhookPublicKey.parse(written(new byte[32])).fingerprint()).isNotEqualTo(key.fingerprint());
    }

    @Test
    void refusesAMissingPrefixOrTextThatIsNotStandardBase64() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WebhookPublicKey.parse(WRITTEN.substring(5)))
                .withMessage("webhook public key must start with whpk_");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WebhookPublicKey.parse("whsec_" + WRITTEN.substring(5)))
                .withMessage("webhook public key must start with whpk_");
        // The URL-safe alphabet is not the standard one the specification names.
        String urlSafe = "whpk_"
                + Base64.getUrlEncoder()
                        .encodeToString(HexFormat.of()
                                .parseHex("fbfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff0"));
        assertThat(urlSafe).containsAnyOf("-", "_");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WebhookPublicKey.parse(urlSafe))
                .withMessage("webhook public key must be whpk_ followed by base64");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WebhookPublicKey.parse("whpk_not*base64!"))
                .withMessage("webhook public key must be whpk_ followed by base64");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 31, 33, 64})
    void refusesAnythingButThirtyTwoBytesWithoutShowingThem(int length) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) 0x5a);
        String text = written(bytes);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> WebhookPublicKey.parse(text))
                .withMessage("webhook public key must be 32 bytes (a raw Ed25519 public key), was " + length)
                .satisfies(e -> assertThat(e.getCause()).isNull());
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WebhookPublicKey.ofKey(bytes))
                .withMessage("webhook public key must be 32 bytes (a raw Ed25519 public key), was " + length);
    }

    @Test
    void refusesThirtyTwoBytesThatAreNotAPointOfTheCurve() {
        // y = 2^255 - 1 is larger than the field's prime; y = 2 has no x on the curve.
        for (String hex : new String[] {"ff".repeat(32), "02" + "00".repeat(31)}) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> WebhookPublicKey.ofKey(HexFormat.of().parseHex(hex)))
                    .withMessage("webhook public key is not an Ed25519 public key (not a point of the curve)");
        }
    }

    @Test
    void aSecretKeyPastedAfterThePrefixIsRefusedByItsLengthAlone() {
        String pasted = "whpk_" + SECRET_KEY.substring(5);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> WebhookPublicKey.parse(pasted))
                .withMessage("webhook public key must be 32 bytes (a raw Ed25519 public key), was 64");
    }

    @Test
    void keysAreEqualExactlyWhenTheirBytesAreAndCannotBeChangedFromOutside() {
        byte[] given = WebhookPublicKey.parse(WRITTEN).key();
        WebhookPublicKey key = WebhookPublicKey.ofKey(given);
        given[0] ^= 1;
        key.key()[1] ^= 1;

        assertThat(key).isEqualTo(WebhookPublicKey.parse(WRITTEN)).hasSameHashCodeAs(WebhookPublicKey.parse(WRITTEN));
        assertThat(key).isNotEqualTo(WebhookPublicKey.ofKey(new byte[32]));
        assertThat(key).isNotEqualTo(WRITTEN);
    }
}
