package com.webhookbuffer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.webhookbuffer.adapter.json.PlatformTranslators;
import com.webhookbuffer.adapter.json.testing.JsonMutations;
import com.webhookbuffer.application.ingest.IngestSettings;
import com.webhookbuffer.application.ingest.NamedSource;
import com.webhookbuffer.application.ingest.ShopifyProtocol;
import com.webhookbuffer.application.ingest.SourceInboxes;
import com.webhookbuffer.application.ingest.WooCommerceProtocol;
import com.webhookbuffer.application.worker.ProcessWebhookBatch;
import com.webhookbuffer.domain.port.in.WebhookInbox;
import com.webhookbuffer.domain.port.out.IngestMetrics;
import com.webhookbuffer.domain.port.out.WorkerMetrics;
import com.webhookbuffer.domain.processing.BatchReport;
import com.webhookbuffer.domain.processing.MessageResult;
import com.webhookbuffer.domain.processing.ProcessingOutcome;
import com.webhookbuffer.domain.queue.Delivery;
import com.webhookbuffer.domain.testing.HostileRequests;
import com.webhookbuffer.domain.webhook.AcceptOutcome;
import com.webhookbuffer.domain.webhook.CorrelationId;
import com.webhookbuffer.domain.webhook.IncomingWebhook;
import com.webhookbuffer.domain.webhook.PlatformSecrets;
import com.webhookbuffer.domain.webhook.RequestHeaders;
import com.webhookbuffer.domain.webhook.SourceKind;
import com.webhookbuffer.domain.webhook.SourceName;
import com.webhookbuffer.domain.webhook.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Generated Shopify and WooCommerce requests through the whole hexagon on in-memory adapters, assembled as every
 * door assembles its sources ({@link SourceInboxes}): mutations of the platforms' published orders, signed as the
 * platform signs (most of them) under a topic about orders or not. No request makes the door throw; only an
 * accepted one is queued; and what the door accepted, the worker writes (or finds stale or duplicate), never
 * poison: a translation the door let through is one the store takes.
 */
class PlatformRequestsTest {

    private static final String SHOP_SECRET = "shpss_generated-requests";
    private static final String WOO_SECRET = "woo secret, with spaces";
    private static final List<String> SHOPIFY_FIXTURES = List.of(
            "orders-create-sample.json",
            "rest-order-450789469.json",
            "rest-order-450789469-updated.json",
            "rest-order-450789469-cancel.json",
            "rest-order-1073459976-eur-no-sku.json",
            "rest-order-1073459972-fulfilled.json");
    private static final List<String> WOO_FIXTURES = List.of(
            "order-727-created.json",
            "order-727-updated.json",
            "order-727-cancelled.json",
            "order-723-customer.json",
            "order-727-created.compact.json");
    private static final List<String> SHOPIFY_TOPICS = List.of(
            "orders/create",
            "orders/updated",
            "orders/paid",
            "orders/fulfilled",
            "orders/cancelled",
            "customers/redact",
            "products/update");
    private static final List<String> WOO_TOPICS =
            List.of("order.created", "order.updated", "order.restored", "order.deleted", "product.updated");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private enum Platform {
        SHOPIFY,
        WOOCOMMERCE
    }

