package com.webhookbuffer.bootstrap.local.command;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The contract's sample webhook body, for the banner's curl example, {@code ./run-local send} and
 * {@code ./run-local load}.
 */
public final class SampleOrder {

    private SampleOrder() {}

    /** The order as it is first placed. */
    public static String json(String orderId, long version, Instant timestamp) {
        return json("order.created", "placed", orderId, version, timestamp);
    }

    /** A later version of the same order: paid. */
    public static String paid(String orderId, long version, Instant timestamp) {
        return json("order.updated", "paid", orderId, version, timestamp);
    }

    private static String json(String type, String status, String orderId, long version, Instant timestamp) {
        return "{\"type\":\"" + type + "\",\"timestamp\":\"" + timestamp.truncatedTo(ChronoUnit.SECONDS)
                + "\",\"data\":{\"orderId\":\"" + orderId + "\",\"version\":" + version
                + ",\"customerId\":\"cus_42\",\"status\":\"" + status + "\",\"currency\":\"EUR\",\"items\":[{\"sku\":"
                + "\"SKU-1\",\"quantity\":2,\"unitPrice\":\"19.99\"}],\"total\":\"39.98\"}}";
    }
}
