package com.webhookbuffer.application.ingest;

/**
 * The result of checking a request's signature. Only the operator learns which check failed: the sender is told
 * 401 and nothing more, so a forger learns nothing from trying.
 */
public enum SignatureCheck {
    AUTHENTIC("authentic"),
    MISSING_HEADERS("webhook-id, webhook-timestamp or webhook-signature header missing"),
    MALFORMED_HEADERS("webhook-id or webhook-timestamp header malformed"),
    TIMESTAMP_OUT_OF_TOLERANCE("webhook-timestamp outside the tolerance"),
    NO_MATCHING_SIGNATURE("no v1 or v1a signature matches a configured secret or public key");

    private final String description;

    SignatureCheck(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
