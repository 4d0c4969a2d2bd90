package com.webhookbuffer.domain.webhook;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A signing secret in the Standard Webhooks form {@code whsec_<base64 key>}. Several may be in force at once while
 * a secret is rotated. The key never appears in {@link #toString()}.
 */
public final class WebhookSecret {

    public static final String PREFIX = "whsec_";
    /** Bounds from the Standard Webhooks specification. */
    public static final int MIN_KEY_BYTES = 24;

    public static final int MAX_KEY_BYTES = 64;

    private final byte[] key;

    private WebhookSecret(byte[] key) {
        if (key.length < MIN_KEY_BYTES || key.length > MAX_KEY_BYTES) {
            throw new IllegalArgumentException(
                    "webhook secret key must be " + MIN_KEY_BYTES + "-" + MAX_KEY_BYTES + " bytes, was " + key.length);
        }
        this.key = key.clone();
    }

    /** Parses {@code whsec_<base64>}; the message on failure never repeats the secret. */
    public static WebhookSecret parse(String text) {
        Objects.requireNonNull(text, "webhook secret must not be null");
        String trimmed = text.strip();
        if (!trimmed.startsWith(PREFIX)) {
            throw new IllegalArgumentException("webhook secret must start with " + PREFIX);
        }
        try {
            return new WebhookSecret(Base64.getDecoder().decode(trimmed.substring(PREFIX.length())));
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("webhook secret")) {
                throw e;
            }
            throw new IllegalArgumentException("webhook secret must be " + PREFIX + " followed by base64");
        }
    }

    public static WebhookSecret ofKey(byte[] key) {
        return new WebhookSecret(key);
    }

    /** A copy of the key, for the MAC. */
    public byte[] key() {
        return key.clone();
    }

    /** The secret in its written form, for a development stack that prints the secret it made up. */
    public String encoded() {
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookSecret that && Arrays.equals(key, that.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "WebhookSecret[" + key.length + " bytes]";
    }
}
