package com.webhookbuffer.adapter.persistence;

/**
 * A webhook id (of a source) this transaction claimed, with the stored version of its order (locked), or null for an
 * order not stored yet.
 */
record Claim(String source, String webhookId, String orderId, Long storedVersion) {

    OrderKey order() {
        return new OrderKey(source, orderId);
    }
}
