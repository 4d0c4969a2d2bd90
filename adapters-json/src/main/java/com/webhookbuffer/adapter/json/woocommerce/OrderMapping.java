package com.webhookbuffer.adapter.json.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.webhookbuffer.adapter.json.platform.FieldReader;
import com.webhookbuffer.domain.order.Identifiers;
import com.webhookbuffer.domain.order.LineItem;
import com.webhookbuffer.domain.order.Money;
import com.webhookbuffer.domain.order.Order;
import com.webhookbuffer.domain.order.OrderVersion;
import com.webhookbuffer.domain.order.Sku;
import com.webhookbuffer.domain.webhook.Violation;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One WooCommerce REST v3 order read into the contract's body, a concept per method. Reads every field it needs
 * before deciding, so a refused order lists all its broken fields (by WooCommerce's names) at once.
 */
final class OrderMapping {

    /** The largest id whose decimal text is still a contract identifier. */
    private static final BigInteger LARGEST_ID =
            BigInteger.TEN.pow(Identifiers.MAX_LENGTH).subtract(BigInteger.ONE);

    private static final String POSITIVE_ID_RULE =
            "must be a positive integer of at most " + Identifiers.MAX_LENGTH + " digits";
    private static final String NON_NEGATIVE_ID_RULE =
            "must be a non-negative integer of at most " + Identifiers.MAX_LENGTH + " digits";
    /** {@code wc_rest_prepare_date_response} writes {@code *_gmt} dates as {@code gmdate('Y-m-d\TH:i:s')}. */
    private static final Pattern GMT_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}");

    private static final String GMT_DATE_RULE = "must be a UTC date-time written yyyy-MM-ddTHH:mm:ss";
    private static final String GUEST = "guest";

    private final JsonNode order;
    private final String topic;
    private final FieldReader read = new FieldReader();

    private OrderMapping(JsonNode order, String topic) {
        this.order = order;
        this.topic = topic;
    }

    /**
     * @param order a JSON object, WooCommerce's order
     * @param topic the delivery's topic ({@code order.created}, {@code order.updated}, {@code order.restored})
     */
    static OrderMapping of(JsonNode order, String topic) {
        return new OrderMapping(order, topic);
    }

    private record Item(String sku, long quantity, BigDecimal unitPrice) {}

    private record Amounts(
            BigDecimal discounts, BigDecimal shipping, BigDecimal fees, BigDecimal tax, BigDecimal total) {}

    /** The order in the contract, or {@code null} when any field broke a rule (see {@link #violations()}). */
    ObjectNode toContract() {
        String orderId = orderId();
        String customerId = customerId();
        Currency currency = currency();
        WooCommerceStatus status = status();
        Instant modifiedAt = modifiedAt();
        List<Item> items = items(currency);
        Amounts amounts = amounts(currency);
        if (!read.violations().isEmpty()) {
            return null;
        }
        int digits = currency.getDefaultFractionDigits();
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("type", type(status));
        body.put("timestamp", modifiedAt.toString());
        ObjectNode data = body.putObject("data");
        data.put("orderId", orderId);
        data.put("version", OrderVersion.modifiedAt(modifiedAt).value());
        data.put("customerId", customerId);
        data.put("status", status.contractName());
        data.put("currency", currency.getCurrencyCode());
        ArrayNode lines = data.putArray("items");
        for (Item item : items) {
            lines.addObject()
                    .put("sku", item.sku())
                    .put("quantity", item.quantity())
                    .put("unitPrice", plain(item.unitPrice(), digits));
        }
        data.put("discounts", plain(amounts.discounts(), digits));
        data.put("shipping", plain(amounts.shipping(), digits));
        data.put("fees", plain(amounts.fees(), digits));
        data.put("tax", plain(amounts.tax(), digits));
        // WooCommerce keeps line subtotals and totals without tax even when the shop's prices include it, and adds
        // the taxes to the grand total (abstract-wc-order.php, calculate_totals): its tax is never inside them.
        data.put("taxIncluded", false);
        data.put("total", plain(amounts.total(), digits));
        return body;
    }

    List<Violation> violations() {
        return read.violations();
    }

    private String orderId() {
        BigInteger id = read.integer(order.get("id"), "id", BigInteger.ONE, LARGEST_ID, POSITIVE_ID_RULE);
        return id == null ? null : id.toString();
    }

    /** WooCommerce's guest checkouts have customer 0. */
    private String customerId() {
        BigInteger id = read.integer(
                order.get("customer_id"), "customer_id", BigInteger.ZERO, LARGEST_ID, NON_NEGATIVE_ID_RULE);
        if (id == null) {
            return null;
        }
        return id.signum() == 0 ? GUEST : id.toString();
    }

    private Currency currency() {
        String code = read.text(order.get("currency"), "currency");
        if (code == null) {
            return null;
        }
        if (!Money.isCurrencyCode(code)) {
            read.refuse("currency", "must be an ISO 4217 code with a minor unit");
            return null;
        }
        return Money.currency(code);
    }

    private WooCommerceStatus status() {
        String name = read.text(order.get("status"), "status");
        if (name == null) {
            return null;
        }
        return WooCommerceStatus.named(name).orElseGet(() -> {
            read.refuse("status", WooCommerceStatus.RULE);
            return null;
        });
    }

    /**
     * A cancelled order is {@code order.cancelled} whatever the topic, as the contract ties the two; WooCommerce's
     * {@code order.restored} (out of the bin) and {@code order.updated} are both updates.
     */
    private String type(WooCommerceStatus status) {
        if (status.isCancelled()) {
            return "order.cancelled";
        }
        return topic.equals("order.created") ? "order.created" : "order.updated";
    }

    /**
     * When the order was last changed: what orders its deliveries, as WooCommerce sends none in sequence. It has
     * whole seconds only, so two changes within one second carry the same version and the later is taken as stale.
     */
    private Instant modifiedAt() {
        String text = read.text(order.get("date_modified_gmt"), "date_modified_gmt");
        if (text == null) {
            return null;
        }
        if (!GMT_DATE.matcher(text).matches()) {
            read.refuse("date_modified_gmt", GMT_DATE_RULE);
            return null;
        }
        Instant at;
        try {
            at = LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            read.refuse("date_modified_gmt", GMT_DATE_RULE);
            return null;
        }
        if (!at.isAfter(Instant.EPOCH)) {
            read.refuse("date_modified_gmt", "must be after 1970-01-01T00:00:00");
            return null;
        }
        return at;
    }

    private List<Item> items(Currency currency) {
        JsonNode lines = read.array(order.get("line_items"), "line_items");
        if (lines == null) {
            return null;
        }
        if (lines.size() < Order.MIN_ITEMS || lines.size() > Order.MAX_ITEMS) {
            read.refuse("line_items", Order.ITEMS_RULE);
            return null;
        }
        List<Item> items = new ArrayList<>();
        boolean complete = true;
        for (int i = 0; i < lines.size() && !read.isFull(); i++) {
            String field = "line_items[" + i + "]";
            JsonNode line = read.object(lines.get(i), field);
            if (line != null) {
                BigInteger quantity = read.integer(
                        line.get("quantity"),
                        field + ".quantity",
                        BigInteger.valueOf(LineItem.MIN_QUANTITY),
                        BigInteger.valueOf(LineItem.MAX_QUANTITY),
                        LineItem.QUANTITY_RULE);
                String sku = sku(line, field);
                BigDecimal subtotal = read.amount(line.get("subtotal"), field + ".subtotal", currency, false);
                if (quantity != null && sku != null && subtotal != null && currency != null) {
                    items.addAll(priced(sku, quantity.longValueExact(), subtotal, currency));
                } else {
                    complete = false;
                }
            } else {
                complete = false;
            }
        }
        return complete ? items : null;
    }

    /**
     * The line's SKU; a product without one (WooCommerce's {@code ""}) or deleted since ({@code null}) is named by
     * its variation, else by its product, so the line still says what it was a quantity of.
     */
    private String sku(JsonNode line, String field) {
        JsonNode sku = line.get("sku");
        if (!FieldReader.isAbsent(sku)) {
            if (!sku.isTextual()) {
                read.refuse(field + ".sku", "must be a JSON string or null");
                return null;
            }
            String text = sku.textValue();
            if (!text.isBlank()) {
                if (!Sku.isValid(text)) {
                    read.refuse(field + ".sku", Sku.RULE);
                    return null;
                }
                return text;
            }
        }
        BigInteger variation = read.integer(
                line.get("variation_id"), field + ".variation_id", BigInteger.ZERO, LARGEST_ID, NON_NEGATIVE_ID_RULE);
        if (variation == null) {
            return null;
        }
        if (variation.signum() > 0) {
            return "variation:" + variation;
        }
        BigInteger product = read.integer(
                line.get("product_id"), field + ".product_id", BigInteger.ZERO, LARGEST_ID, NON_NEGATIVE_ID_RULE);
        return product == null ? null : "product:" + product;
    }

    /**
     * The line at its unit price before discounts: its {@code subtotal} over its quantity (never WooCommerce's
     * {@code price}: a float, and after discounts). A subtotal that does not divide evenly in the currency's minor
     * unit (a tax-inclusive shop's 25.00 / 1.2 = 20.83 for 3 units) is written as two lines of the same SKU, the
     * units at the price rounded down and one unit carrying the remainder (2 x 6.94 + 1 x 6.95), so the line's
     * quantity and subtotal stay exactly as sent rather than the order being refused.
     */
    private static List<Item> priced(String sku, long quantity, BigDecimal subtotal, Currency currency) {
        BigDecimal count = BigDecimal.valueOf(quantity);
        BigDecimal unitPrice = subtotal.divide(count, currency.getDefaultFractionDigits(), RoundingMode.DOWN);
        if (unitPrice.multiply(count).compareTo(subtotal) == 0) {
            return List.of(new Item(sku, quantity, unitPrice));
        }
        BigDecimal last = subtotal.subtract(unitPrice.multiply(BigDecimal.valueOf(quantity - 1)));
        return List.of(new Item(sku, quantity - 1, unitPrice), new Item(sku, 1, last));
    }

    /**
     * The order's amounts as the contract splits them. A negative fee line is how WooCommerce records a discount
     * given by hand, so it counts as one; the positive ones are fees.
     */
    private Amounts amounts(Currency currency) {
        BigDecimal discountTotal = read.amount(order.get("discount_total"), "discount_total", currency, false);
        BigDecimal shipping = read.amount(order.get("shipping_total"), "shipping_total", currency, false);
        BigDecimal tax = read.amount(order.get("total_tax"), "total_tax", currency, false);
        BigDecimal total = read.amount(order.get("total"), "total", currency, false);
        JsonNode feeLines = read.array(order.get("fee_lines"), "fee_lines");
        if (feeLines == null) {
            return null;
        }
        BigDecimal fees = BigDecimal.ZERO;
        BigDecimal feeDiscounts = BigDecimal.ZERO;
        boolean feesRead = true;
        for (int i = 0; i < feeLines.size() && !read.isFull(); i++) {
            String field = "fee_lines[" + i + "]";
            JsonNode fee = read.object(feeLines.get(i), field);
            BigDecimal amount = fee == null ? null : read.amount(fee.get("total"), field + ".total", currency, true);
            if (amount == null) {
                feesRead = false;
            } else if (amount.signum() < 0) {
                feeDiscounts = feeDiscounts.add(amount.negate());
            } else {
                fees = fees.add(amount);
            }
        }
        if (discountTotal == null || shipping == null || tax == null || total == null || !feesRead) {
            return null;
        }
        return new Amounts(discountTotal.add(feeDiscounts), shipping, fees, tax, total);
    }

    private static String plain(BigDecimal amount, int digits) {
        return amount.setScale(digits, RoundingMode.UNNECESSARY).toPlainString();
    }
}
