package com.webhookbuffer.adapter.json.woocommerce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.webhookbuffer.adapter.json.JacksonPayloadParser;
import com.webhookbuffer.application.payload.PayloadValidation;
import com.webhookbuffer.application.port.out.Translation;
import com.webhookbuffer.application.reading.PayloadReader;
import com.webhookbuffer.application.reading.PayloadReading;
import com.webhookbuffer.domain.order.Adjustments;
import com.webhookbuffer.domain.order.EventType;
import com.webhookbuffer.domain.order.Money;
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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** WooCommerce's published orders, and variations of them, through the translator and then the contract's reader. */
class WooCommerceOrdersTest {

    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();
    static final PayloadReader READER = new PayloadReader(new JacksonPayloadParser(), PayloadValidation.newValidator());

    private final WooCommerceOrders translator = new WooCommerceOrders();

    static String fixture(String name) {
        try (InputStream in = WooCommerceOrdersTest.class.getResourceAsStream("/platforms/woocommerce/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode tree(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode translated(String topic, String json) {
        Translation translation = translator.translate(topic, json);
        assertThat(translation).isInstanceOf(Translation.Translated.class);
        return tree(((Translation.Translated) translation).json());
    }

    private List<Violation> untranslatable(String json) {
        Translation translation = translator.translate("order.updated", json);
        assertThat(translation).isInstanceOf(Translation.Untranslatable.class);
        return ((Translation.Untranslatable) translation).violations();
    }

    private static String changed(String fixture, Consumer<ObjectNode> change) {
        ObjectNode order = tree(fixture(fixture));
        change.accept(order);
        return order.toString();
    }

    private static OrderUpdate read(String topic, String json, WooCommerceOrders translator) {
        PayloadReading reading = READER.read(json.getBytes(StandardCharsets.UTF_8), translator, topic);
        assertThat(reading).isInstanceOf(PayloadReading.Valid.class);
        return ((PayloadReading.Valid) reading).update();
    }

    private static long micros(String instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse(instant));
    }

    @Test
    void theCreatedOrderBecomesTheContractsFields() {
        JsonNode body = translated("order.created", fixture("order-727-created.json"));

        assertThat(body.get("type").textValue()).isEqualTo("order.created");
        assertThat(body.get("timestamp").textValue()).isEqualTo("2017-03-22T19:28:08Z");
        JsonNode data = body.get("data");
        assertThat(data.get("orderId").textValue()).isEqualTo("727");
        assertThat(data.get("version").longValue())
                .isEqualTo(1_490_210_888_000_000L)
                .isEqualTo(micros("2017-03-22T19:28:08Z"));
        assertThat(data.get("customerId").textValue()).isEqualTo("guest");
        assertThat(data.get("status").textValue()).isEqualTo("paid");
        assertThat(data.get("currency").textValue()).isEqualTo("USD");
        assertThat(data.get("items")).hasSize(2);
        // Line 315 has sku "" and no variation: named by its product; 12.00 / 1 and 6.00 / 2 are the unit prices.
        assertThat(data.get("items").get(0).get("sku").textValue()).isEqualTo("product:93");
        assertThat(data.get("items").get(0).get("quantity").intValue()).isEqualTo(2);
        assertThat(data.get("items").get(0).get("unitPrice").textValue()).isEqualTo("3.00");
        assertThat(data.get("items").get(1).get("sku").textValue()).isEqualTo("Bar3");
        assertThat(data.get("items").get(1).get("quantity").intValue()).isEqualTo(1);
        assertThat(data.get("items").get(1).get("unitPrice").textValue()).isEqualTo("12.00");
        assertThat(data.get("discounts").textValue()).isEqualTo("0.00");
        assertThat(data.get("shipping").textValue()).isEqualTo("10.00");
        assertThat(data.get("fees").textValue()).isEqualTo("0.00");
        assertThat(data.get("tax").textValue()).isEqualTo("1.35");
        assertThat(data.get("taxIncluded").booleanValue()).isFalse();
        assertThat(data.get("total").textValue()).isEqualTo("29.35");
        assertThat(data.get("version").isIntegralNumber()).isTrue();
    }

    @Test
    void theUpdatedOrderIsShippedAndLater() {
        JsonNode body = translated("order.updated", fixture("order-727-updated.json"));

        assertThat(body.get("type").textValue()).isEqualTo("order.updated");
        assertThat(body.get("timestamp").textValue()).isEqualTo("2017-03-22T19:30:35Z");
        assertThat(body.get("data").get("version").longValue()).isEqualTo(1_490_211_035_000_000L);
        assertThat(body.get("data").get("status").textValue()).isEqualTo("shipped");
        assertThat(body.get("data").get("total").textValue()).isEqualTo("29.35");
    }

    @ParameterizedTest
    @ValueSource(strings = {"order.updated", "order.created", "order.restored"})
    void aCancelledOrderIsOrderCancelledWhateverTheTopic(String topic) {
        JsonNode body = translated(topic, fixture("order-727-cancelled.json"));

        assertThat(body.get("type").textValue()).isEqualTo("order.cancelled");
        assertThat(body.get("data").get("status").textValue()).isEqualTo("cancelled");
        assertThat(body.get("timestamp").textValue()).isEqualTo("2017-03-22T19:35:00Z");
    }

    @Test
    void aCustomersOrderNamesTheCustomer() {
        JsonNode data =
                translated("order.updated", fixture("order-723-customer.json")).get("data");

        assertThat(data.get("orderId").textValue()).isEqualTo("723");
        assertThat(data.get("customerId").textValue()).isEqualTo("26");
        assertThat(data.get("status").textValue()).isEqualTo("shipped");
        assertThat(data.get("version").longValue()).isEqualTo(1_490_126_091_000_000L);
        assertThat(data.get("items").get(0).get("sku").textValue()).isEqualTo("product:87");
        assertThat(data.get("items").get(0).get("unitPrice").textValue()).isEqualTo("9.00");
        assertThat(data.get("items").get(1).get("sku").textValue()).isEqualTo("product:34");
        assertThat(data.get("items").get(1).get("unitPrice").textValue()).isEqualTo("20.00");
        assertThat(data.get("shipping").textValue()).isEqualTo("10.00");
        assertThat(data.get("tax").textValue()).isEqualTo("0.00");
        assertThat(data.get("total").textValue()).isEqualTo("39.00");
    }

    @Test
    void theCompactWireEncodingTranslatesAsThePrettyOneDoes() {
        assertThat(fixture("order-727-created.compact.json"))
                .contains("https:\\/\\/example.com")
                .doesNotContain("\n");

        assertThat(translated("order.created", fixture("order-727-created.compact.json")))
                .isEqualTo(translated("order.created", fixture("order-727-created.json")));
    }

    @Test
    void theCreatedUpdatedCancelledSequenceOfOneOrderHasRisingVersions() {
        OrderUpdate created = read("order.created", fixture("order-727-created.json"), translator);
        OrderUpdate updated = read("order.updated", fixture("order-727-updated.json"), translator);
        OrderUpdate cancelled = read("order.updated", fixture("order-727-cancelled.json"), translator);

        assertThat(List.of(
                        created.order().id(),
                        updated.order().id(),
                        cancelled.order().id()))
                .containsOnly(created.order().id());
        assertThat(updated.order().version().isNewerThan(created.order().version()))
                .isTrue();
        assertThat(cancelled.order().version().isNewerThan(updated.order().version()))
                .isTrue();
        assertThat(List.of(created.type(), updated.type(), cancelled.type()))
                .containsExactly(EventType.ORDER_CREATED, EventType.ORDER_UPDATED, EventType.ORDER_CANCELLED);
        assertThat(List.of(
                        created.order().status(),
                        updated.order().status(),
                        cancelled.order().status()))
                .containsExactly(OrderStatus.PAID, OrderStatus.SHIPPED, OrderStatus.CANCELLED);
    }

    @Test
    void theReaderTakesTheCreatedOrderAsTheSameOrder() {
        OrderUpdate update = read("order.created", fixture("order-727-created.json"), translator);

        assertThat(update.type()).isEqualTo(EventType.ORDER_CREATED);
        assertThat(update.order().id().value()).isEqualTo("727");
        assertThat(update.order().version().value()).isEqualTo(1_490_210_888_000_000L);
        assertThat(update.order().customerId().value()).isEqualTo("guest");
        assertThat(update.order().status()).isEqualTo(OrderStatus.PAID);
        assertThat(update.order().total()).isEqualTo(Money.of("29.35", "USD"));
        assertThat(update.order().items()).hasSize(2);
        assertThat(update.order().items().get(0).sku().value()).isEqualTo("product:93");
        assertThat(update.order().items().get(0).quantity()).isEqualTo(2);
        assertThat(update.order().items().get(0).unitPrice()).isEqualTo(Money.of("3.00", "USD"));
        assertThat(update.order().items().get(1).sku().value()).isEqualTo("Bar3");
        assertThat(update.order().items().get(1).unitPrice()).isEqualTo(Money.of("12.00", "USD"));
        Adjustments adjustments = update.order().adjustments();
        assertThat(adjustments.discounts()).isEqualTo(Money.of("0.00", "USD"));
        assertThat(adjustments.shipping()).isEqualTo(Money.of("10.00", "USD"));
        assertThat(adjustments.fees()).isEqualTo(Money.of("0.00", "USD"));
        assertThat(adjustments.tax()).isEqualTo(Money.of("1.35", "USD"));
        assertThat(adjustments.taxIncluded()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "order-727-updated.json",
                "order-727-cancelled.json",
                "order-723-customer.json",
                "order-727-created.compact.json"
            })
    void theReaderTakesEveryFixtureWithItsAmounts(String name) {
        JsonNode order = tree(fixture(name));

        OrderUpdate update = read("order.updated", fixture(name), translator);

        assertThat(update.order().id().value()).isEqualTo(order.get("id").asText());
        assertThat(update.order().total()).isEqualTo(Money.of(order.get("total").textValue(), "USD"));
        assertThat(update.order().adjustments().shipping())
                .isEqualTo(Money.of(order.get("shipping_total").textValue(), "USD"));
        assertThat(update.order().adjustments().tax())
                .isEqualTo(Money.of(order.get("total_tax").textValue(), "USD"));
        assertThat(update.order().items()).hasSize(order.get("line_items").size());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "order-727-created.json",
                "order-727-updated.json",
                "order-727-cancelled.json",
                "order-723-customer.json",
                "order-727-created.compact.json"
            })
    void everyFixtureKeepsWooCommercesDocumentedArithmetic(String name) {
        // abstract-wc-order.php calculate_totals(): total = Σ line.total + Σ fee.total + shipping_total + cart_tax
        // + shipping_tax, discount_total = Σ line.subtotal − Σ line.total, and total_tax = cart_tax + shipping_tax.
        JsonNode order = tree(fixture(name));
        BigDecimal lineTotals = sum(order.get("line_items"), "total");
        BigDecimal lineSubtotals = sum(order.get("line_items"), "subtotal");
        BigDecimal fees = sum(order.get("fee_lines"), "total");
        BigDecimal shipping = new BigDecimal(order.get("shipping_total").textValue());
        BigDecimal cartTax = new BigDecimal(order.get("cart_tax").textValue());
        BigDecimal shippingTax = new BigDecimal(order.get("shipping_tax").textValue());

        assertThat(lineTotals.add(fees).add(shipping).add(cartTax).add(shippingTax))
                .isEqualByComparingTo(order.get("total").textValue());
        assertThat(lineSubtotals.subtract(lineTotals))
                .isEqualByComparingTo(order.get("discount_total").textValue());
        assertThat(cartTax.add(shippingTax))
                .isEqualByComparingTo(order.get("total_tax").textValue());

        // And so the contract's rule holds on the translation: Σ quantity × unitPrice − discounts + shipping + fees
        // + tax = total.
        JsonNode data = translated("order.updated", fixture(name)).get("data");
        BigDecimal items = BigDecimal.ZERO;
        for (JsonNode item : data.get("items")) {
            items = items.add(new BigDecimal(item.get("unitPrice").textValue())
                    .multiply(BigDecimal.valueOf(item.get("quantity").longValue())));
        }
        assertThat(items.subtract(new BigDecimal(data.get("discounts").textValue()))
                        .add(new BigDecimal(data.get("shipping").textValue()))
                        .add(new BigDecimal(data.get("fees").textValue()))
                        .add(new BigDecimal(data.get("tax").textValue())))
                .isEqualByComparingTo(data.get("total").textValue());
    }

