package com.webhookbuffer.bootstrap.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.webhookbuffer.adapter.persistence.DatabaseSettings;
import com.webhookbuffer.bootstrap.local.command.PlatformDelivery;
import com.webhookbuffer.bootstrap.local.parts.LocalSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Shopify shop and a WooCommerce shop configured at once beside the default source, end to end through the local
 * stack's socket: each platform's published sample orders (adapters-json's fixtures), signed as the platform signs
 * them, become one order each at its latest modification; the same deliveries shuffled and sent twice end in the
 * same rows; a wrong signature is 401; a topic that is not about an order, and WooCommerce's ping, are 200 with
 * nothing queued.
 */
class PlatformSourcesTest {

    private static final String SHOP_SECRET = "shpss_local-test-client-secret";
    /** WooCommerce generates secrets with spaces and punctuation: the secret is the whole line. */
    private static final String WOO_SECRET = "p,K% z`9]kq; ~Ls_*m xN";

    private static final Duration SETTLE = Duration.ofSeconds(30);
    /** Order 450789469 cancelled: subtotal, discounts, shipping, fees, tax, tax included, total. */
    private static final String SHOPIFY_AMOUNTS = "597.0000 10.0000 0.0000 0.0000 11.9400 false 598.9400";
    /** Order 727 cancelled, the same way. */
    private static final String WOO_AMOUNTS = "18.0000 0.0000 10.0000 0.0000 1.3500 false 29.3500";

    private static final Random RANDOM = new Random();

    @TempDir
    static Path state;

    private static Map<String, String> environment;
    private static LocalStack stack;
    private static StackClient client;
    private static final ByteArrayOutputStream BANNER = new ByteArrayOutputStream();

    @BeforeAll
    static void start() {
        environment = Map.of(
                LocalSettings.HTTP_PORT,
                "0",
                LocalSettings.SQS_PORT,
                "0",
                LocalSettings.LOCAL_STATE_DIR,
                state.toString(),
                LocalSettings.DB_MAX_CONNECTIONS,
                "4",
                "SOURCES",
                "shop=shopify shop-replay=shopify, woo=woocommerce woo-replay=woocommerce",
                "SOURCE_SHOP_SECRETS",
                "shpss_old-secret-being-rotated-out\n" + SHOP_SECRET,
                "SOURCE_SHOP_REPLAY_SECRETS",
                SHOP_SECRET,
                "SOURCE_WOO_SECRETS",
                WOO_SECRET,
                "SOURCE_WOO_REPLAY_SECRETS",
                WOO_SECRET);
        stack = LocalStack.start(
                LocalSettings.from(environment), new PrintStream(BANNER, true, StandardCharsets.UTF_8));
        client = new StackClient(stack.baseUri(), stack.secret());
    }

    @AfterAll
    static void stop() {
        client.close();
        stack.close();
    }

    private record Delivery(String topic, String id, String eventId, byte[] body) {}

    private static Delivery shopify(String topic, String fixture) {
        return new Delivery(
                topic, PlatformDelivery.newId(), PlatformDelivery.newId(), fixture("/platforms/shopify/" + fixture));
    }

    private static Delivery wooCommerce(String topic, String fixture) {
        return new Delivery(topic, PlatformDelivery.newId(), null, fixture("/platforms/woocommerce/" + fixture));
    }

    private static HttpResponse<String> sendShopify(String source, Delivery delivery, String secret) {
        return client.post(PlatformDelivery.shopify(
                uri(source),
                secret.getBytes(StandardCharsets.UTF_8),
                delivery.topic(),
                delivery.id(),
                delivery.eventId(),
                Instant.now(),
                delivery.body()));
    }

    private static HttpResponse<String> sendWooCommerce(String source, Delivery delivery, String secret) {
        return client.post(PlatformDelivery.wooCommerce(
                uri(source),
                secret.getBytes(StandardCharsets.UTF_8),
                delivery.topic(),
                delivery.id(),
                delivery.body()));
    }

    /** Shopify's three moments of order 450789469: created, updated (a later updated_at), cancelled. */
    private static List<Delivery> shopifyOrder() {
        return List.of(
                shopify("orders/create", "rest-order-450789469.json"),
                shopify("orders/updated", "rest-order-450789469-updated.json"),
                shopify("orders/cancelled", "rest-order-450789469-cancel.json"));
    }

    /** WooCommerce's order 727: created, completed, then cancelled. */
    private static List<Delivery> wooCommerceOrder() {
        return List.of(
                wooCommerce("order.created", "order-727-created.json"),
                wooCommerce("order.updated", "order-727-updated.json"),
                wooCommerce("order.updated", "order-727-cancelled.json"));
    }

    @Test
    void shopifysCreatedUpdatedAndCancelledOrderIsWrittenInOrderAndEndsCancelled() throws Exception {
        List<String> seen = new ArrayList<>();
        for (Delivery delivery : shopifyOrder()) {
            assertThat(sendShopify("shop", delivery, SHOP_SECRET).statusCode()).isEqualTo(202);
            client.awaitDrained(SETTLE);
            seen.add(row("shop", "450789469"));
        }

        assertThat(seen)
                .containsExactly(
                        "paid order.created 1199980800000000",
                        "paid order.updated 1743611478000000",
                        "cancelled order.cancelled 1743611485000000");
        assertThat(count("processed_webhooks WHERE source = 'shop' AND outcome = 'written' AND event_id IS NOT NULL"))
                .isEqualTo(3);
        assertThat(amounts("shop", "450789469")).isEqualTo(SHOPIFY_AMOUNTS);
    }

    @Test
    void wooCommercesCreatedUpdatedAndCancelledOrderIsWrittenInOrderAndEndsCancelled() throws Exception {
        List<String> seen = new ArrayList<>();
        for (Delivery delivery : wooCommerceOrder()) {
            assertThat(sendWooCommerce("woo", delivery, WOO_SECRET).statusCode())
                    .isEqualTo(202);
            client.awaitDrained(SETTLE);
            seen.add(row("woo", "727"));
        }

        assertThat(seen)
                .containsExactly(
                        "paid order.created 1490210888000000",
                        "shipped order.updated 1490211035000000",
                        "cancelled order.cancelled 1490211300000000");
        assertThat(amounts("woo", "727")).isEqualTo(WOO_AMOUNTS);
        assertThat(count("processed_webhooks WHERE source = 'woo' AND event_id IS NULL"))
                .isEqualTo(3);
    }

    @Test
    void theSameDeliveriesShuffledAndDuplicatedEndInTheSameRows() throws Exception {
        long seed = RANDOM.nextLong();
        Random shuffle = new Random(seed);
        List<Runnable> sends = new ArrayList<>();
        for (Delivery delivery : shopifyOrder()) {
            for (int copy = 0; copy < 2; copy++) {
                sends.add(() -> assertThat(sendShopify("shop-replay", delivery, SHOP_SECRET)
                                .statusCode())
                        .isEqualTo(202));
            }
        }
        for (Delivery delivery : wooCommerceOrder()) {
            for (int copy = 0; copy < 2; copy++) {
                sends.add(() -> assertThat(sendWooCommerce("woo-replay", delivery, WOO_SECRET)
                                .statusCode())
                        .isEqualTo(202));
            }
        }
        Collections.shuffle(sends, shuffle);
        sends.forEach(Runnable::run);

        client.awaitStatus(
                SETTLE, status -> count("processed_webhooks WHERE source IN ('shop-replay', " + "'woo-replay')") == 6);
        assertThat(row("shop-replay", "450789469"))
                .as("seed %d", seed)
                .isEqualTo("cancelled order.cancelled 1743611485000000");
        assertThat(row("woo-replay", "727"))
                .as("seed %d", seed)
                .isEqualTo("cancelled order.cancelled 1490211300000000");
        assertThat(amounts("shop-replay", "450789469")).isEqualTo(SHOPIFY_AMOUNTS);
        assertThat(amounts("woo-replay", "727")).isEqualTo(WOO_AMOUNTS);
        assertThat(count("processed_webhooks WHERE source IN ('shop-replay', 'woo-replay') AND outcome = 'written'"))
                .as("seed %d", seed)
                .isBetween(2L, 6L);
    }

    @Test
    void aWrongSignatureIs401AndNothingIsQueued() {
        Delivery shopify = shopify("orders/create", "rest-order-1073459972-fulfilled.json");
        Delivery woo = wooCommerce("order.created", "order-723-customer.json");

        assertThat(sendShopify("shop", shopify, "not-the-secret").statusCode()).isEqualTo(401);
        assertThat(sendShopify("shop", shopify, WOO_SECRET).statusCode()).isEqualTo(401);
        assertThat(sendWooCommerce("woo", woo, SHOP_SECRET).statusCode()).isEqualTo(401);
        assertThat(sendWooCommerce("shop", woo, SHOP_SECRET).statusCode())
                .as("a Shopify source")
                .isEqualTo(401);
        assertThat(count("processed_webhooks WHERE webhook_id IN ('" + shopify.id() + "', '" + woo.id() + "')"))
                .isZero();
    }

    @Test
    void aTopicThatIsNotAboutAnOrderAndWooCommercesPingAre200WithNothingQueued() throws Exception {
        long acceptedBefore = client.status().get("counts").get("accepted").asLong();
        byte[] redact = "{\"shop_id\":954889,\"shop_domain\":\"webhook-buffer-local.myshopify.com\"}"
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> privacy = sendShopify(
                "shop",
                new Delivery("shop/redact", PlatformDelivery.newId(), PlatformDelivery.newId(), redact),
                SHOP_SECRET);
        HttpResponse<String> deleted = sendWooCommerce(
                "woo",
                new Delivery(
                        "order.deleted",
                        PlatformDelivery.newId(),
                        null,
                        "{\"id\":727}".getBytes(StandardCharsets.UTF_8)),
                WOO_SECRET);
        HttpResponse<String> ping = client.post(HttpRequest.newBuilder(uri("woo"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("webhook_id=12")));

        assertThat(List.of(privacy.statusCode(), deleted.statusCode(), ping.statusCode()))
                .containsOnly(200);
        assertThat(privacy.body()).contains("not-queued").contains("shop/redact");
        assertThat(ping.body()).contains("not-queued").contains("ping");
        assertThat(client.status().get("counts").get("accepted").asLong()).isEqualTo(acceptedBefore);
        assertThat(client.get("/metrics").body()).containsPattern("outcome=\"nothing-to-queue\".*\\} [3-9]");
    }

    @Test
    void theBannerSaysHowToSendEachPlatformAnOrderWithoutPrintingASecret() {
        assertThat(BANNER.toString(StandardCharsets.UTF_8))
                .contains("/webhooks/shop  (shopify, keys in SOURCE_SHOP_SECRETS; ./run-local send --source shop "
                        + "ORDER.json)")
                .contains("/webhooks/woo  (woocommerce, keys in SOURCE_WOO_SECRETS; ./run-local send --source woo "
                        + "ORDER.json)")
                .doesNotContain(SHOP_SECRET)
                .doesNotContain(WOO_SECRET);
    }

    @Test
    void sendSignsAsTheSourcesPlatform() throws Exception {
        Path order = state.resolve("shopify-order.json");
        Files.write(order, fixture("/platforms/shopify/rest-order-1073459976-eur-no-sku.json"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, String> sending = new HashMap<>(environment);
        sending.put(LocalSettings.HTTP_PORT, Integer.toString(stack.baseUri().getPort()));
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);

        assertThat(RunLocal.run(List.of("send", "--source", "shop", order.toString()), sending, print, print))
                .as(out.toString(StandardCharsets.UTF_8))
                .isZero();
        assertThat(RunLocal.run(List.of("send", "--source", "woo"), sending, print, print))
                .isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("202")
                .contains("as shopify")
                .contains("a woocommerce source is sent the platform's own order JSON");
        client.awaitStatus(SETTLE, status -> count("orders WHERE source = 'shop' AND order_id = '1073459976'") == 1);
    }

    private static URI uri(String source) {
        return stack.baseUri().resolve("/webhooks/" + source);
    }

    private static byte[] fixture(String resource) {
        try (InputStream in = PlatformSourcesTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + resource + " (adapters-json's test jar)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long count(String where) {
        return StackClient.count(stack.database(), "SELECT count(*) FROM " + where);
    }

    private static String row(String source, String orderId) {
        return text("SELECT status || ' ' || event_type || ' ' || version FROM orders WHERE source = '" + source
                + "' AND order_id = '" + orderId + "'");
    }

    private static String amounts(String source, String orderId) {
        return text("SELECT (SELECT sum(quantity * unit_price) FROM order_items i WHERE i.source = o.source"
                + " AND i.order_id = o.order_id) || ' ' || discounts || ' ' || shipping || ' ' || fees || ' ' || tax"
                + " || ' ' || tax_included || ' ' || total FROM orders o WHERE source = '" + source
                + "' AND order_id = '" + orderId + "'");
    }

    private static String text(String sql) {
        DatabaseSettings db = stack.database();
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : "(no row)";
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
