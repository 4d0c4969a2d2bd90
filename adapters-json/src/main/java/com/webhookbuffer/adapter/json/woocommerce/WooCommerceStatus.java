package com.webhookbuffer.adapter.json.woocommerce;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * WooCommerce's order statuses (REST v3 {@code status}) and the contract's status each one means. Plugins add
 * statuses of their own; those mean nothing known here, so an order in one is refused rather than guessed at.
 */
enum WooCommerceStatus {
    PENDING("pending", "placed"),
    ON_HOLD("on-hold", "placed"),
    // A failed payment leaves the order placed and unpaid; the customer may still pay it.
    FAILED("failed", "placed"),
    PROCESSING("processing", "paid"),
    COMPLETED("completed", "shipped"),
    REFUNDED("refunded", "refunded"),
    CANCELLED("cancelled", "cancelled"),
    // An order moved to the bin is gone for the shop; it is stored as cancelled, not forgotten.
    TRASH("trash", "cancelled");

    static final String RULE = "must be one of: "
            + Arrays.stream(values()).map(status -> status.wooCommerceName).collect(Collectors.joining(", "));

    private final String wooCommerceName;
    private final String contractName;

    WooCommerceStatus(String wooCommerceName, String contractName) {
        this.wooCommerceName = wooCommerceName;
        this.contractName = contractName;
    }

    static Optional<WooCommerceStatus> named(String name) {
        return Arrays.stream(values())
                .filter(status -> status.wooCommerceName.equals(name))
                .findFirst();
    }

    String contractName() {
        return contractName;
    }

    boolean isCancelled() {
        return contractName.equals("cancelled");
    }
}
