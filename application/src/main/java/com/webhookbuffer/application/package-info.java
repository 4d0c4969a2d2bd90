/**
 * The use cases: one class per inbound port ({@code AcceptWebhook} behind {@code WebhookInbox},
 * {@code ProcessWebhookBatch} behind {@code WebhookProcessor}), using the outbound ports.
 *
 * <p>May depend on the domain, {@code java.*}, {@code javax.crypto} (HMAC) and the Jakarta Validation API; never on
 * an adapter, a cloud SDK or a JSON library (the body is parsed behind {@code PayloadParser}).
 */
package com.webhookbuffer.application;
