package com.webhookbuffer.domain.webhook;

/**
 * The sender's identifier of the event a webhook reports, where it has one apart from the delivery's (Shopify's
 * {@code X-Shopify-Event-Id}: the same when one event reaches several subscriptions). Recorded beside the webhook
 * id, so an operator can tell two deliveries of one event from two events.
 */
public record EventId(String value) {

    public static final int MAX_LENGTH = 255;

    public EventId {
        Ascii.requireVisible("eventId", value, MAX_LENGTH);
    }

    public static EventId of(String value) {
        return new EventId(value);
    }

    public static boolean isValid(String candidate) {
        return Ascii.isVisible(candidate, MAX_LENGTH);
    }

    @Override
    public String toString() {
        return value;
    }
}
