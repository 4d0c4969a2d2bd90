package com.webhookbuffer.application.payload;

import com.webhookbuffer.domain.order.LineItem;
import com.webhookbuffer.domain.order.Sku;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** One element of {@code data.items}. */
public record LineItemPayload(
        @NotNull(message = "is required") @Pattern(regexp = Sku.REGEX, message = Sku.RULE)
        String sku,

        @NotNull(message = "is required")
        @Min(value = LineItem.MIN_QUANTITY, message = LineItem.QUANTITY_RULE)
        @Max(value = LineItem.MAX_QUANTITY, message = LineItem.QUANTITY_RULE)
        Integer quantity,

        @NotNull(message = "is required") @DecimalAmount String unitPrice) {}
