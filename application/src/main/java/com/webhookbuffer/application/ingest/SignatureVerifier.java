package com.webhookbuffer.application.ingest;

import com.webhookbuffer.domain.webhook.WebhookId;
import com.webhookbuffer.domain.webhook.WebhookSecret;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Checks Standard Webhooks signatures: a request is authentic when its timestamp is within the tolerance of now
 * and any {@code v1} signature in its header matches the HMAC under any configured secret (several during a
 * rotation). Signatures are compared in constant time; entries of other versions ({@code v1a}) are ignored.
 */
public final class SignatureVerifier {

    private final Supplier<List<WebhookSecret>> secrets;
    private final Duration tolerance;
    private final Clock clock;

    public SignatureVerifier(List<WebhookSecret> secrets, Duration tolerance, Clock clock) {
        this(fixed(secrets), tolerance, clock);
    }

    /**
     * @param secrets the secrets in force, asked at every request: where they rotate (a Secrets Manager secret),
     *                the supplier decides how long to keep them
     */
    public SignatureVerifier(Supplier<List<WebhookSecret>> secrets, Duration tolerance, Clock clock) {
        this.secrets = Objects.requireNonNull(secrets, "secrets must not be null");
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
    }

    private static Supplier<List<WebhookSecret>> fixed(List<WebhookSecret> secrets) {
        Objects.requireNonNull(secrets, "secrets must not be null");
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one webhook secret is required");
        }
        List<WebhookSecret> copy = List.copyOf(secrets);
        return () -> copy;
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
        List<byte[]> offered = offeredV1Signatures(signatureHeader);
        if (offered.isEmpty()) {
            return SignatureCheck.NO_MATCHING_SIGNATURE;
        }
        boolean match = false;
        for (WebhookSecret secret : secrets.get()) {
            byte[] expected = WebhookSignature.compute(WebhookSignature.keyOf(secret), webhookId, timestamp, body);
            for (byte[] candidate : offered) {
                // No early exit: the time taken must not tell which secret or which entry matched.
                match |= MessageDigest.isEqual(expected, candidate);
            }
        }
        return match ? SignatureCheck.AUTHENTIC : SignatureCheck.NO_MATCHING_SIGNATURE;
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

    private static List<byte[]> offeredV1Signatures(String header) {
        return Arrays.stream(header.trim().split(" +"))
                .filter(entry -> entry.startsWith(WebhookSignature.VERSION_PREFIX))
                .map(entry -> decodeOrNull(entry.substring(WebhookSignature.VERSION_PREFIX.length())))
                .filter(Objects::nonNull)
                .toList();
    }

    private static byte[] decodeOrNull(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
