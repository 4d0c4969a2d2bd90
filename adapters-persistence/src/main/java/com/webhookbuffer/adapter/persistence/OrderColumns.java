package com.webhookbuffer.adapter.persistence;

import java.math.BigDecimal;

/** Orders to upsert, column by column (the arrays are parallel: index i of each is order i). */
record OrderColumns(String[] orderIds, Long[] versions, String[] statuses, String[] customerIds, String[] currencies,
        BigDecimal[] totals, String[] updatedAts, String[] eventTypes, String[] webhookIds) {
}
