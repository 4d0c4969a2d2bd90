package com.webhookbuffer.bootstrap.local;

import com.webhookbuffer.adapter.persistence.DatabaseSettings;
import com.webhookbuffer.bootstrap.local.parts.LocalSettings;
import com.webhookbuffer.domain.webhook.WebhookSecret;
import java.io.PrintStream;
import java.net.URI;
import java.util.Map;

/**
 * The whole local stack started inside the caller's JVM, exactly as {@code ./run-local} starts it, for a
 * benchmark to measure: the HTTP front, the queue, the worker and PostgreSQL, configured by the same variables.
 */
public final class InProcessStack implements AutoCloseable {

    private final LocalStack stack;

    private InProcessStack(LocalStack stack) {
        this.stack = stack;
    }

    /** Starts it with {@code environment} as {@code ./run-local}'s variables, printing its banner to {@code out}. */
    public static InProcessStack start(Map<String, String> environment, PrintStream out) {
        return new InProcessStack(LocalStack.start(LocalSettings.from(environment), out));
    }

    public URI baseUri() {
        return stack.baseUri();
    }

    /** The default source's signing secret. */
    public WebhookSecret secret() {
        return stack.secret();
    }

    /** Where its SQS-protocol server answers (the aws CLI's {@code --endpoint-url}). */
    public URI sqsEndpoint() {
        return stack.sqsEndpoint();
    }

    /** How to reach the stack's PostgreSQL. */
    public DatabaseSettings database() {
        return stack.database();
    }

    @Override
    public void close() {
        stack.close();
    }
}
