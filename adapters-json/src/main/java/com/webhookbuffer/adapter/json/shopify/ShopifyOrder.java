package com.webhookbuffer.adapter.json.shopify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.webhookbuffer.adapter.json.platform.FieldReader;
import com.webhookbuffer.application.port.out.Translation;
import com.webhookbuffer.domain.order.EventType;
import com.webhookbuffer.domain.order.Order;
import com.webhookbuffer.domain.order.OrderStatus;
import com.webhookbuffer.domain.order.OrderVersion;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One Shopify order read into the contract, one method per concept. It checks what Shopify's shape promises (a field
 * is there, of its JSON type, an amount is a decimal string, a date has an offset) and leaves the contract's own
 * rules (ranges, the currency, the total's arithmetic) to the contract's reader, which judges every source alike.
 *
 * <table>
 * <caption>Shopify field → contract field</caption>
 * <tr><td>{@code id}</td><td>{@code orderId}</td></tr>
 * <tr><td>{@code updated_at}</td><td>{@code version} (epoch microseconds) and {@code timestamp}</td></tr>
 * <tr><td>{@code customer.id}</td><td>{@code customerId}, {@code guest} without one</td></tr>
 * <tr><td>{@code cancelled_at}, {@code financial_status}, {@code fulfillment_status}</td><td>{@code status}</td></tr>
 * <tr><td>{@code line_items[]}</td><td>{@code items[]}</td></tr>
 * <tr><td>{@code total_discounts}, shipping, {@code total_tax}, {@code taxes_included}, tips and duties,
 * {@code total_price}</td><td>the amounts</td></tr>
 * </table>
 */
final class ShopifyOrder {

    static final String GUEST = "guest";

    /** Shopify writes amounts as plain decimal strings ({@code "199.00"}); nothing else is read as one. */
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,40}(\\.[0-9]{1,20})?");

    private static final String DECIMAL_RULE = "must be a decimal string such as \"199.00\"";
    private static final String ID_RULE = "must be a positive integer";
    /** The ids of a line that name its item when it has no SKU, in order of preference. */
    private static final List<SkuStandIn> SKU_STAND_INS = List.of(
            new SkuStandIn("variant_id", "variant:"),
            new SkuStandIn("product_id", "product:"),
            new SkuStandIn("id", "line:"));

    private final JsonNode order;
    private final JsonMapper mapper;
    private final FieldReader read = new FieldReader();

    ShopifyOrder(JsonNode order, JsonMapper mapper) {
        this.order = order;
        this.mapper = mapper;
    }

    Translation toContract(String topic) {
        BigInteger orderId = positiveInteger(order.get("id"), "id");
        Instant modifiedAt = modifiedAt();
        String customerId = customerId();
        String currency = read.text(order.get("currency"), "currency");
        OrderStatus status = status();
        ArrayNode items = items();
        ObjectNode amounts = amounts();
        if (!read.violations().isEmpty()) {
            return new Translation.Untranslatable(read.violations());
        }
        ObjectNode data = mapper.createObjectNode()
                .put("orderId", orderId.toString())
                .put("version", OrderVersion.modifiedAt(modifiedAt).value())
                .put("customerId", customerId)
                .put("status", status.wireName())
                .put("currency", currency);
        data.set("items", items);
        data.setAll(amounts);
        ObjectNode contract = mapper.createObjectNode()
                .put("type", eventType(status, topic).wireName())
                .put("timestamp", modifiedAt.toString());
        contract.set("data", data);
        return new Translation.Translated(write(contract));
    }

    /** A cancelled order is {@code order.cancelled} whatever the topic; the contract ties the two together. */
    private static EventType eventType(OrderStatus status, String topic) {
        if (status == OrderStatus.CANCELLED) {
            return EventType.ORDER_CANCELLED;
        }
        return "orders/create".equals(topic) ? EventType.ORDER_CREATED : EventType.ORDER_UPDATED;
    }

    /**
     * {@code updated_at} is when Shopify last changed the order, so it orders the versions of one order: a retry or
     * a second topic about the same change carries the same instant and is not newer. Kept to the microsecond, as
     * the contract's timestamp is.
     */
    private Instant modifiedAt() {
        String text = read.text(order.get("updated_at"), "updated_at");
        if (text == null) {
            return null;
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException e) {
            return reject(
                    "updated_at",
                    "must be an ISO-8601 date-time with an offset, such as " + "\"2021-12-31T19:00:00-05:00\"");
        }
        // Checked here rather than left to OrderVersion.modifiedAt, which throws: a bad date is the sender's error.
        if (!Order.isStorable(instant) || !instant.isAfter(Instant.EPOCH)) {
            return reject("updated_at", "must be after 1970-01-01T00:00:00Z and within the year 9999 (UTC)");
        }
        return instant;
    }

    private String customerId() {
        JsonNode customer = order.get("customer");
        if (customer == null || customer.isNull()) {
            return GUEST;
        }
        if (!customer.isObject()) {
            return reject("customer", "must be a JSON object or null");
        }
        JsonNode id = customer.get("id");
        if (id == null || id.isNull()) {
            return GUEST;
        }
        BigInteger value = positiveInteger(id, "customer.id");
        return value == null ? null : value.toString();
    }

    /** Cancellation first (a cancelled order may be paid or refunded too), then money back, then goods out. */
    private OrderStatus status() {
        boolean cancelled = !isNullOrMissing(order.get("cancelled_at"));
        if (cancelled && !order.get("cancelled_at").isTextual()) {
            reject("cancelled_at", "must be a date-time string or null");
        }
        String financial = read.optionalText(order.get("financial_status"), "financial_status");
        String fulfillment = read.optionalText(order.get("fulfillment_status"), "fulfillment_status");
        if (cancelled) {
            return OrderStatus.CANCELLED;
        }
        if ("refunded".equals(financial)) {
            return OrderStatus.REFUNDED;
        }
        if ("fulfilled".equals(fulfillment)) {
            return OrderStatus.SHIPPED;
        }
        if ("paid".equals(financial) || "partially_refunded".equals(financial)) {
            return OrderStatus.PAID;
        }
        return OrderStatus.PLACED;
    }

    private ArrayNode items() {
        ArrayNode items = mapper.createArrayNode();
        JsonNode lines = order.get("line_items");
        if (lines == null || !lines.isArray()) {
            reject("line_items", "must be a JSON array");
            return items;
        }
        if (lines.size() < Order.MIN_ITEMS || lines.size() > Order.MAX_ITEMS) {
            reject("line_items", Order.ITEMS_RULE);
            return items;
        }
        for (int i = 0; i < lines.size() && !read.isFull(); i++) {
            String path = "line_items[" + i + "]";
            JsonNode line = lines.get(i);
            if (!line.isObject()) {
                reject(path, "must be a JSON object");
                continue;
            }
            BigInteger quantity = read.integer(line.get("quantity"), path + ".quantity");
            String price = decimal(line.get("price"), path + ".price");
            String sku = sku(line, path);
            if (quantity != null && price != null && sku != null) {
                items.addObject().put("sku", sku).put("quantity", quantity).put("unitPrice", price);
            }
        }
        return items;
    }

    /**
     * The merchant's SKU where there is one; many Shopify lines have none (a custom item, a product without SKU),
     * so the most stable id the line has stands in for it, marked with what it is: {@code variant:808950810}.
     */
    private String sku(JsonNode line, String path) {
        JsonNode sku = line.get("sku");
        if (!isNullOrMissing(sku) && !sku.isTextual()) {
            return reject(path + ".sku", "must be a JSON string or null");
        }
        if (sku != null && sku.isTextual() && !sku.textValue().isBlank()) {
            return sku.textValue();
        }
        for (SkuStandIn standIn : SKU_STAND_INS) {
            JsonNode id = line.get(standIn.field());
            if (!isNullOrMissing(id)) {
                BigInteger value = positiveInteger(id, path + "." + standIn.field());
                return value == null ? null : standIn.prefix() + value;
            }
        }
        return reject(path + ".sku", "must not be blank when the line has no variant_id, product_id or id");
    }

    /**
     * The order's amounts in the shop's currency. Fees are what {@code total_price} holds beyond lines, discounts,
     * shipping and tax: the tip and the duties.
     */
    private ObjectNode amounts() {
        ObjectNode amounts = mapper.createObjectNode();
        String discounts = optionalDecimal(order.get("total_discounts"), "total_discounts");
        String shipping = shipping();
        String fees = fees();
        String tax = optionalDecimal(order.get("total_tax"), "total_tax");
        boolean taxIncluded = taxesIncluded();
        String total = decimal(order.get("total_price"), "total_price");
        return amounts.put("discounts", discounts)
                .put("shipping", shipping)
                .put("fees", fees)
                .put("tax", tax)
                .put("taxIncluded", taxIncluded)
                .put("total", total);
    }

    /** The shop-currency shipping total where Shopify gives it, else the sum of the shipping lines' prices. */
    private String shipping() {
        JsonNode set = order.get("total_shipping_price_set");
        if (!isNullOrMissing(set)) {
            return shopMoney(set, "total_shipping_price_set");
        }
        JsonNode lines = order.get("shipping_lines");
        if (isNullOrMissing(lines)) {
            return "0";
        }
        if (!lines.isArray()) {
            return reject("shipping_lines", "must be a JSON array");
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < lines.size() && !read.isFull(); i++) {
            JsonNode line = lines.get(i);
            String path = "shipping_lines[" + i + "]";
            if (!line.isObject()) {
                reject(path, "must be a JSON object");
                continue;
            }
            String price = decimal(line.get("price"), path + ".price");
            if (price != null) {
                sum = sum.add(new BigDecimal(price));
            }
        }
        return sum.toPlainString();
    }

    private String fees() {
        String tip = optionalDecimal(order.get("total_tip_received"), "total_tip_received");
        JsonNode dutiesSet = order.get("original_total_duties_set");
        String duties = isNullOrMissing(dutiesSet) ? "0" : shopMoney(dutiesSet, "original_total_duties_set");
        return tip == null || duties == null
                ? null
                : new BigDecimal(tip).add(new BigDecimal(duties)).toPlainString();
    }

    private boolean taxesIncluded() {
        JsonNode included = order.get("taxes_included");
        if (isNullOrMissing(included)) {
            return false;
        }
        if (!included.isBoolean()) {
            reject("taxes_included", "must be true, false or null");
            return false;
        }
        return included.booleanValue();
    }

    /** {@code {"shop_money": {"amount": "10.00", ...}, "presentment_money": ...}}: the shop's side. */
    private String shopMoney(JsonNode set, String path) {
        if (!set.isObject()) {
            return reject(path, "must be a JSON object or null");
        }
        JsonNode shopMoney = set.get("shop_money");
        if (shopMoney == null || !shopMoney.isObject()) {
            return reject(path + ".shop_money", "must be a JSON object");
        }
        return decimal(shopMoney.get("amount"), path + ".shop_money.amount");
    }

    // Readers of one JSON value each: the value, or null with a violation naming Shopify's field.

    private String optionalDecimal(JsonNode node, String field) {
        return isNullOrMissing(node) ? "0" : decimal(node, field);
    }

    private String decimal(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return reject(field, "is required; " + DECIMAL_RULE);
        }
        if (!node.isTextual() || !DECIMAL.matcher(node.textValue()).matches()) {
            return reject(field, DECIMAL_RULE);
        }
        return node.textValue();
    }

    private BigInteger positiveInteger(JsonNode node, String field) {
        BigInteger value = read.integer(node, field);
        if (value != null && value.signum() <= 0) {
            return reject(field, ID_RULE);
        }
        return value;
    }

    private static boolean isNullOrMissing(JsonNode node) {
        return node == null || node.isNull();
    }

    private <T> T reject(String field, String message) {
        return read.refuse(field, message);
    }

    private record SkuStandIn(String field, String prefix) {}

    private String write(ObjectNode contract) {
        try {
            return mapper.writeValueAsString(contract);
        } catch (JsonProcessingException e) {
            // A tree of strings, numbers and booleans built here always writes: failing is a bug, not bad input.
            throw new IllegalStateException("could not write the contract JSON", e);
        }
    }
}
