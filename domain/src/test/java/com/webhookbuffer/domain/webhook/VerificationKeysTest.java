package com.webhookbuffer.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.webhookbuffer.domain.testing.SenderSecretKey;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerificationKeysTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String PUBLIC_KEY = "whpk_1SiA4o9hyqTCpIqC5V9HUakiiaeACeqfZTInDBbOir4=";

    @Test
    void secretsAndPublicKeysMixInAnyOrderSeparatedByCommasOrWhitespace() {
        String next = SenderSecretKey.generate().publicKey().encoded();

        VerificationKeys keys = VerificationKeys.parse(" " + PUBLIC_KEY + ",\n" + SECRET + " ,, " + next + "\t");

        assertThat(keys.secrets()).containsExactly(WebhookSecret.parse(SECRET));
        assertThat(keys.publicKeys()).containsExactly(WebhookPublicKey.parse(PUBLIC_KEY), WebhookPublicKey.parse(next));
        assertThat(VerificationKeys.parse(SECRET)).isEqualTo(VerificationKeys.of(List.of(WebhookSecret.parse(SECRET))));
        assertThat(VerificationKeys.parse(PUBLIC_KEY).secrets()).isEmpty();
    }

    @Test
    void aMalformedEntryIsRefusedForWhatIsWrongWithIt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> VerificationKeys.parse(SECRET + ",whsec_###"))
                .withMessage("webhook secret must be whsec_ followed by base64");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> VerificationKeys.parse(SECRET + " whpk_AAAA"))
                .withMessage("webhook public key must be 32 bytes (a raw Ed25519 public key), was 3");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> VerificationKeys.parse(PUBLIC_KEY.substring(5)))
                .withMessage("each entry must be a whsec_ signing secret or a whpk_ public key");
    }

    @Test
    void aSendersSecretKeyIsRefusedWithoutBeingRepeated() {
        String secretKey = SenderSecretKey.generate().encoded();

        assertThatIllegalArgumentException()
                .isThrownBy(() -> VerificationKeys.parse(SECRET + "," + secretKey))
                .withMessage("a whsk_ entry is a sender's secret key, which must never leave the sender: give its "
                        + "public key (whpk_) instead")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secretKey.substring(5, 20)));
    }

    @Test
    void atLeastOneKeyIsRequired() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> VerificationKeys.parse(" , \n"))
                .withMessage("no whsec_ secret or whpk_ public key found");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> VerificationKeys.of(List.of()))
                .withMessage("at least one webhook secret or public key is required");
        assertThat(new VerificationKeys(List.of(), List.of(WebhookPublicKey.parse(PUBLIC_KEY))).publicKeys())
                .hasSize(1);
    }

    @Test
    void theListsAreCopiedAndCannotBeChanged() {
        List<WebhookSecret> secrets = new ArrayList<>(List.of(WebhookSecret.parse(SECRET)));
        VerificationKeys keys = VerificationKeys.of(secrets);
        secrets.clear();

        assertThat(keys.secrets()).hasSize(1);
        assertThat(keys.publicKeys()).isUnmodifiable();
        assertThat(keys.secrets()).isUnmodifiable();
    }

    @Test
    void showsNoKeyMaterial() {
        VerificationKeys keys = VerificationKeys.parse(SECRET + "," + PUBLIC_KEY);

        assertThat(keys.toString()).doesNotContain("MfKQ9r8G").doesNotContain("1SiA4o9h");
    }
}
