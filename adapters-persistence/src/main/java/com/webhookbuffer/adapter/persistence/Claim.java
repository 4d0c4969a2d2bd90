package com.webhookbuffer.adapter.persistence;

/**
 * A webhook id this transaction claimed, with the stored version of its order (locked), or null for an order not
 * stored yet.
 */
record Claim(String webhookId, String orderId, Long storedVersion) {
}
