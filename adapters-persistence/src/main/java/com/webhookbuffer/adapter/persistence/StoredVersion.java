package com.webhookbuffer.adapter.persistence;

/** An order's stored version, as locked before a batch decides what it replaces. */
record StoredVersion(String orderId, long version) {
}