    @Test
    void noGeneratedPlatformRequestMakesTheDoorFailAndWhatItAcceptsIsWritten() {
        long seed = HostileRequests.seed();
        int cases = HostileRequests.cases(3_000);
        System.out.printf("PlatformRequestsTest: %d cases, -Dfuzz.seed=%d%n", cases, seed);
        Random random = new Random(seed);
        Hexagon hexagon = new Hexagon();
        WebhookInbox door = SourceInboxes.door(
                IngestSettings.withSecrets(List.of(Hexagon.SECRET)),
                () -> IngestSettings.withSecrets(List.of(Hexagon.SECRET)).keys(),
                Map.of(
                        SourceName.of("shop"),
                        NamedSource.fixed(SourceKind.SHOPIFY, PlatformSecrets.parse(SHOP_SECRET)),
                        SourceName.of("woo"),
                        NamedSource.fixed(SourceKind.WOOCOMMERCE, PlatformSecrets.parse(WOO_SECRET))),
                PlatformTranslators::of,
                Hexagon.PAYLOAD_READER,
                hexagon.queue,
                hexagon.clock,
                IngestMetrics.NONE);
        ProcessWebhookBatch worker = new ProcessWebhookBatch(
                Hexagon.PAYLOAD_READER,
                hexagon.repository,
                hexagon.queue,
                Hexagon.RETRIES,
                new Random(seed),
                hexagon.clock,
                WorkerMetrics.NONE);
        Map<String, Integer> seen = new TreeMap<>();

        for (int n = 0; n < cases; n++) {
            Platform platform = random.nextBoolean() ? Platform.SHOPIFY : Platform.WOOCOMMERCE;
            IncomingWebhook request = request(platform, n, random);
            long queuedBefore = hexagon.queue.depth().visible();
            AcceptOutcome outcome;
            try {
                outcome = door.accept(request);
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + seed + ", case " + n + ": the door threw " + e, e);
            }
            seen.merge(platform + " " + outcome.label(), 1, Integer::sum);
            assertThat(hexagon.queue.depth().visible() - queuedBefore)
                    .as("seed %d, case %d: %s", seed, n, outcome)
                    .isEqualTo(outcome instanceof AcceptOutcome.Accepted ? 1 : 0);
            assertThat(outcome).as("seed %d, case %d", seed, n).isNotInstanceOf(AcceptOutcome.QueueUnavailable.class);
            if (outcome instanceof AcceptOutcome.InvalidPayload invalid) {
                assertThat(invalid.violations()).hasSizeLessThanOrEqualTo(Violation.MAX_REPORTED);
            }
            if (outcome instanceof AcceptOutcome.Accepted) {
                List<Delivery> batch;
                while (!(batch = hexagon.queue.receive(10)).isEmpty()) {
                    BatchReport report = worker.process(batch);
                    report.acknowledged().forEach(hexagon.queue::acknowledge);
                    for (MessageResult result : report.results()) {
                        assertThat(result.outcome())
                                .as("seed %d, case %d: accepted, then", seed, n)
                                .isInstanceOfAny(
                                        ProcessingOutcome.Written.class,
                                        ProcessingOutcome.Stale.class,
                                        ProcessingOutcome.Duplicate.class);
                    }
                }
            }
        }

        System.out.println("PlatformRequestsTest: outcomes " + seen);
        // The generator must reach every door, or the test proves less than it says.
        for (Platform platform : Platform.values()) {
            assertThat(seen)
                    .as("seed %d", seed)
                    .containsKeys(
                            platform + " accepted",
                            platform + " invalid-payload",
                            platform + " unauthenticated",
                            platform + " nothing-to-queue");
        }
    }

    /** Mostly a mutated published order signed right; some signed wrong, some with a topic about no order. */
    private static IncomingWebhook request(Platform platform, int n, Random random) {
        boolean shopify = platform == Platform.SHOPIFY;
        List<String> fixtures = shopify ? SHOPIFY_FIXTURES : WOO_FIXTURES;
        JsonNode base = fixture((shopify ? "/platforms/shopify/" : "/platforms/woocommerce/")
                + fixtures.get(random.nextInt(fixtures.size())));
        byte[] body = (random.nextInt(4) == 0 ? base.toString() : JsonMutations.next(base, random))
                .getBytes(StandardCharsets.UTF_8);
        List<String> topics = shopify ? SHOPIFY_TOPICS : WOO_TOPICS;
        String topic = topics.get(random.nextInt(random.nextInt(5) == 0 ? topics.size() : 3));
        String secret = random.nextInt(12) == 0 ? "not the secret" : shopify ? SHOP_SECRET : WOO_SECRET;
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", "application/json");
        if (shopify) {
            headers.put("X-Shopify-Topic", topic);
            headers.put("X-Shopify-Hmac-Sha256", ShopifyProtocol.signature(key, body));
            headers.put("X-Shopify-Webhook-Id", "wh-" + n);
            headers.put("X-Shopify-Event-Id", "ev-" + (n / 2));
        } else {
            headers.put("X-WC-Webhook-Topic", topic);
            headers.put("X-WC-Webhook-Signature", WooCommerceProtocol.signature(key, body));
            headers.put("X-WC-Webhook-Delivery-ID", "delivery-" + n);
        }
        return new IncomingWebhook(
                SourceName.of(shopify ? "shop" : "woo"),
                RequestHeaders.of(headers),
                body,
                CorrelationId.of("req-" + n));
    }

    private static JsonNode fixture(String resource) {
        try (InputStream in = PlatformRequestsTest.class.getResourceAsStream(resource)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
