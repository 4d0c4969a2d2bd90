package com.webhookbuffer.application.ingest;

import com.webhookbuffer.domain.webhook.PlatformSecrets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * The signature Shopify and WooCommerce both put in a header: the standard, padded base64 of the HMAC-SHA256 of the
 * raw body, keyed with the shared secret's bytes. Checked against every secret in force in constant time, with no
 * early exit, so the time taken tells neither which secret matched nor that one did before the last.
 */
final class PlatformSignature {

    /** What a signature header held. */
    enum Check {
        MATCHES,
        MALFORMED,
        NO_MATCH
    }

    private static final String ALGORITHM = "HmacSHA256";
    private static final int HMAC_BYTES = 32;
    /** Standard base64 of 32 bytes, padded: the only shape either platform's encoder gives an HMAC-SHA256. */
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9+/]{43}=");

    private PlatformSignature() {}

    static Check check(String header, PlatformSecrets secrets, byte[] body) {
        byte[] offered = decode(header);
        if (offered == null) {
            return Check.MALFORMED;
        }
        boolean match = false;
        for (byte[] secret : secrets.keys()) {
            match |= MessageDigest.isEqual(hmac(secret, body), offered);
        }
        return match ? Check.MATCHES : Check.NO_MATCH;
    }

    /** The header value the platform sends for {@code body} signed with {@code secret}; an empty key included. */
    static String of(byte[] secret, byte[] body) {
        return Base64.getEncoder().encodeToString(hmac(secret, body));
    }

    /**
     * The 32 bytes a header holds, or {@code null} when it is anything but their padded standard base64: the JDK's
     * decoder alone would also take a header without its padding, or with bits a canonical encoder leaves zero,
     * letting many header values stand for one signature.
     */
    private static byte[] decode(String header) {
        if (!SHAPE.matcher(header).matches()) {
            return null;
        }
        byte[] decoded = Base64.getDecoder().decode(header);
        return decoded.length == HMAC_BYTES
                        && Base64.getEncoder().encodeToString(decoded).equals(header)
                ? decoded
                : null;
    }

    private static byte[] hmac(byte[] secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new HmacKey(secret));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            // Every Java SE runtime provides HmacSHA256 and takes any raw key for it: a broken runtime, not a bad
            // request.
            throw new IllegalStateException(ALGORITHM + " is not usable in this JVM", e);
        }
    }

    /**
     * An HMAC key of any length: {@code SecretKeySpec} refuses an empty one, which HMAC itself (RFC 2104) and both
     * platforms allow, a platform's secret being whatever its owner typed.
     */
    private static final class HmacKey implements SecretKey {

        private final byte[] bytes;

        HmacKey(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        @Override
        public String getAlgorithm() {
            return ALGORITHM;
        }

        @Override
        public String getFormat() {
            return "RAW";
        }

        @Override
        public byte[] getEncoded() {
            return bytes.clone();
        }
    }
}
