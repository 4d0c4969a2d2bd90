package com.webhookbuffer.bootstrap.local.command;

import com.webhookbuffer.application.ingest.WebhookSignature;
import com.webhookbuffer.domain.webhook.SourceKind;
import com.webhookbuffer.domain.webhook.WebhookSecret;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code ./run-local send [FILE]}: signs a body (the file's bytes as they are, or a sample order) with the stack's
 * secret and posts it, printing the answer. Exits non-zero unless the answer is 2xx.
 */
public final class SendCommand {

    private SendCommand() {}

    public static boolean send(URI webhooks, WebhookSecret secret, Optional<Path> file, Clock clock, PrintStream out)
            throws IOException, InterruptedException {
        Instant now = clock.instant();
        String id = "msg_" + UUID.randomUUID().toString().replace("-", "");
        byte[] body = file.isPresent()
                ? Files.readAllBytes(file.get())
                : SampleOrder.json("ord_" + now.getEpochSecond(), 1, now).getBytes(StandardCharsets.UTF_8);
        HttpRequest request = signed(webhooks, secret, id, now, body);
        out.println("POST " + webhooks + "  webhook-id " + id + "  (" + body.length + " bytes"
                + file.map(f -> " from " + f).orElse(", a sample order") + ")");
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            out.println(response.statusCode() + " " + response.body());
            return response.statusCode() / 100 == 2;
        }
    }

    /**
     * Posts {@code file}'s bytes as a platform delivers a webhook: signed with {@code secret}, as a fresh delivery
     * of an update ({@code orders/updated} for Shopify, {@code order.updated} for WooCommerce).
     */
    public static boolean sendAsPlatform(URI webhooks, SourceKind kind, byte[] secret, Path file, PrintStream out)
            throws IOException, InterruptedException {
        byte[] body = Files.readAllBytes(file);
        String id = PlatformDelivery.newId();
        HttpRequest request = switch (kind) {
            case SHOPIFY ->
                PlatformDelivery.shopify(
                                webhooks, secret, "orders/updated", id, PlatformDelivery.newId(), Instant.now(), body)
                        .build();
            case WOOCOMMERCE ->
                PlatformDelivery.wooCommerce(webhooks, secret, "order.updated", id, body)
                        .build();
            case STANDARD_WEBHOOKS -> throw new IllegalArgumentException("a standard-webhooks source is sent by send");
        };
        out.println("POST " + webhooks + "  as " + kind.wireName() + ", delivery " + id + "  (" + body.length
                + " bytes from " + file + ")");
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            out.println(response.statusCode() + " " + response.body());
            return response.statusCode() / 100 == 2;
        }
    }

    /**
     * {@code body} posted as a Standard Webhooks sender posts it: signed with {@code secret} for {@code id} at
     * {@code now}. A sender that delivers the same webhook again signs it again, with the time of that delivery.
     */
    public static HttpRequest signed(URI webhooks, WebhookSecret secret, String id, Instant now, byte[] body) {
        long timestamp = now.getEpochSecond();
        return HttpRequest.newBuilder(webhooks)
                .timeout(Duration.ofSeconds(30))
                .header("content-type", "application/json")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.sign(secret, id, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }
}
