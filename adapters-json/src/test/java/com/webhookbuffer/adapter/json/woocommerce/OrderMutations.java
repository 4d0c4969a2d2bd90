package com.webhookbuffer.adapter.json.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.webhookbuffer.adapter.json.testing.JsonMutations;
import com.webhookbuffer.adapter.json.testing.JsonMutations.Slot;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Random variations of WooCommerce orders: a field deleted, nulled, of the wrong type, a huge, negative or
 * fractional number, a very long string, control characters, deep nesting, broken JSON text, and also plausible
 * values (another status, another total) that keep the order translatable but not always consistent. Half of the
 * changes hit the fields the translator reads, so most cases test it rather than the fields it ignores.
 */
final class OrderMutations {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String DEEP = "@@deep@@";
    private static final String BREAKERS = "{}[],:\"\\x\u0000";
    private static final Set<String> READ = Set.of(
            "id",
            "customer_id",
            "currency",
            "status",
            "date_modified_gmt",
            "line_items",
            "quantity",
            "subtotal",
            "sku",
            "variation_id",
            "product_id",
            "discount_total",
            "shipping_total",
            "total_tax",
            "total",
            "fee_lines");
    private static final List<String> STATUSES = List.of(
            "pending",
            "on-hold",
            "failed",
            "processing",
            "completed",
            "refunded",
            "cancelled",
            "trash",
            "draft",
            "checkout-draft",
            "wc-custom",
            "");

    private final Random random;
    private final List<String> fixtures;

    OrderMutations(Random random, List<String> fixtures) {
        this.random = random;
        this.fixtures = fixtures;
    }

    /** A variation of one of the fixtures, as the text a sender would post. */
    String next() {
        ObjectNode order = WooCommerceOrdersTest.tree(fixtures.get(random.nextInt(fixtures.size())));
        int changes = 1 + random.nextInt(3);
        for (int i = 0; i < changes; i++) {
            change(order);
        }
        String json = order.toString();
        int depth = 10 + random.nextInt(3_000);
        json = json.replace("\"" + DEEP + "\"", "[".repeat(depth) + "]".repeat(depth));
        return random.nextInt(15) == 0 ? garble(json) : json;
    }

    private void change(ObjectNode order) {
        List<Slot> places = JsonMutations.slots(order);
        List<Slot> read = places.stream()
                .filter(slot -> slot.field() != null && READ.contains(slot.field()))
                .toList();
        Slot place = random.nextBoolean() && !read.isEmpty()
                ? read.get(random.nextInt(read.size()))
                : places.get(random.nextInt(places.size()));
        switch (random.nextInt(10)) {
            case 0 -> place.replace(null);
            case 1 -> place.replace(NODES.nullNode());
            case 2 -> place.replace(wrongType());
            case 3 -> place.replace(number());
            case 4 -> place.replace(NODES.textNode(decimalText()));
            case 5 -> place.replace(NODES.textNode("x".repeat(1 + random.nextInt(20_000))));
            case 6 -> place.replace(NODES.textNode(withControlCharacter()));
            case 7 -> place.replace(NODES.textNode(DEEP));
            case 8 -> plausible(order);
            default -> addFee(order);
        }
    }

    private JsonNode wrongType() {
        return switch (random.nextInt(6)) {
            case 0 -> NODES.textNode("727");
            case 1 -> NODES.numberNode(3);
            case 2 -> NODES.booleanNode(random.nextBoolean());
            case 3 -> NODES.arrayNode().add(1);
            case 4 -> NODES.objectNode().put("value", "x");
            default -> NODES.numberNode(new BigDecimal("1.5"));
        };
    }

    private JsonNode number() {
        return switch (random.nextInt(8)) {
            case 0 -> NODES.numberNode(BigInteger.TEN.pow(30 + random.nextInt(100)));
            case 1 -> NODES.numberNode(BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE));
            case 2 -> NODES.numberNode(-1 - random.nextInt(1000));
            case 3 -> NODES.numberNode(0);
            case 4 -> NODES.numberNode(new BigDecimal(random.nextInt(10_000)).movePointLeft(2));
            case 5 -> DecimalNode.valueOf(new BigDecimal("1e400"));
            case 6 -> NODES.numberNode(1 + random.nextInt(10_001));
            default -> NODES.numberNode(BigInteger.TWO.pow(53).add(BigInteger.valueOf(random.nextInt(100))));
        };
    }

    private String decimalText() {
        return switch (random.nextInt(10)) {
            case 0 -> "-" + random.nextInt(100) + ".00";
            case 1 -> "1e5";
            case 2 -> random.nextInt(100) + "." + random.nextInt(1000);
            case 3 -> "";
            case 4 -> " 1.00";
            case 5 -> "\u0663.00";
            case 6 -> "9".repeat(10 + random.nextInt(100));
            default -> random.nextInt(100) + "." + String.format("%02d", random.nextInt(100));
        };
    }

    private String withControlCharacter() {
        char control = (char) (random.nextBoolean() ? random.nextInt(0x20) : 0x7f + random.nextInt(0x21));
        return "SKU" + control + "-" + random.nextInt(100);
    }

    /** A value WooCommerce could send: the order stays translatable, but its amounts may no longer balance. */
    private void plausible(ObjectNode order) {
        switch (random.nextInt(5)) {
            case 0 -> order.put("status", STATUSES.get(random.nextInt(STATUSES.size())));
            case 1 -> order.put("total", random.nextInt(100) + "." + String.format("%02d", random.nextInt(100)));
            case 2 ->
                order.put(
                        "date_modified_gmt",
                        String.format(
                                "%04d-%02d-%02dT%02d:%02d:%02d",
                                1960 + random.nextInt(80),
                                1 + random.nextInt(12),
                                1 + random.nextInt(31),
                                random.nextInt(25),
                                random.nextInt(60),
                                random.nextInt(60)));
            case 3 ->
                order.put("currency", List.of("EUR", "JPY", "KWD", "XXX", "usd").get(random.nextInt(5)));
            default -> {
                JsonNode lines = order.get("line_items");
                if (lines != null
                        && lines.isArray()
                        && !lines.isEmpty()
                        && lines.get(0).isObject()) {
                    int quantity = 1 + random.nextInt(5);
                    ObjectNode line = (ObjectNode) lines.get(0);
                    line.put("quantity", quantity);
                    line.put(
                            "subtotal",
                            new BigDecimal(random.nextInt(5_000))
                                    .movePointLeft(2)
                                    .multiply(random.nextBoolean() ? BigDecimal.valueOf(quantity) : BigDecimal.ONE)
                                    .toPlainString());
                }
            }
        }
    }

    private void addFee(ObjectNode order) {
        JsonNode fees = order.get("fee_lines");
        if (fees != null && fees.isArray()) {
            ((ArrayNode) fees)
                    .addObject()
                    .put("name", "fee")
                    .put("total", (random.nextBoolean() ? "-" : "") + random.nextInt(20) + ".00");
        }
    }

    /** Broken JSON text: cut short, or a character changed. */
    private String garble(String json) {
        int at = random.nextInt(json.length());
        return random.nextBoolean()
                ? json.substring(0, at)
                : json.substring(0, at) + BREAKERS.charAt(random.nextInt(BREAKERS.length())) + json.substring(at + 1);
    }
}
