package com.webhookbuffer.bootstrap.lambda;

import com.webhookbuffer.application.ingest.SignatureCheck;
import com.webhookbuffer.application.ingest.SignatureVerifier;
import com.webhookbuffer.application.ingest.WebhookSignature;
import com.webhookbuffer.application.reading.PayloadReader;
import com.webhookbuffer.domain.webhook.VerificationKeys;
import com.webhookbuffer.domain.webhook.WebhookSecret;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Runs the payload path's code before a SnapStart snapshot (JSON, validation, HMAC, and Ed25519 where public keys
 * are in force), so a restored function starts with those classes loaded and warm, without sending anything
 * anywhere. The worker primes its batch path on top ({@code worker.BatchPriming}).
 */
public final class Priming {

    /** A valid order webhook, version 1. */
    public static final String SAMPLE = """
        {"type":"order.created","timestamp":"2026-11-26T14:00:00Z",
         "data":{"orderId":"ord_prime","version":1,"customerId":"cus_prime","status":"placed","currency":"EUR",
                 "items":[{"sku":"SKU-1","quantity":2,"unitPrice":"19.99"}],"total":"39.98"}}\
        """;

    private static final WebhookSecret PRIMING_SECRET = WebhookSecret.ofKey(new byte[32]);

    private Priming() {}

    public static void payloadPath(PayloadReader reader, int rounds) {
        byte[] body = SAMPLE.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < rounds; i++) {
            reader.read(body);
            WebhookSignature.sign(PRIMING_SECRET, "msg_prime", 1_700_000_000L + i, body);
        }
    }

    /**
     * Verifies a {@code v1a} signature {@code rounds} times, for a function that holds public keys: the JDK's
     * Ed25519 runs interpreted at first (about 30 ms for the first verification on 2 cores, 1.5 ms once compiled),
     * and a restored function must not make a sender's request pay that. It verifies Svix's published vector (see
     * {@code SignatureVerifierTest}), a signature that holds, so the path runs to its end. Returns how many held.
     */
    public static int asymmetricPath(int rounds) {
        SignatureVerifier verifier = new SignatureVerifier(
                VerificationKeys.parse("whpk_1SiA4o9hyqTCpIqC5V9HUakiiaeACeqfZTInDBbOir4="),
                Duration.ofSeconds(1),
                Clock.fixed(Instant.ofEpochSecond(1_614_265_330L), ZoneOffset.UTC));
        byte[] body = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
        int verified = 0;
        for (int i = 0; i < rounds; i++) {
            if (verifier.verify(
                            "msg_p5jXN8AQM9LWM0D4loKWxJek",
                            "1614265330",
                            "v1a,hnO3f9T8Ytu9HwrXslvumlUpqtNVqkhqw"
                                    + "/enGzPCXe5BdqzCInXqYXFymVJaA7AZdpXwVLPo3mNl8EM+m7TBAg==",
                            body)
                    == SignatureCheck.AUTHENTIC) {
                verified++;
            }
        }
        return verified;
    }
}
