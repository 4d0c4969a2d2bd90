package com.webhookbuffer.application.payload;

import com.webhookbuffer.domain.order.Identifiers;
import com.webhookbuffer.domain.order.Order;
import com.webhookbuffer.domain.order.OrderVersion;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The {@code data} object of a webhook body: the order at its new version. {@code discounts}, {@code shipping},
 * {@code fees} and {@code tax} are optional (absent is zero), as is {@code taxIncluded} (absent is false).
 */
@ConsistentAmounts
public record OrderPayload(
        @NotNull(message = "is required") @Pattern(regexp = Identifiers.REGEX, message = Identifiers.RULE)
        String orderId,

        @NotNull(message = "is required") @Min(value = OrderVersion.MIN, message = OrderVersion.RULE)
        Long version,

        @NotNull(message = "is required") @Pattern(regexp = Identifiers.REGEX, message = Identifiers.RULE)
        String customerId,

        @NotNull(message = "is required") @WireName(of = WireName.Kind.ORDER_STATUS)
        String status,

        @NotNull(message = "is required") @CurrencyCode String currency,

        // Each item is checked by PayloadReader, one at a time, so checking can stop once enough are found.
        @NotNull(message = "is required")
        @Size(min = Order.MIN_ITEMS, max = Order.MAX_ITEMS, message = Order.ITEMS_RULE)
        List<LineItemPayload> items,

        // Absent means none: a sender without discounts, shipping, fees or tax sends only the lines and the total.
        @DecimalAmount String discounts,

        @DecimalAmount String shipping,

        @DecimalAmount String fees,

        @DecimalAmount String tax,

        Boolean taxIncluded,

        @NotNull(message = "is required") @DecimalAmount String total) {

    /** An order whose total is the sum of its lines: no discounts, shipping, fees or tax. */
    public OrderPayload(
            String orderId,
            Long version,
            String customerId,
            String status,
            String currency,
            List<LineItemPayload> items,
            String total) {
        this(orderId, version, customerId, status, currency, items, null, null, null, null, null, total);
    }
}
