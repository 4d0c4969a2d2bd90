package com.webhookbuffer.bootstrap.lambda.worker;

import static com.webhookbuffer.bootstrap.lambda.Wiring.DLQ_URL;
import static com.webhookbuffer.bootstrap.lambda.Wiring.QUEUE_URL;
import static com.webhookbuffer.bootstrap.lambda.Wiring.RETRY_BACKOFF_BASE_SECONDS;
import static com.webhookbuffer.bootstrap.lambda.Wiring.RETRY_BACKOFF_CAP_SECONDS;

import com.webhookbuffer.bootstrap.lambda.EnvironmentVariables;
import com.webhookbuffer.domain.processing.RetryBackoff;
import java.time.Duration;
import java.util.Objects;

/**
 * What the worker needs to know besides its database: the queue it settles failed deliveries on, its dead-letter
 * queue, and the retry-later backoff.
 */
public record WorkerSettings(String queueUrl, String deadLetterQueueUrl, RetryBackoff backoff) {

    public WorkerSettings {
        Objects.requireNonNull(queueUrl, "queueUrl must not be null");
        Objects.requireNonNull(deadLetterQueueUrl, "deadLetterQueueUrl must not be null");
        Objects.requireNonNull(backoff, "backoff must not be null");
    }

    /** {@code QUEUE_URL}, {@code DLQ_URL} and the backoff. */
    public static WorkerSettings from(EnvironmentVariables env) {
        return new WorkerSettings(env.required(QUEUE_URL), env.required(DLQ_URL), retryBackoff(env));
    }

    /** The retry-later backoff, {@code RETRY_BACKOFF_BASE_SECONDS} and {@code RETRY_BACKOFF_CAP_SECONDS}. */
    public static RetryBackoff retryBackoff(EnvironmentVariables env) {
        int base = env.integer(RETRY_BACKOFF_BASE_SECONDS, (int) RetryBackoff.DEFAULT.base().toSeconds(), 1,
                (int) RetryBackoff.MAX_CAP.toSeconds());
        int cap = env.integer(RETRY_BACKOFF_CAP_SECONDS, (int) RetryBackoff.DEFAULT.cap().toSeconds(), 1,
                (int) RetryBackoff.MAX_CAP.toSeconds());
        if (cap < base) {
            throw new IllegalStateException(RETRY_BACKOFF_CAP_SECONDS + " (" + cap + ") must be >= "
                    + RETRY_BACKOFF_BASE_SECONDS + " (" + base + ")");
        }
        return new RetryBackoff(Duration.ofSeconds(base), Duration.ofSeconds(cap));
    }
}
