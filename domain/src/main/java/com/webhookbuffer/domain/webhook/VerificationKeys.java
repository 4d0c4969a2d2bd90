package com.webhookbuffer.domain.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The keys a webhook's signature is verified with: the signing secrets shared with senders ({@code v1}, HMAC) and
 * the senders' public keys ({@code v1a}, Ed25519), several of either in force while one is rotated.
 *
 * @param secrets    {@code whsec_} signing secrets
 * @param publicKeys {@code whpk_} public keys
 */
public record VerificationKeys(List<WebhookSecret> secrets, List<WebhookPublicKey> publicKeys) implements SourceKeys {

    /** The prefix of a sender's secret key, which has no place on this side. */
    static final String SECRET_KEY_PREFIX = "whsk_";

    public VerificationKeys {
        secrets = List.copyOf(Objects.requireNonNull(secrets, "secrets must not be null"));
        publicKeys = List.copyOf(Objects.requireNonNull(publicKeys, "publicKeys must not be null"));
        if (secrets.isEmpty() && publicKeys.isEmpty()) {
            throw new IllegalArgumentException("at least one webhook secret or public key is required");
        }
    }

    /** Signing secrets only, as before public keys were taken. */
    public static VerificationKeys of(List<WebhookSecret> secrets) {
        return new VerificationKeys(secrets, List.of());
    }

    /**
     * Parses {@code whsec_} secrets and {@code whpk_} public keys in any order, separated by commas or whitespace:
     * the one syntax of every place the keys are configured. A refusal names what is wrong, never an entry's text.
     */
    public static VerificationKeys parse(String text) {
        Objects.requireNonNull(text, "webhook keys must not be null");
        List<WebhookSecret> secrets = new ArrayList<>();
        List<WebhookPublicKey> publicKeys = new ArrayList<>();
        for (String entry : text.strip().split("[,\\s]+")) {
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.startsWith(WebhookSecret.PREFIX)) {
                secrets.add(WebhookSecret.parse(entry));
            } else if (entry.startsWith(WebhookPublicKey.PREFIX)) {
                publicKeys.add(WebhookPublicKey.parse(entry));
            } else if (entry.startsWith(SECRET_KEY_PREFIX)) {
                // Pasted where its public key belongs: say so, for it is now in a place it must not be.
                throw new IllegalArgumentException("a " + SECRET_KEY_PREFIX + " entry is a sender's secret key, "
                        + "which must never leave the sender: give its public key (" + WebhookPublicKey.PREFIX
                        + ") instead");
            } else {
                throw new IllegalArgumentException("each entry must be a " + WebhookSecret.PREFIX
                        + " signing secret or a " + WebhookPublicKey.PREFIX + " public key");
            }
        }
        if (secrets.isEmpty() && publicKeys.isEmpty()) {
            throw new IllegalArgumentException(
                    "no " + WebhookSecret.PREFIX + " secret or " + WebhookPublicKey.PREFIX + " public key found");
        }
        return new VerificationKeys(secrets, publicKeys);
    }
}
