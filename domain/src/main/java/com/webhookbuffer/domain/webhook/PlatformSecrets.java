package com.webhookbuffer.domain.webhook;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The secrets a platform signs with (a Shopify app's client secret, a WooCommerce webhook's secret), several
 * during a rotation. Each is used as the platform uses it: its UTF-8 bytes are the HMAC key. Written one per line,
 * because a platform's secret is free text and may hold spaces and commas. Never printed.
 */
public final class PlatformSecrets implements SourceKeys {

    private final List<byte[]> keys;

    private PlatformSecrets(List<byte[]> keys) {
        this.keys = keys;
    }

    /**
     * Reads secrets written one per line; blank lines are skipped and a line's end ({@code \r\n} or {@code \n}) is
     * not part of it.
     *
     * @throws IllegalArgumentException when there is no secret at all; the message never repeats the text
     */
    public static PlatformSecrets parse(String text) {
        Objects.requireNonNull(text, "secrets must not be null");
        List<byte[]> keys = new ArrayList<>();
        for (String line : text.split("\r?\n", -1)) {
            if (!line.isBlank()) {
                keys.add(line.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one secret is required (one per line)");
        }
        return new PlatformSecrets(List.copyOf(keys));
    }

    /** The HMAC keys, a fresh copy each: whoever uses one cannot change the others' view of it. */
    public List<byte[]> keys() {
        return keys.stream().map(byte[]::clone).toList();
    }

    @Override
    public String toString() {
        return "PlatformSecrets[" + keys.size() + " secret(s)]";
    }
}
