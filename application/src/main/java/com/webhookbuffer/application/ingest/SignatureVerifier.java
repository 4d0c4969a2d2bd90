package com.webhookbuffer.application.ingest;

import com.webhookbuffer.domain.webhook.VerificationKeys;
import com.webhookbuffer.domain.webhook.WebhookId;
import com.webhookbuffer.domain.webhook.WebhookPublicKey;
import com.webhookbuffer.domain.webhook.WebhookSecret;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Checks Standard Webhooks signatures: a request is authentic when its timestamp is within the tolerance of now
 * and any {@code v1} signature in its header matches the HMAC under any configured secret, or any {@code v1a}
 * signature verifies with any configured public key (several of either during a rotation). No key's check ends
 * early: the time taken must not tell which secret, key or entry matched. An entry that does not decode, or of
 * another version, is ignored.
 */
public final class SignatureVerifier {

    /**
     * At most this many distinct {@code v1a} signatures of a header are tried, each with every public key. An
     * Ed25519 verification costs hundreds of times what an HMAC does, and a sender signs once per key it holds: a
     * header with more is an attempt to make us work, not a rotation, and must not cost more than this.
     */
    static final int MAX_V1A_SIGNATURES_TRIED = 4;
    /** Compiled once: every request's header is split by it. */
    private static final Pattern SPACES = Pattern.compile(" +");

    private final Supplier<VerificationKeys> keys;
    private final Duration tolerance;
    private final Clock clock;

    public SignatureVerifier(VerificationKeys keys, Duration tolerance, Clock clock) {
        this(fixed(keys), tolerance, clock);
    }

    /**
     * @param keys the keys in force, asked at every request: where they rotate (a Secrets Manager secret), the
     *             supplier decides how long to keep them
     */
    public SignatureVerifier(Supplier<VerificationKeys> keys, Duration tolerance, Clock clock) {
        this.keys = Objects.requireNonNull(keys, "keys must not be null");
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
    }

    private static Supplier<VerificationKeys> fixed(VerificationKeys keys) {
        Objects.requireNonNull(keys, "keys must not be null");
        return () -> keys;
    }

    public SignatureCheck verify(String webhookId, String timestamp, String signatureHeader, byte[] body) {
        if (webhookId == null || timestamp == null || signatureHeader == null) {
            return SignatureCheck.MISSING_HEADERS;
        }
        long seconds = unixSeconds(timestamp);
        if (!WebhookId.isValid(webhookId) || seconds < 0) {
            return SignatureCheck.MALFORMED_HEADERS;
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - seconds) > tolerance.toSeconds()) {
            return SignatureCheck.TIMESTAMP_OUT_OF_TOLERANCE;
        }
        Offered offered = Offered.in(signatureHeader);
        if (offered.v1().isEmpty() && offered.v1a().isEmpty()) {
            return SignatureCheck.NO_MATCHING_SIGNATURE;
        }
        VerificationKeys inForce = keys.get();
        // Once a v1 entry matched, the answer is 202 whatever v1a says; skipping the Ed25519 work then tells a
        // sender no more than the 202 does, and nothing of which secret matched.
        boolean authentic = anyHmacMatches(inForce.secrets(), offered.v1(), webhookId, timestamp, body)
                || anyVerifies(inForce.publicKeys(), offered.v1a(), webhookId, timestamp, body);
        return authentic ? SignatureCheck.AUTHENTIC : SignatureCheck.NO_MATCHING_SIGNATURE;
    }

    private static boolean anyHmacMatches(
            List<WebhookSecret> secrets, List<byte[]> offered, String webhookId, String timestamp, byte[] body) {
        if (offered.isEmpty()) {
            return false;
        }
        boolean match = false;
        for (WebhookSecret secret : secrets) {
            byte[] expected = WebhookSignature.compute(WebhookSignature.keyOf(secret), webhookId, timestamp, body);
            for (byte[] candidate : offered) {
                // No early exit: the time taken must not tell which secret or which entry matched.
                match |= MessageDigest.isEqual(expected, candidate);
            }
        }
        return match;
    }

    private static boolean anyVerifies(
            List<WebhookPublicKey> publicKeys, List<byte[]> offered, String webhookId, String timestamp, byte[] body) {
        boolean match = false;
        for (WebhookPublicKey key : publicKeys) {
            for (byte[] candidate : offered) {
                // No early exit either: which key verified is no business of the sender's.
                match |= AsymmetricSignature.verifies(key, webhookId, timestamp, body, candidate);
            }
        }
        return match;
    }

    /**
     * The header as unix seconds, or -1 when it is not an unsigned decimal integer that fits a {@code long}:
     * 19 digits can still overflow one, and an overflow is the sender's malformed header, not our failure.
     */
    static long unixSeconds(String text) {
        if (text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException overflow) {
            return -1;
        }
    }

    /**
     * The signatures a header offers, decoded: every {@code v1} entry, and the first
     * {@link #MAX_V1A_SIGNATURES_TRIED} distinct {@code v1a} entries of the right length (a repeated one would only
     * be verified again).
     */
    private record Offered(List<byte[]> v1, List<byte[]> v1a) {

        static Offered in(String header) {
            List<byte[]> v1 = new ArrayList<>();
            List<byte[]> v1a = new ArrayList<>();
            for (String entry : SPACES.split(header.trim())) {
                if (entry.startsWith(WebhookSignature.VERSION_PREFIX)) {
                    byte[] mac = decodeOrNull(entry.substring(WebhookSignature.VERSION_PREFIX.length()));
                    if (mac != null) {
                        v1.add(mac);
                    }
                } else if (entry.startsWith(AsymmetricSignature.VERSION_PREFIX)
                        && v1a.size() < MAX_V1A_SIGNATURES_TRIED) {
                    byte[] signature = decodeOrNull(entry.substring(AsymmetricSignature.VERSION_PREFIX.length()));
                    if (signature != null
                            && signature.length == AsymmetricSignature.SIGNATURE_BYTES
                            && v1a.stream().noneMatch(seen -> Arrays.equals(seen, signature))) {
                        v1a.add(signature);
                    }
                }
            }
            return new Offered(v1, v1a);
        }
    }

    private static byte[] decodeOrNull(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
