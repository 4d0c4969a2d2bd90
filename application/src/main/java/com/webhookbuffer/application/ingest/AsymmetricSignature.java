package com.webhookbuffer.application.ingest;

import com.webhookbuffer.domain.webhook.WebhookPublicKey;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.security.SignatureException;

/**
 * The Standard Webhooks asymmetric scheme, {@code v1a}: a pure Ed25519 signature (RFC 8032) of
 * id + "." + timestamp + "." + body, made with the sender's secret key and checked here with its public key. This
 * side only verifies: the secret key never leaves the sender, so nothing here could sign.
 */
final class AsymmetricSignature {

    static final String VERSION_PREFIX = "v1a,";
    /** An Ed25519 signature: the point R and the scalar S, 32 bytes each. */
    static final int SIGNATURE_BYTES = 64;

    private static final String ALGORITHM = "Ed25519";
    private static final byte[] DOT = {'.'};

    private AsymmetricSignature() {}

    /** Whether {@code signature} (64 bytes) is {@code key}'s over this id, timestamp and body. */
    static boolean verifies(WebhookPublicKey key, String webhookId, String timestamp, byte[] body, byte[] signature) {
        Signature ed25519 = newSignature();
        try {
            ed25519.initVerify(key.verificationKey());
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("Ed25519 refused a key WebhookPublicKey admitted", e);
        }
        try {
            ed25519.update(webhookId.getBytes(StandardCharsets.UTF_8));
            ed25519.update(DOT);
            ed25519.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            ed25519.update(DOT);
            ed25519.update(body);
            return ed25519.verify(signature);
        } catch (SignatureException malformed) {
            // R not a point of the curve, or S not below the group's order: a bad signature, not our failure.
            return false;
        }
    }

    private static Signature newSignature() {
        try {
            return Signature.getInstance(ALGORITHM);
        } catch (NoSuchAlgorithmException e) {
            // Every Java SE runtime since 15 provides Ed25519.
            throw new IllegalStateException(ALGORITHM + " is not available in this JVM", e);
        }
    }
}
