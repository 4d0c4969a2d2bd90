package com.webhookbuffer.application.ingest;

import com.webhookbuffer.domain.webhook.VerificationKeys;
import com.webhookbuffer.domain.webhook.WebhookSecret;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the inbox checks a request against.
 *
 * @param keys               the signing secrets and public keys in force (more than one while rotating)
 * @param timestampTolerance how far {@code webhook-timestamp} may be from now, either way
 * @param maxBodyBytes       the largest body accepted
 * @param retryAfter         what a 503 tells the sender to wait before trying again
 */
public record IngestSettings(
        VerificationKeys keys, Duration timestampTolerance, int maxBodyBytes, Duration retryAfter) {

    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);
    public static final int DEFAULT_MAX_BODY_BYTES = 256 * 1024;
    /**
     * An SQS message holds 1 MiB, body and attributes together; our attributes take well under 1 KiB, so 4 KiB of
     * headroom keeps every accepted body publishable.
     */
    public static final int MAX_BODY_BYTES_LIMIT = 1024 * 1024 - 4 * 1024;

    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

    public IngestSettings {
        Objects.requireNonNull(keys, "keys must not be null");
        Objects.requireNonNull(timestampTolerance, "timestampTolerance must not be null");
        if (timestampTolerance.toSeconds() < 1) {
            throw new IllegalArgumentException("timestampTolerance must be >= 1s, was: " + timestampTolerance);
        }
        if (maxBodyBytes < 1 || maxBodyBytes > MAX_BODY_BYTES_LIMIT) {
            throw new IllegalArgumentException("maxBodyBytes must be 1-" + MAX_BODY_BYTES_LIMIT
                    + " (what fits in one SQS message with its attributes), was: " + maxBodyBytes);
        }
        Objects.requireNonNull(retryAfter, "retryAfter must not be null");
        if (retryAfter.toSeconds() < 1) {
            throw new IllegalArgumentException("retryAfter must be >= 1s, was: " + retryAfter);
        }
    }

    /** The defaults, with the given keys. */
    public static IngestSettings withKeys(VerificationKeys keys) {
        return new IngestSettings(keys, DEFAULT_TOLERANCE, DEFAULT_MAX_BODY_BYTES, DEFAULT_RETRY_AFTER);
    }

    /** The defaults, with signing secrets only. */
    public static IngestSettings withSecrets(List<WebhookSecret> secrets) {
        return withKeys(VerificationKeys.of(secrets));
    }
}
