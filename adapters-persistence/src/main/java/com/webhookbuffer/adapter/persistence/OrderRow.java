package com.webhookbuffer.adapter.persistence;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * One order row. {@code updated_at} is read as an {@link OffsetDateTime}, which pgjdbc converts in the proleptic
 * Gregorian calendar as PostgreSQL stores it; read as an {@code Instant} through {@code java.sql.Timestamp}, a
 * date before 1582 came back days off (year 1 as 0000-12-30).
 */
record OrderRow(
        String orderId,
        long version,
        String status,
        String customerId,
        String currency,
        BigDecimal discounts,
        BigDecimal shipping,
        BigDecimal fees,
        BigDecimal tax,
        boolean taxIncluded,
        BigDecimal total,
        OffsetDateTime updatedAt) {}
