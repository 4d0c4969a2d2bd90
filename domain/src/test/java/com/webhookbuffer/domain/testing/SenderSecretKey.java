package com.webhookbuffer.domain.testing;

import com.webhookbuffer.domain.webhook.WebhookPublicKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A Standard Webhooks sender's Ed25519 secret key, {@code whsk_<base64 of the 32-byte seed, then the 32-byte public
 * key>} (Svix's form), signing {@code v1a} as a sender does. Test code only: this service verifies and never holds
 * a secret key. It builds the signed content ({@code id.timestamp.body}) itself rather than with the application's
 * code, so a test checks the verifier against a signer that shares none of its code.
 */
public final class SenderSecretKey {

    public static final String PREFIX = "whsk_";
    private static final String ALGORITHM = "Ed25519";
    /** The DER of a PKCS #8 PrivateKeyInfo for Ed25519 (RFC 8410) up to the seed: how the JDK takes a raw one. */
    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

    private static final int SEED_BYTES = 32;

    private final byte[] seed;
    private final PrivateKey privateKey;
    private final WebhookPublicKey publicKey;

    private SenderSecretKey(byte[] seed, WebhookPublicKey publicKey) {
        this.seed = seed.clone();
        this.publicKey = publicKey;
        byte[] pkcs8 = Arrays.copyOf(PKCS8_PREFIX, PKCS8_PREFIX.length + SEED_BYTES);
        System.arraycopy(seed, 0, pkcs8, PKCS8_PREFIX.length, SEED_BYTES);
        try {
            this.privateKey = KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            // The written form carries the public key beside the seed: refuse one that does not belong to it.
            byte[] probe = "probe".getBytes(StandardCharsets.US_ASCII);
            Signature check = Signature.getInstance(ALGORITHM);
            check.initVerify(publicKey.verificationKey());
            check.update(probe);
            if (!check.verify(signature(probe))) {
                throw new IllegalArgumentException("the public half of the secret key is not the seed's");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses {@code whsk_<base64 of 64 bytes>}. */
    public static SenderSecretKey parse(String text) {
        if (!text.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a sender's secret key starts with " + PREFIX);
        }
        byte[] both = Base64.getDecoder().decode(text.substring(PREFIX.length()));
        if (both.length != SEED_BYTES + WebhookPublicKey.KEY_BYTES) {
            throw new IllegalArgumentException("a sender's secret key is 64 bytes, was " + both.length);
        }
        return new SenderSecretKey(
                Arrays.copyOf(both, SEED_BYTES),
                WebhookPublicKey.ofKey(Arrays.copyOfRange(both, SEED_BYTES, both.length)));
    }

    /** A fresh key pair, as a sender makes one. */
    public static SenderSecretKey generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            // Both encodings end with the raw key: the seed after the PKCS #8 prefix, the point after the X.509 one.
            byte[] pkcs8 = pair.getPrivate().getEncoded();
            byte[] x509 = pair.getPublic().getEncoded();
            return new SenderSecretKey(
                    Arrays.copyOfRange(pkcs8, pkcs8.length - SEED_BYTES, pkcs8.length),
                    WebhookPublicKey.ofKey(
                            Arrays.copyOfRange(x509, x509.length - WebhookPublicKey.KEY_BYTES, x509.length)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key a receiver is given to verify this sender's signatures. */
    public WebhookPublicKey publicKey() {
        return publicKey;
    }

    public String encoded() {
        byte[] both = Arrays.copyOf(seed, SEED_BYTES + WebhookPublicKey.KEY_BYTES);
        System.arraycopy(publicKey.key(), 0, both, SEED_BYTES, WebhookPublicKey.KEY_BYTES);
        return PREFIX + Base64.getEncoder().encodeToString(both);
    }

    /** The {@code webhook-signature} entry {@code v1a,<base64 Ed25519(id + "." + timestamp + "." + body)>}. */
    public String sign(String webhookId, String timestamp, byte[] body) {
        byte[] prefix = (webhookId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] content = Arrays.copyOf(prefix, prefix.length + body.length);
        System.arraycopy(body, 0, content, prefix.length, body.length);
        return "v1a," + Base64.getEncoder().encodeToString(signature(content));
    }

    public String sign(String webhookId, long timestamp, byte[] body) {
        return sign(webhookId, Long.toString(timestamp), body);
    }

    private byte[] signature(byte[] content) {
        try {
            Signature ed25519 = Signature.getInstance(ALGORITHM);
            ed25519.initSign(privateKey);
            ed25519.update(content);
            return ed25519.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "SenderSecretKey[" + publicKey.fingerprint() + "]";
    }
}
