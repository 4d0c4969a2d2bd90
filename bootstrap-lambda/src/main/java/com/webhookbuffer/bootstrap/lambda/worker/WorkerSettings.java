package com.webhookbuffer.bootstrap.lambda.worker;

import static com.webhookbuffer.bootstrap.lambda.Wiring.DLQ_URL;
import static com.webhookbuffer.bootstrap.lambda.Wiring.QUEUE_URL;

import com.webhookbuffer.bootstrap.pipeline.EnvironmentVariables;
import com.webhookbuffer.bootstrap.pipeline.Settings;
import com.webhookbuffer.domain.processing.RetryPolicy;
import java.util.Objects;

/**
 * What the worker needs to know besides its database: the queue it settles failed deliveries on, its dead-letter
 * queue, and the retry-later backoffs.
 */
public record WorkerSettings(String queueUrl, String deadLetterQueueUrl, RetryPolicy retries) {

    public WorkerSettings {
        Objects.requireNonNull(queueUrl, "queueUrl must not be null");
        Objects.requireNonNull(deadLetterQueueUrl, "deadLetterQueueUrl must not be null");
        Objects.requireNonNull(retries, "retries must not be null");
    }

    /** {@code QUEUE_URL}, {@code DLQ_URL} and the backoffs. */
    public static WorkerSettings from(EnvironmentVariables env) {
        return new WorkerSettings(env.required(QUEUE_URL), env.required(DLQ_URL), Settings.retryPolicy(env));
    }
}
