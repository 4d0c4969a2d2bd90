package com.webhookbuffer.application.ingest;

import java.util.Locale;

/**
 * Whether a {@code Content-Type} announces JSON we can read: {@code application/json}, in any letter case,
 * optionally with {@code charset=utf-8} (JSON is UTF-8 by definition, RFC 8259); any other parameter is ignored.
 */
final class JsonMediaType {

    private JsonMediaType() {}

    static boolean accepts(String contentType) {
        if (contentType == null) {
            return false;
        }
        // Limit -1: ";" alone splits into two empty parts, never into none.
        String[] parts = contentType.split(";", -1);
        if (!parts[0].strip().toLowerCase(Locale.ROOT).equals("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter[0].strip().equalsIgnoreCase("charset")) {
                String charset = parameter.length > 1 ? parameter[1].strip().replace("\"", "") : "";
                if (!charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
                    return false;
                }
            }
        }
        return true;
    }
}
