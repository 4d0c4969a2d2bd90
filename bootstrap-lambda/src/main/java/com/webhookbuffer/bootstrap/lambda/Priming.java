package com.webhookbuffer.bootstrap.lambda;

import com.webhookbuffer.application.ingest.WebhookSignature;
import com.webhookbuffer.application.reading.PayloadReader;
import com.webhookbuffer.domain.webhook.WebhookSecret;
import java.nio.charset.StandardCharsets;

/**
 * Runs the payload path's code before a SnapStart snapshot (JSON, validation, HMAC), so a restored function starts
 * with those classes loaded and warm, without sending anything anywhere. The worker primes its batch path on top
 * ({@code worker.BatchPriming}).
 */
public final class Priming {

    /** A valid order webhook, version 1. */
    public static final String SAMPLE = """
            {"type":"order.created","timestamp":"2026-11-26T14:00:00Z",
             "data":{"orderId":"ord_prime","version":1,"customerId":"cus_prime","status":"placed","currency":"EUR",
                     "items":[{"sku":"SKU-1","quantity":2,"unitPrice":"19.99"}],"total":"39.98"}}""";

    private static final WebhookSecret PRIMING_SECRET = WebhookSecret.ofKey(new byte[32]);

    private Priming() {
    }

    public static void payloadPath(PayloadReader reader, int rounds) {
        byte[] body = SAMPLE.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < rounds; i++) {
            reader.read(body);
            WebhookSignature.sign(PRIMING_SECRET, "msg_prime", 1_700_000_000L + i, body);
        }
    }
}
