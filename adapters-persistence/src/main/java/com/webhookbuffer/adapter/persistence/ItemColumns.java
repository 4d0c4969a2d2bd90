package com.webhookbuffer.adapter.persistence;

import java.math.BigDecimal;

/** Line items to insert, column by column. */
record ItemColumns(String[] orderIds, Integer[] lineNos, String[] skus, Integer[] quantities, BigDecimal[] unitPrices) {
}
