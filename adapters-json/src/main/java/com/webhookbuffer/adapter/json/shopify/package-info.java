/**
 * Shopify's order webhooks ({@code orders/create}, {@code orders/updated}, ...) translated into this service's order
 * contract: the {@code PayloadTranslator} port for Shopify sources. It reads Shopify's JSON and decides only how its
 * fields map; whether the result is an order the service accepts is the contract's rules' business.
 *
 * <p>May depend on the application's ports, the domain and Jackson; never on another adapter.
 */
package com.webhookbuffer.adapter.json.shopify;
