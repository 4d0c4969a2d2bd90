package com.webhookbuffer.adapter.persistence;

import java.math.BigDecimal;

/** One line item row. */
record ItemRow(int lineNo, String sku, int quantity, BigDecimal unitPrice) {}
