/**
 * WooCommerce's order webhooks read into this service's order contract: {@code WooCommerceOrders} takes the REST v3
 * order a WooCommerce webhook delivers and writes the contract's body, or says which of WooCommerce's fields break
 * which rule. The protocol side (signature, delivery id, topic, ping) is {@code WooCommerceProtocol} in the
 * application.
 *
 * <p>May depend on Jackson, the application's ports ({@code PayloadTranslator}, {@code Translation}) and the domain
 * (its rules and their wording); never on another adapter.
 */
package com.webhookbuffer.adapter.json.woocommerce;
