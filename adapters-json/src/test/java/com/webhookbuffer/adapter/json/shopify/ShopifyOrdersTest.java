package com.webhookbuffer.adapter.json.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.webhookbuffer.adapter.json.JacksonPayloadParser;
import com.webhookbuffer.adapter.json.testing.JsonMutations;
import com.webhookbuffer.application.payload.PayloadValidation;
import com.webhookbuffer.application.port.out.Translation;
import com.webhookbuffer.application.reading.PayloadReader;
import com.webhookbuffer.application.reading.PayloadReading;
import com.webhookbuffer.domain.order.Adjustments;
import com.webhookbuffer.domain.order.EventType;
import com.webhookbuffer.domain.order.LineItem;
import com.webhookbuffer.domain.order.OrderStatus;
import com.webhookbuffer.domain.order.OrderUpdate;
import com.webhookbuffer.domain.testing.HostileRequests;
import com.webhookbuffer.domain.webhook.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The fixtures are Shopify's published samples (see {@code platforms/shopify/PROVENANCE.md}); every expected figure
 * below was read off them by hand.
 */
class ShopifyOrdersTest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final ShopifyOrders TRANSLATOR = new ShopifyOrders();
    private static final PayloadReader READER =
            new PayloadReader(new JacksonPayloadParser(), PayloadValidation.newValidator());

    static final String WEBHOOK_SAMPLE = "orders-create-sample.json";
    static final String CREATED = "rest-order-450789469.json";
    static final String UPDATED = "rest-order-450789469-updated.json";
    static final String CANCELLED = "rest-order-450789469-cancel.json";
    static final String NO_SKU_EUR = "rest-order-1073459976-eur-no-sku.json";
    static final String FULFILLED = "rest-order-1073459972-fulfilled.json";
    static final List<String> FIXTURES = List.of(WEBHOOK_SAMPLE, CREATED, UPDATED, CANCELLED, NO_SKU_EUR, FULFILLED);

    private static final List<String> IPODS_450789469 = List.of("IPOD2008GREEN", "IPOD2008RED", "IPOD2008BLACK");

    // --- each fixture, field by field -------------------------------------------------------------------------

    /** Shopify's webhook sample is a cancelled order (cancelled_at is set) whatever topic it is sent under. */
    @Test
    void webhookSampleIsACancelledOrderWithItsIdsExact() {
        JsonNode contract = translated(WEBHOOK_SAMPLE, "orders/create");

        assertContract(contract, "order.cancelled", "2022-01-01T00:00:00Z");
        JsonNode data = contract.get("data");
        assertData(data, "820982911946154508", 1640995200000000L, "115310627314723954", "cancelled", "USD");
        assertItems(data, List.of("IPOD2008PINK", "IPOD2008PINK"), List.of(1, 1), List.of("199.00", "199.00"));
        assertAmounts(data, "20.00", "10.00", "0.00", "0.00", false, "388.00");
    }

    @Test
    void restOrderUnderOrdersCreateIsCreatedAndPaid() {
        JsonNode contract = translated(CREATED, "orders/create");

        assertContract(contract, "order.created", "2008-01-10T16:00:00Z");
        JsonNode data = contract.get("data");
        assertData(data, "450789469", 1199980800000000L, "207119551", "paid", "USD");
        assertItems(data, IPODS_450789469, List.of(1, 1, 1), List.of("199.00", "199.00", "199.00"));
        assertAmounts(data, "10.00", "0.00", "0.00", "11.94", false, "598.94");
    }

    @Test
    void sameOrderUpdatedLaterIsANewerVersion() {
        JsonNode contract = translated(UPDATED, "orders/updated");

        assertContract(contract, "order.updated", "2025-04-02T16:31:18Z");
        JsonNode data = contract.get("data");
        assertData(data, "450789469", 1743611478000000L, "207119551", "paid", "USD");
        assertItems(data, IPODS_450789469, List.of(1, 1, 1), List.of("199.00", "199.00", "199.00"));
        assertAmounts(data, "10.00", "0.00", "0.00", "11.94", false, "598.94");
    }

    @Test
    void cancelledOrderIsOrderCancelledAndNewestOfTheThree() {
        JsonNode contract = translated(CANCELLED, "orders/cancelled");

        assertContract(contract, "order.cancelled", "2025-04-02T16:31:25Z");
        JsonNode data = contract.get("data");
        assertData(data, "450789469", 1743611485000000L, "207119551", "cancelled", "USD");
        assertItems(data, IPODS_450789469, List.of(1, 1, 1), List.of("199.00", "199.00", "199.00"));
        assertAmounts(data, "10.00", "0.00", "0.00", "11.94", false, "598.94");
    }

    /** A custom line without SKU, variant or product: its line id stands in; no customer means a guest. */
    @Test
    void lineWithoutSkuVariantOrProductIsNamedByItsLineIdAndGuestOrderIsGuest() {
        JsonNode contract = translated(NO_SKU_EUR, "orders/create");

        assertContract(contract, "order.created", "2025-04-02T16:31:26Z");
        JsonNode data = contract.get("data");
        assertData(data, "1073459976", 1743611486000000L, "guest", "paid", "EUR");
        assertItems(data, List.of("line:1071823188"), List.of(3), List.of("74.99"));
        assertAmounts(data, "0.00", "0.00", "0.00", "13.50", false, "238.47");
    }

    @Test
    void fulfilledOrderIsShipped() {
        JsonNode contract = translated(FULFILLED, "orders/fulfilled");

        assertContract(contract, "order.updated", "2025-04-02T16:31:05Z");
        JsonNode data = contract.get("data");
        assertData(data, "1073459972", 1743611465000000L, "1073339470", "shipped", "USD");
        assertItems(data, List.of("IPOD2009BLACK"), List.of(1), List.of("199.00"));
        assertAmounts(data, "0.00", "0.00", "0.00", "0.00", false, "199.00");
    }

    // --- one order, created → updated → cancelled ---------------------------------------------------------------

    @Test
    void createdUpdatedCancelledAreThreeRisingVersionsOfOneOrder() {
        OrderUpdate created = valid(CREATED, "orders/create");
        OrderUpdate updated = valid(UPDATED, "orders/updated");
        OrderUpdate cancelled = valid(CANCELLED, "orders/cancelled");

        assertThat(List.of(created.orderId(), updated.orderId(), cancelled.orderId()))
                .containsOnly(created.orderId());
        assertThat(List.of(created.type(), updated.type(), cancelled.type()))
                .containsExactly(EventType.ORDER_CREATED, EventType.ORDER_UPDATED, EventType.ORDER_CANCELLED);
        assertThat(updated.version().isNewerThan(created.version())).isTrue();
        assertThat(cancelled.version().isNewerThan(updated.version())).isTrue();
        assertThat(cancelled.order().status()).isEqualTo(OrderStatus.CANCELLED);
    }

    /** A retry, or the same change under a second topic, carries the same updated_at: not newer, so stale. */
    @Test
    void theSameOrderUnderAnotherTopicIsNotNewer() {
        OrderUpdate created = valid(CREATED, "orders/create");
        OrderUpdate again = valid(CREATED, "orders/updated");

        assertThat(again.type()).isEqualTo(EventType.ORDER_UPDATED);
        assertThat(again.version()).isEqualTo(created.version());
        assertThat(again.version().isNewerThan(created.version())).isFalse();
    }

    // --- through the contract's reader --------------------------------------------------------------------------

    @Test
    void everyFixtureIsAValidOrderForTheContractsReader() {
        Map<String, String> topics = Map.of(
                WEBHOOK_SAMPLE,
                "orders/create",
                CREATED,
                "orders/create",
                UPDATED,
                "orders/updated",
                CANCELLED,
                "orders/cancelled",
                NO_SKU_EUR,
                "orders/create",
                FULFILLED,
                "orders/fulfilled");
        for (String fixture : FIXTURES) {
            OrderUpdate update = valid(fixture, topics.get(fixture));
            JsonNode data = translated(fixture, topics.get(fixture)).get("data");

            assertThat(update.orderId().value())
                    .as(fixture)
                    .isEqualTo(data.get("orderId").textValue());
            assertThat(update.version().value())
                    .as(fixture)
                    .isEqualTo(data.get("version").longValue());
            assertThat(update.order().status().wireName())
                    .as(fixture)
                    .isEqualTo(data.get("status").textValue());
            assertThat(update.order().customerId().value())
                    .as(fixture)
                    .isEqualTo(data.get("customerId").textValue());
            assertThat(update.order().currency().getCurrencyCode())
                    .as(fixture)
                    .isEqualTo(data.get("currency").textValue());
            assertThat(update.order().items().stream()
                            .map(item -> item.sku().value())
                            .toList())
                    .as(fixture)
                    .isEqualTo(texts(data.get("items"), "sku"));
            assertThat(update.order().items().stream().map(LineItem::quantity).toList())
                    .as(fixture)
                    .isEqualTo(texts(data.get("items"), "quantity").stream()
                            .map(Integer::valueOf)
                            .toList());
            assertThat(update.order().items().stream()
                            .map(item -> item.unitPrice().amount())
                            .toList())
                    .as(fixture)
                    .usingElementComparator(BigDecimal::compareTo)
                    .isEqualTo(texts(data.get("items"), "unitPrice").stream()
                            .map(BigDecimal::new)
                            .toList());
            Adjustments adjustments = update.order().adjustments();
            assertThat(adjustments.discounts().amount()).as(fixture).isEqualByComparingTo(amount(data, "discounts"));
            assertThat(adjustments.shipping().amount()).as(fixture).isEqualByComparingTo(amount(data, "shipping"));
            assertThat(adjustments.fees().amount()).as(fixture).isEqualByComparingTo(amount(data, "fees"));
            assertThat(adjustments.tax().amount()).as(fixture).isEqualByComparingTo(amount(data, "tax"));
            assertThat(adjustments.taxIncluded())
                    .as(fixture)
                    .isEqualTo(data.get("taxIncluded").booleanValue());
            assertThat(update.order().total().amount())
                    .as(fixture)
                    .isEqualByComparingTo(data.get("total").textValue());
        }
    }

    /**
     * Shopify's total_price, read off both published samples: Σ(quantity × price) − total_discounts + shipping +
     * tax (taxes not included) + tips + duties. subtotal_price is not used: it does not match its own definition
     * in either sample (388.00 and 597.00 where line items less discounts are 378.00 and 587.00).
     */
    @Test
    void totalPriceIsLinesLessDiscountsPlusShippingFeesAndTaxInEveryFixture() {
        for (String fixture : FIXTURES) {
            JsonNode data = translated(fixture, "orders/updated").get("data");
            BigDecimal lines = BigDecimal.ZERO;
            for (JsonNode item : data.get("items")) {
                lines = lines.add(new BigDecimal(item.get("unitPrice").textValue())
                        .multiply(new BigDecimal(item.get("quantity").bigIntegerValue())));
            }
            BigDecimal tax = data.get("taxIncluded").booleanValue() ? BigDecimal.ZERO : amount(data, "tax");
            BigDecimal expected = lines.subtract(amount(data, "discounts"))
                    .add(amount(data, "shipping"))
                    .add(amount(data, "fees"))
                    .add(tax);

            assertThat(amount(data, "total")).as(fixture).isEqualByComparingTo(expected);
        }
    }

    // --- what Shopify's shape allows ---------------------------------------------------------------------------

    @Test
    void skuFallsBackToVariantThenProductThenLine() {
        ObjectNode order = fixture(FULFILLED);
        ObjectNode line = (ObjectNode) order.get("order").get("line_items").get(0);

        line.put("sku", "  ");
        assertThat(firstSku(order)).isEqualTo("variant:447654529");
        line.putNull("variant_id");
        assertThat(firstSku(order)).isEqualTo("product:921728736");
        line.remove("product_id");
        assertThat(firstSku(order)).isEqualTo("line:1071823184");
    }

    @Test
    void shippingFallsBackToTheShippingLinesWhenTheTotalSetIsMissing() {
        ObjectNode order = (ObjectNode) fixture(WEBHOOK_SAMPLE);
        order.remove("total_shipping_price_set");

        assertThat(translated(order, "orders/updated")
                        .get("data")
                        .get("shipping")
                        .textValue())
                .isEqualTo("10.00");
    }

    @Test
    void tipsAndDutiesAreFees() {
        ObjectNode order = (ObjectNode) fixture(WEBHOOK_SAMPLE);
        order.put("total_tip_received", "5.00");
        order.putObject("original_total_duties_set").putObject("shop_money").put("amount", "2.50");

        assertThat(translated(order, "orders/updated").get("data").get("fees").textValue())
                .isEqualTo("7.50");
    }

    @Test
    void topicDecidesCreatedOrUpdatedUnlessCancelled() {
        ObjectNode order = fixture(CREATED);
        assertThat(translated(order, "orders/create").get("type").textValue()).isEqualTo("order.created");
        for (String topic : List.of("orders/updated", "orders/paid", "orders/fulfilled", "orders/cancelled", "")) {
            assertThat(translated(order, topic).get("type").textValue())
                    .as(topic)
                    .isEqualTo("order.updated");
        }
    }

    @Test
    void statusFollowsCancellationThenRefundThenFulfilmentThenPayment() {
        ObjectNode order = (ObjectNode) fixture(CREATED).get("order");
        record Case(String cancelledAt, String financial, String fulfillment, String status) {}
        List<Case> cases = List.of(
                new Case("2025-04-02T11:31:25-05:00", "refunded", "fulfilled", "cancelled"),
                new Case(null, "refunded", "fulfilled", "refunded"),
                new Case(null, "paid", "fulfilled", "shipped"),
                new Case(null, "partially_refunded", "partial", "paid"),
                new Case(null, "paid", null, "paid"),
                new Case(null, "pending", null, "placed"),
                new Case(null, "authorized", "fulfilled", "shipped"),
                new Case(null, "voided", null, "placed"),
                new Case(null, null, null, "placed"));
        for (Case c : cases) {
            order.put("cancelled_at", c.cancelledAt());
            order.put("financial_status", c.financial());
            order.put("fulfillment_status", c.fulfillment());

            assertThat(translated(order, "orders/updated")
                            .get("data")
                            .get("status")
                            .textValue())
                    .as(c.toString())
                    .isEqualTo(c.status());
        }
    }

    @Test
    void idsAbove2To53SurviveExactly() {
        ObjectNode order = (ObjectNode) fixture(WEBHOOK_SAMPLE);
        order.put("id", new BigInteger("9007199254740993"));
        ((ObjectNode) order.get("customer")).put("id", new BigInteger("9223372036854775807"));

        JsonNode data = translated(order, "orders/create").get("data");
        assertThat(data.get("orderId").textValue()).isEqualTo("9007199254740993");
        assertThat(data.get("customerId").textValue()).isEqualTo("9223372036854775807");
    }

    @Test
    void customerWithoutIdIsAGuest() {
        ObjectNode order = (ObjectNode) fixture(WEBHOOK_SAMPLE);
        ((ObjectNode) order.get("customer")).putNull("id");

        assertThat(translated(order, "orders/create")
                        .get("data")
                        .get("customerId")
                        .textValue())
                .isEqualTo("guest");
    }

    @Test
    void violationsNameShopifysFields() {
        ObjectNode order = (ObjectNode) fixture(WEBHOOK_SAMPLE);
        ((ObjectNode) order.get("line_items").get(1)).put("price", 199.0);
        ((ObjectNode) order.get("line_items").get(0)).put("quantity", "1");
        order.put("updated_at", "2021-12-31T19:00:00");
        order.put("total_price", "-388.00");
        order.remove("id");
        ((ObjectNode) order.get("customer")).put("id", -5);
        order.put("taxes_included", "false");

        assertThat(violations(order.toString()))
                .extracting(Violation::field)
                .containsExactlyInAnyOrder(
                        "id",
                        "updated_at",
                        "customer.id",
                        "line_items[0].quantity",
                        "line_items[1].price",
                        "total_price",
                        "taxes_included");
    }

    @Test
    void aBodyThatIsNoJsonObjectIsUntranslatable() {
        for (String body : List.of(
                "",
                " ",
                "null",
                "[]",
                "42",
                "\"order\"",
                "{",
                "{\"id\":1}{}",
                "{\"id\":1,\"id\":2}",
                "{\"id\":1} trailing",
                "[".repeat(5000) + "]".repeat(5000),
                "{\"a\":".repeat(3000) + "1" + "}".repeat(3000))) {
            assertThat(violations(body))
                    .as(body.length() > 40 ? body.substring(0, 40) : body)
                    .extracting(Violation::field)
                    .containsExactly("body");
        }
        String secretLooking = "{\"id\": shpss_" + "x".repeat(300) + "}";
        assertThat(violations(secretLooking))
                .singleElement()
                .extracting(Violation::message)
                .asString()
                .as("where it broke, never the body quoted back")
                .startsWith("is not valid JSON (line 1, column")
                .doesNotContain("shpss_");
    }

    @Test
    void atMostTheReportableNumberOfViolations() {
        ObjectNode order = (ObjectNode) fixture(WEBHOOK_SAMPLE);
        ArrayNode lines = order.putArray("line_items");
        for (int i = 0; i < 100; i++) {
            lines.addObject().put("quantity", "many").put("price", 1);
        }

        assertThat(violations(order.toString())).hasSize(Violation.MAX_REPORTED);
    }

    // --- generated input ---------------------------------------------------------------------------------------

    /**
     * Thousands of mutations of the fixtures (a field deleted, nulled, retyped, made huge, negative, fractional,
     * very long, full of control characters or nested garbage; the text cut or spliced) through the translator and
     * then the contract's reader: nothing throws, and whatever is translated the reader can judge.
     * {@code -Dfuzz.seed=N} replays a run; {@code -Dfuzz.cases=N} runs more.
     */
    @Test
    void generatedMutationsNeverThrowAndAreJudgedByTheReader() {
        long seed = HostileRequests.seed();
        int cases = HostileRequests.cases(6_000);
        System.out.printf("ShopifyOrdersTest: %d generated mutations, -Dfuzz.seed=%d%n", cases, seed);
        Random random = new Random(seed);
        List<JsonNode> fixtures = FIXTURES.stream()
                .map(ShopifyOrdersTest::fixture)
                .map(JsonNode.class::cast)
                .toList();
        Map<String, Integer> outcomes = new TreeMap<>();
        for (int i = 0; i < cases; i++) {
            JsonNode base = fixtures.get(random.nextInt(fixtures.size())).deepCopy();
            String body = JsonMutations.next(base, random);
            String topic = List.of("orders/create", "orders/updated", "orders/cancelled", "")
                    .get(random.nextInt(4));
            Translation translation = TRANSLATOR.translate(topic, body);
            String outcome = switch (translation) {
                case Translation.Untranslatable untranslatable -> {
                    assertThat(untranslatable.violations()).hasSizeLessThanOrEqualTo(Violation.MAX_REPORTED);
                    yield "untranslatable";
                }
                case Translation.Translated translated ->
                    switch (READER.read(translated.json())) {
                        case PayloadReading.Valid valid -> "translated, valid";
                        case PayloadReading.Invalid invalid -> "translated, invalid";
                    };
            };
            outcomes.merge(outcome, 1, Integer::sum);
        }
        System.out.printf("ShopifyOrdersTest: outcomes %s (-Dfuzz.seed=%d)%n", outcomes, seed);
        assertThat(outcomes)
                .as("outcomes with -Dfuzz.seed=" + seed)
                .containsKeys("untranslatable", "translated, valid", "translated, invalid");
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private static ObjectNode fixture(String name) {
        try (InputStream in = ShopifyOrdersTest.class.getResourceAsStream("/platforms/shopify/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + name);
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture's bytes as published, not re-serialised: what a sender would sign. */
    static String fixtureText(String name) {
        try (InputStream in = ShopifyOrdersTest.class.getResourceAsStream("/platforms/shopify/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode translated(String fixture, String topic) {
        return translatedText(fixtureText(fixture), topic);
    }

    private static JsonNode translated(JsonNode order, String topic) {
        return translatedText(order.toString(), topic);
    }

    private static JsonNode translatedText(String body, String topic) {
        Translation translation = TRANSLATOR.translate(topic, body);
        if (!(translation instanceof Translation.Translated translated)) {
            return fail("expected a translation, got " + translation);
        }
        try {
            return JSON.readTree(translated.json());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Violation> violations(String body) {
        Translation translation = TRANSLATOR.translate("orders/create", body);
        if (!(translation instanceof Translation.Untranslatable untranslatable)) {
            return fail("expected violations, got " + translation);
        }
        return untranslatable.violations();
    }

    private static OrderUpdate valid(String fixture, String topic) {
        PayloadReading reading = READER.read(fixtureText(fixture).getBytes(StandardCharsets.UTF_8), TRANSLATOR, topic);
        if (!(reading instanceof PayloadReading.Valid valid)) {
            return fail(fixture + " under " + topic + " should be valid, was " + reading);
        }
        return valid.update();
    }

    private static String firstSku(JsonNode order) {
        return translated(order, "orders/updated")
                .get("data")
                .get("items")
                .get(0)
                .get("sku")
                .textValue();
    }

    private static void assertContract(JsonNode contract, String type, String timestamp) {
        assertThat(contract.get("type").textValue()).isEqualTo(type);
        assertThat(contract.get("timestamp").textValue()).isEqualTo(timestamp);
    }

    private static void assertData(
            JsonNode data, String orderId, long version, String customerId, String status, String currency) {
        assertThat(data.get("orderId").textValue()).isEqualTo(orderId);
        assertThat(data.get("version").isIntegralNumber()).isTrue();
        assertThat(data.get("version").longValue()).isEqualTo(version);
        assertThat(data.get("customerId").textValue()).isEqualTo(customerId);
        assertThat(data.get("status").textValue()).isEqualTo(status);
        assertThat(data.get("currency").textValue()).isEqualTo(currency);
    }

    private static void assertItems(JsonNode data, List<String> skus, List<Integer> quantities, List<String> prices) {
        assertThat(texts(data.get("items"), "sku")).isEqualTo(skus);
        assertThat(texts(data.get("items"), "quantity").stream()
                        .map(Integer::valueOf)
                        .toList())
                .isEqualTo(quantities);
        assertThat(texts(data.get("items"), "unitPrice")).isEqualTo(prices);
    }

    private static void assertAmounts(
            JsonNode data,
            String discounts,
            String shipping,
            String fees,
            String tax,
            boolean taxIncluded,
            String total) {
        assertThat(data.get("discounts").textValue()).isEqualTo(discounts);
        assertThat(data.get("shipping").textValue()).isEqualTo(shipping);
        assertThat(data.get("fees").textValue()).isEqualTo(fees);
        assertThat(data.get("tax").textValue()).isEqualTo(tax);
        assertThat(data.get("taxIncluded").isBoolean()).isTrue();
        assertThat(data.get("taxIncluded").booleanValue()).isEqualTo(taxIncluded);
        assertThat(data.get("total").textValue()).isEqualTo(total);
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.get(field).asText()));
        return texts;
    }

    private static BigDecimal amount(JsonNode data, String field) {
        return new BigDecimal(data.get(field).textValue());
    }
}
