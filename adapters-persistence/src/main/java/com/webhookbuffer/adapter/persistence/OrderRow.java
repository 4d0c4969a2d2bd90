package com.webhookbuffer.adapter.persistence;

import java.math.BigDecimal;
import java.time.Instant;

/** One order row. */
record OrderRow(String orderId, long version, String status, String customerId, String currency, BigDecimal total,
        Instant updatedAt) {
}