    private static BigDecimal sum(JsonNode lines, String field) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode line : lines) {
            sum = sum.add(new BigDecimal(line.get(field).textValue()));
        }
        return sum;
    }

    @Test
    void aCouponDiscountAndFeeLinesBalanceAsWooCommerceComputesThem() {
        // Order 727 as calculate_totals() would leave it after a 2.00 coupon on line 316, a 1.50 fee and a -3.00
        // fee (a discount given by hand): line total 10.00, discount_total 2.00, total 29.35 - 2.00 + 1.50 - 3.00.
        String json = changed("order-727-updated.json", order -> {
            ((ObjectNode) order.get("line_items").get(1)).put("total", "10.00");
            order.put("discount_total", "2.00");
            ArrayNode fees = order.putArray("fee_lines");
            fees.addObject()
                    .put("id", 900)
                    .put("name", "Gift wrap")
                    .put("total", "1.50")
                    .put("total_tax", "0.00");
            fees.addObject()
                    .put("id", 901)
                    .put("name", "Goodwill")
                    .put("total", "-3.00")
                    .put("total_tax", "0.00");
            order.put("total", "25.85");
        });

        JsonNode data = translated("order.updated", json).get("data");
        assertThat(data.get("items").get(1).get("unitPrice").textValue()).isEqualTo("12.00");
        assertThat(data.get("discounts").textValue()).isEqualTo("5.00");
        assertThat(data.get("fees").textValue()).isEqualTo("1.50");
        assertThat(data.get("total").textValue()).isEqualTo("25.85");
        OrderUpdate update = read("order.updated", json, translator);
        assertThat(update.order().total()).isEqualTo(Money.of("25.85", "USD"));
        assertThat(update.order().adjustments().discounts()).isEqualTo(Money.of("5.00", "USD"));
        assertThat(update.order().adjustments().fees()).isEqualTo(Money.of("1.50", "USD"));
    }

    @Test
    void idsBeyondTwoToTheFiftyThirdSurviveExactly() {
        String json = changed("order-723-customer.json", order -> {
            order.put("id", new BigInteger("9007199254740993"));
            order.put("customer_id", new BigInteger("18446744073709551617"));
            ((ObjectNode) order.get("line_items").get(0)).put("variation_id", new BigInteger("9007199254740995"));
        });

        JsonNode data = translated("order.updated", json).get("data");
        assertThat(data.get("orderId").textValue()).isEqualTo("9007199254740993");
        assertThat(data.get("customerId").textValue()).isEqualTo("18446744073709551617");
        assertThat(data.get("items").get(0).get("sku").textValue()).isEqualTo("variation:9007199254740995");
    }

    @Test
    void aSkuLessVariationIsNamedByItsVariation() {
        String json = changed(
                "order-727-created.json",
                order -> ((ObjectNode) order.get("line_items").get(1)).putNull("sku"));

        assertThat(translated("order.created", json)
                        .get("data")
                        .get("items")
                        .get(1)
                        .get("sku")
                        .textValue())
                .isEqualTo("variation:23");
    }

    @ParameterizedTest
    @CsvSource({
        "pending, placed",
        "on-hold, placed",
        "failed, placed",
        "processing, paid",
        "completed, shipped",
        "refunded, refunded",
        "cancelled, cancelled",
        "trash, cancelled"
    })
    void everyWooCommerceStatusHasItsContractStatus(String wooCommerce, String contract) {
        String json = changed("order-727-updated.json", order -> order.put("status", wooCommerce));

        assertThat(translated("order.updated", json).get("data").get("status").textValue())
                .isEqualTo(contract);
        assertThat(read("order.updated", json, translator).order().status().wireName())
                .isEqualTo(contract);
    }

    @Test
    void aPluginsOwnStatusIsRefusedListingTheKnownOnes() {
        assertThat(untranslatable(changed("order-727-updated.json", order -> order.put("status", "wc-shipped"))))
                .containsExactly(new Violation(
                        "status",
                        "must be one of: pending, on-hold, failed, processing, "
                                + "completed, refunded, cancelled, trash"));
    }

    @Test
    void aSubtotalThatDoesNotSplitIntoEqualUnitPricesBecomesTwoLinesOfTheSameSkuWithTheSameSum() {
        // A tax-inclusive shop's line: 3 units at 10.00 including 20 % tax is 25.00 / 1.2 = 20.83 without it.
        String json = changed("order-727-updated.json", order -> {
            ObjectNode line = (ObjectNode) order.get("line_items").get(0);
            line.put("quantity", 3);
            line.put("subtotal", "20.83");
            line.put("total", "20.83");
            order.put("total", "44.18");
        });

        JsonNode items = translated("order.updated", json).get("data").get("items");
        assertThat(items).hasSize(3);
        assertThat(List.of(items.get(0).toString(), items.get(1).toString()))
                .containsExactly(
                        "{\"sku\":\"product:93\",\"quantity\":2,\"unitPrice\":\"6.94\"}",
                        "{\"sku\":\"product:93\",\"quantity\":1,\"unitPrice\":\"6.95\"}");
        OrderUpdate update = read("order.updated", json, translator);
        assertThat(update.order().subtotal().amount()).isEqualByComparingTo("32.83");
        assertThat(update.order().total().amount()).isEqualByComparingTo("44.18");
    }

    @Test
    void aMissingModificationTimeIsRefused() {
        assertThat(untranslatable(changed("order-727-updated.json", order -> order.remove("date_modified_gmt"))))
                .containsExactly(new Violation("date_modified_gmt", "is required"));
        assertThat(untranslatable(changed("order-727-updated.json", order -> order.putNull("date_modified_gmt"))))
                .containsExactly(new Violation("date_modified_gmt", "is required"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2017-03-22T19:30:35Z",
                "2017-03-22 19:30:35",
                "2017-02-30T10:00:00",
                "2017-03-22T24:00:00",
                "1970-01-01T00:00:00",
                "2017-03-22T19:30:35.5",
                ""
            })
    void aModificationTimeNotWrittenAsWooCommerceWritesItIsRefused(String date) {
        assertThat(untranslatable(changed("order-727-updated.json", order -> order.put("date_modified_gmt", date))))
                .singleElement()
                .extracting(Violation::field)
                .isEqualTo("date_modified_gmt");
    }

    @Test
    void everyBrokenFieldIsNamedAsWooCommerceNamesIt() {
        String json = changed("order-727-updated.json", order -> {
            order.put("id", "727");
            order.put("customer_id", -1);
            order.put("currency", "XAU");
            order.put("total", 29.35);
            order.put("shipping_total", "-10.00");
            ObjectNode line = (ObjectNode) order.get("line_items").get(1);
            line.put("quantity", 1.5);
            line.put("sku", "bar\u00073");
        });

        assertThat(untranslatable(json))
                .extracting(Violation::field)
                .containsExactlyInAnyOrder(
                        "id",
                        "customer_id",
                        "currency",
                        "total",
                        "shipping_total",
                        "line_items[1].quantity",
                        "line_items[1].sku");
    }

    @Test
    void amountsWithMoreDigitsThanTheCurrencyHasAreRefused() {
        assertThat(untranslatable(changed("order-727-updated.json", order -> order.put("total_tax", "1.355"))))
                .containsExactly(new Violation("total_tax", Money.fractionRule(Money.currency("USD"))));
        // Trailing zeros are not digits the currency lacks: a shop set to 3 decimals writes 1.350.
        assertThat(translator.translate(
                        "order.updated", changed("order-727-updated.json", order -> order.put("total_tax", "1.350"))))
                .isInstanceOf(Translation.Translated.class);
    }

    @Test
    void anOrderWithoutLineItemsIsRefused() {
        assertThat(untranslatable(changed("order-727-updated.json", order -> order.putArray("line_items"))))
                .containsExactly(new Violation("line_items", "must hold 1-500 line items"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "null",
                "[]",
                "\"order\"",
                "42",
                "{",
                "{\"id\":1}}",
                "{\"id\":1,\"id\":2}",
                "{'id':1}",
                "{\"id\":NaN}"
            })
    void whatIsNotAWooCommerceOrderObjectIsRefusedAsTheBody(String json) {
        List<Violation> violations = untranslatable(json);
        assertThat(violations)
                .allSatisfy(violation -> assertThat(violation.field())
                        .isIn(
                                "body",
                                "id",
                                "customer_id",
                                "currency",
                                "status",
                                "date_modified_gmt",
                                "line_items",
                                "discount_total",
                                "shipping_total",
                                "total_tax",
                                "total",
                                "fee_lines"));
    }

    @Test
    void deepNestingIsRefusedNotAStackOverflow() {
        String deep = "{\"id\":727,\"meta_data\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";

        assertThat(untranslatable(deep))
                .singleElement()
                .extracting(Violation::field)
                .isEqualTo("body");
    }

    @Test
    void aHugeNumberIsRefusedNotParsedForever() {
        String json = changed("order-727-updated.json", order -> order.put("id", 0))
                .replace("\"id\":0", "\"id\":" + "9".repeat(5_000));

        assertThat(untranslatable(json)).isNotEmpty();
        assertThat(untranslatable(changed("order-727-updated.json", order -> order.put("total", "1" + "0".repeat(60)))))
                .containsExactly(new Violation("total", "must be < 10^15"));
    }

    @Test
    void noGeneratedVariationOfTheFixturesMakesTheTranslatorOrTheReaderFail() {
        long seed = HostileRequests.seed();
        int cases = HostileRequests.cases(5_000);
        System.out.printf("WooCommerceOrdersTest: %d generated orders, -Dfuzz.seed=%d%n", cases, seed);
        List<String> fixtures = Stream.of(
                        "order-727-created.json",
                        "order-727-updated.json",
                        "order-727-cancelled.json",
                        "order-723-customer.json")
                .map(WooCommerceOrdersTest::fixture)
                .toList();
        OrderMutations mutations = new OrderMutations(new Random(seed), fixtures);
        Map<String, Integer> outcomes = new TreeMap<>();

        for (int i = 0; i < cases; i++) {
            String json = mutations.next();
            String outcome = switch (translator.translate(i % 2 == 0 ? "order.updated" : "order.created", json)) {
                case Translation.Untranslatable untranslatable -> {
                    assertThat(untranslatable.violations())
                            .allSatisfy(violation -> assertThat(violation.field())
                                    .doesNotStartWith("data")
                                    .doesNotStartWith("type"));
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

        System.out.println("WooCommerceOrdersTest: outcomes " + outcomes);
        assertThat(outcomes).containsKeys("untranslatable", "translated, valid", "translated, invalid");
    }
}
