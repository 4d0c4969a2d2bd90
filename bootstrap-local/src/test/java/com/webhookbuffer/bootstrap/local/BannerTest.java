package com.webhookbuffer.bootstrap.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.webhookbuffer.bootstrap.local.parts.DevelopmentSecret;
import com.webhookbuffer.domain.webhook.VerificationKeys;
import com.webhookbuffer.domain.webhook.WebhookPublicKey;
import com.webhookbuffer.domain.webhook.WebhookSecret;
import java.net.URI;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The banner shows a secret only when the stack generated it: one the operator supplied is never printed. */
class BannerTest {

    private static final URI HTTP = URI.create("http://127.0.0.1:8080");
    private static final WebhookSecret SECRET = WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

    @Test
    void aSecretFromWebhookSecretsIsNeverPrintedNorUsedInTheCurl() {
        String section = Banner.secretSection(
                HTTP, new DevelopmentSecret(VerificationKeys.of(List.of(SECRET)), Optional.empty()));

        assertThat(section)
                .contains("from WEBHOOK_SECRETS (not shown)")
                .doesNotContain(SECRET.encoded())
                .doesNotContain(HexFormat.of().formatHex(SECRET.key()))
                .doesNotContain("curl");
    }

    @Test
    void aGeneratedSecretIsShownWithWhereItIsKeptAndAPasteableCurl() {
        String section = Banner.secretSection(
                HTTP,
                new DevelopmentSecret(
                        VerificationKeys.of(List.of(SECRET)), Optional.of(Path.of(".run-local/webhook-secret"))));

        assertThat(section)
                .contains(SECRET.encoded())
                .contains(".run-local/webhook-secret")
                .contains("curl -i " + HTTP + "/webhooks");
    }

    @Test
    void publicKeysFromWebhookSecretsAreShownByFingerprintAndSayWhetherSendCanSign() {
        WebhookPublicKey key = WebhookPublicKey.parse("whpk_1SiA4o9hyqTCpIqC5V9HUakiiaeACeqfZTInDBbOir4=");

        String mixed = Banner.secretSection(
                HTTP, new DevelopmentSecret(new VerificationKeys(List.of(SECRET), List.of(key)), Optional.empty()));
        String keysOnly = Banner.secretSection(
                HTTP, new DevelopmentSecret(new VerificationKeys(List.of(), List.of(key)), Optional.empty()));

        assertThat(mixed)
                .contains("from WEBHOOK_SECRETS (not shown)")
                .contains(key.fingerprint())
                .contains("./run-local send (signs with the first whsec_")
                .doesNotContain(SECRET.encoded());
        assertThat(keysOnly)
                .contains(key.fingerprint())
                .contains("send cannot sign")
                .doesNotContain("1SiA4o9h")
                .doesNotContain("curl");
    }
}
