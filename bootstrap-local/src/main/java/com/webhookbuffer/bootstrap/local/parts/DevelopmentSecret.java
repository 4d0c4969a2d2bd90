package com.webhookbuffer.bootstrap.local.parts;

import com.webhookbuffer.bootstrap.pipeline.Settings;
import com.webhookbuffer.domain.webhook.VerificationKeys;
import com.webhookbuffer.domain.webhook.WebhookSecret;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/**
 * The signing secrets (and senders' public keys) the local stack accepts: {@code WEBHOOK_SECRETS} when set, as on
 * AWS; otherwise a development secret generated once and kept in {@code LOCAL_STATE_DIR/webhook-secret}, so that
 * {@code ./run-local send} and a restarted stack agree on it.
 *
 * @param all       the secrets and public keys the ingest side accepts
 * @param generated where the generated development secret is kept; empty when {@code WEBHOOK_SECRETS} is set
 */
public record DevelopmentSecret(VerificationKeys all, Optional<Path> generated) {

    public static final String FILE_NAME = "webhook-secret";

    public static DevelopmentSecret resolve(LocalSettings settings) {
        if (settings.variables().optional(Settings.WEBHOOK_SECRETS).isPresent()) {
            return new DevelopmentSecret(Settings.verificationKeys(settings.variables()), Optional.empty());
        }
        StateDirectory state = StateDirectory.open(settings.stateDirectory());
        Path file = state.resolve(FILE_NAME);
        try {
            Optional<String> kept = state.read(FILE_NAME);
            if (kept.isEmpty()) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                state.writePrivate(FILE_NAME, WebhookSecret.ofKey(key).encoded() + "\n");
                kept = state.read(FILE_NAME);
            }
            WebhookSecret generated = WebhookSecret.parse(kept.orElseThrow());
            return new DevelopmentSecret(VerificationKeys.of(List.of(generated)), Optional.of(file));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "the development secret in " + file + " is malformed (delete the file "
                            + "to have a new one generated): " + e.getMessage(),
                    e);
        }
    }

    /**
     * The secret {@code send}, {@code load} and the printed curl example sign with: the first {@code whsec_} one. A
     * public key cannot sign, and this side never holds a sender's secret key.
     */
    public WebhookSecret signing() {
        return all.secrets().stream()
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(Settings.WEBHOOK_SECRETS
                        + " holds only public keys (whpk_), which cannot sign: send and load sign v1 with a whsec_"
                        + " secret, so put one beside them"));
    }

    public String first() {
        return signing().encoded();
    }
}
