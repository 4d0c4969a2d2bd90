package com.webhookbuffer.domain.webhook;

import java.util.UUID;

/**
 * Ties together every log line and message that one request caused: on AWS it is the API Gateway request id.
 */
public record CorrelationId(String value) {

    public static final int MAX_LENGTH = 128;

    public CorrelationId {
        Ascii.requireVisible("correlationId", value, MAX_LENGTH);
    }

    public static CorrelationId of(String value) {
        return new CorrelationId(value);
    }

    /** For callers that have no request id of their own. */
    public static CorrelationId random() {
        return new CorrelationId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
