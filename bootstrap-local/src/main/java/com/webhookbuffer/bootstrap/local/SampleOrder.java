package com.webhookbuffer.bootstrap.local;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The contract's sample webhook body, for the banner's curl example and {@code ./run-local send}. */
final class SampleOrder {

    private SampleOrder() {
    }

    static String json(String orderId, long version, Instant timestamp) {
        return "{\"type\":\"order.created\",\"timestamp\":\"" + timestamp.truncatedTo(ChronoUnit.SECONDS)
                + "\",\"data\":{\"orderId\":\"" + orderId + "\",\"version\":" + version
                + ",\"customerId\":\"cus_42\",\"status\":\"placed\",\"currency\":\"EUR\",\"items\":[{\"sku\":\"SKU-1\","
                + "\"quantity\":2,\"unitPrice\":\"19.99\"}],\"total\":\"39.98\"}}";
    }
}
