package com.webhookbuffer.adapter.persistence;

import java.math.BigDecimal;

/**
 * What a batch stores, column by column (arrays at the same index belong together): the winning version of each
 * order, its line items, and the webhooks to mark written if their order's winner is applied.
 */
record Winners(
        String[] orderIds, Long[] versions, String[] statuses, String[] customerIds, String[] currencies,
        BigDecimal[] totals, String[] updatedAts, String[] eventTypes, String[] webhookIds, Integer[] itemCounts,
        String[] itemOrderIds, Integer[] lineNos, String[] skus, Integer[] quantities, BigDecimal[] unitPrices,
        String[] writtenWebhookIds) {
}
