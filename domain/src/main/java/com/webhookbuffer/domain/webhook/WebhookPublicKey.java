package com.webhookbuffer.domain.webhook;

import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A sender's Ed25519 public key in the Standard Webhooks form {@code whpk_<base64 of the raw 32-byte key>}: it
 * verifies the sender's asymmetric ({@code v1a}) signatures, made with a secret key that never leaves the sender.
 * Several may be in force at once while a sender rotates its key. Not secret, yet shown only by its fingerprint: an
 * operator who pasted the wrong value must not find a secret key of theirs echoed in a log.
 */
public final class WebhookPublicKey {

    public static final String PREFIX = "whpk_";
    /** A raw Ed25519 public key (RFC 8032): the encoded point, 32 bytes. */
    public static final int KEY_BYTES = 32;

    static final String ALGORITHM = "Ed25519";
    /** The DER of an X.509 SubjectPublicKeyInfo for Ed25519 (RFC 8410) up to the key: how the JDK takes a raw key. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final byte[] key;
    private final PublicKey verificationKey;

    private WebhookPublicKey(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException(
                    "webhook public key must be " + KEY_BYTES + " bytes (a raw Ed25519 public key), was " + key.length);
        }
        this.key = key.clone();
        this.verificationKey = verificationKeyOf(this.key);
    }

    /** Parses {@code whpk_<base64>}; the message on failure never repeats the text (it may be a pasted secret). */
    public static WebhookPublicKey parse(String text) {
        Objects.requireNonNull(text, "webhook public key must not be null");
        String trimmed = text.strip();
        if (!trimmed.startsWith(PREFIX)) {
            throw new IllegalArgumentException("webhook public key must start with " + PREFIX);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(trimmed.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            // Not chained: the decoder's message quotes a character of the text.
            throw new IllegalArgumentException("webhook public key must be " + PREFIX + " followed by base64");
        }
        return new WebhookPublicKey(key);
    }

    public static WebhookPublicKey ofKey(byte[] key) {
        return new WebhookPublicKey(Objects.requireNonNull(key, "webhook public key must not be null"));
    }

    /** A copy of the raw key. */
    public byte[] key() {
        return key.clone();
    }

    /** The key as the JDK's {@code Signature.getInstance("Ed25519")} takes it; decoded once, here. */
    public PublicKey verificationKey() {
        return verificationKey;
    }

    /** The key in its written form. */
    public String encoded() {
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The first 8 bytes of the key's SHA-256, in hex: enough to tell keys apart in a log, nothing to misuse. */
    public String fingerprint() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            // Every Java SE runtime must provide SHA-256.
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    /**
     * Refuses 32 bytes that are not a point of the curve (about half of all values are not): such a key would
     * verify nothing, and a sender's every request would be refused with nothing saying why.
     */
    private static PublicKey verificationKeyOf(byte[] key) {
        byte[] x509 = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + KEY_BYTES);
        System.arraycopy(key, 0, x509, X509_PREFIX.length, KEY_BYTES);
        try {
            PublicKey decoded = KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(x509));
            // The JDK decodes the point only when a verification starts.
            Signature.getInstance(ALGORITHM).initVerify(decoded);
            return decoded;
        } catch (InvalidKeySpecException | InvalidKeyException e) {
            throw new IllegalArgumentException(
                    "webhook public key is not an Ed25519 public key (not a point of " + "the curve)");
        } catch (NoSuchAlgorithmException e) {
            // Every Java SE runtime since 15 provides Ed25519.
            throw new IllegalStateException(ALGORITHM + " is not available in this JVM", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookPublicKey that && Arrays.equals(key, that.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "WebhookPublicKey[" + fingerprint() + "]";
    }
}
