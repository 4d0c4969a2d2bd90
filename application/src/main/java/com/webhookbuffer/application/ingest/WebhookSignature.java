package com.webhookbuffer.application.ingest;

import com.webhookbuffer.domain.webhook.WebhookSecret;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks signature scheme, version 1: base64 of HMAC-SHA256(key, id + "." + timestamp + "." + body).
 * Used by the verifier and by whoever needs to sign (tests, the local {@code send} command).
 */
public final class WebhookSignature {

    public static final String VERSION_PREFIX = "v1,";
    static final String ALGORITHM = "HmacSHA256";
    private static final byte[] DOT = {'.'};

    private WebhookSignature() {}

    /** The header value {@code v1,<base64>} for one secret. */
    public static String sign(WebhookSecret secret, String webhookId, long timestampSeconds, byte[] body) {
        byte[] mac = compute(keyOf(secret), webhookId, Long.toString(timestampSeconds), body);
        return VERSION_PREFIX + Base64.getEncoder().encodeToString(mac);
    }

    static SecretKeySpec keyOf(WebhookSecret secret) {
        return new SecretKeySpec(secret.key(), ALGORITHM);
    }

    static byte[] compute(SecretKeySpec key, String webhookId, String timestamp, byte[] body) {
        Mac mac = newMac();
        try {
            mac.init(key);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 refused a key", e);
        }
        mac.update(webhookId.getBytes(StandardCharsets.UTF_8));
        mac.update(DOT);
        mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
        mac.update(DOT);
        mac.update(body);
        return mac.doFinal();
    }

    private static Mac newMac() {
        try {
            return Mac.getInstance(ALGORITHM);
        } catch (NoSuchAlgorithmException e) {
            // Every Java SE runtime must provide HmacSHA256.
            throw new IllegalStateException(ALGORITHM + " is not available in this JVM", e);
        }
    }
}
