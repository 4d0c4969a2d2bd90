package com.webhookbuffer.domain.webhook;

/**
 * The sender's identifier of one webhook (the {@code webhook-id} header). It is the idempotency key: the same id
 * delivered again has no second effect, whatever its body says.
 */
public record WebhookId(String value) {

    public static final int MAX_LENGTH = 255;

    public WebhookId {
        Ascii.requireVisible("webhook-id", value, MAX_LENGTH);
    }

    public static WebhookId of(String value) {
        return new WebhookId(value);
    }

    public static boolean isValid(String candidate) {
        return Ascii.isVisible(candidate, MAX_LENGTH);
    }

    @Override
    public String toString() {
        return value;
    }
}
