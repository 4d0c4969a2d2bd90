package com.webhookbuffer.domain.webhook;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The headers of a webhook request, found by name in any case, as HTTP means them. Which ones matter, and what a
 * missing one means, is for the sender's protocol to say: each platform signs and names its deliveries in its own
 * headers.
 */
public final class RequestHeaders {

    public static final RequestHeaders NONE = new RequestHeaders(Map.of());

    private final Map<String, String> byName;

    private RequestHeaders(Map<String, String> headers) {
        Map<String, String> anyCase = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, value) -> {
            if (name != null && value != null) {
                anyCase.put(name, value);
            }
        });
        this.byName = Collections.unmodifiableMap(anyCase);
    }

    /** The headers as a platform handed them over; entries with a null name or value are not headers. */
    public static RequestHeaders of(Map<String, String> headers) {
        return new RequestHeaders(Objects.requireNonNull(headers, "headers must not be null"));
    }

    /** The value of the header {@code name} (any case), or {@code null} when the request did not carry it. */
    public String value(String name) {
        return byName.get(name);
    }

    public boolean has(String name) {
        return byName.containsKey(name);
    }

    /** The headers by name, any case. */
    public Map<String, String> asMap() {
        return byName;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RequestHeaders that && byName.equals(that.byName);
    }

    /**
     * Consistent with {@link #equals}, which finds names in any case: {@code Webhook-Id} and {@code webhook-id}
     * hash alike.
     */
    @Override
    public int hashCode() {
        int hash = 0;
        for (Map.Entry<String, String> header : byName.entrySet()) {
            hash += header.getKey().toLowerCase(Locale.ROOT).hashCode()
                    ^ header.getValue().hashCode();
        }
        return hash;
    }

    @Override
    public String toString() {
        return "RequestHeaders" + byName.keySet();
    }
}
