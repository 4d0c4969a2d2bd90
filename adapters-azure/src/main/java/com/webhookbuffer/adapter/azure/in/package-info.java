/**
 * The Azure adapters that call in (driving), for Azure Functions: {@link com.webhookbuffer.adapter.azure.in.AzureHttpHandler}
 * (an HTTP-triggered request through the shared HTTP contract to the {@code WebhookInbox}) and
 * {@link com.webhookbuffer.adapter.azure.in.AzureQueueHandler} (a queue-triggered message to the
 * {@code WebhookProcessor}, its settlement back as the Functions host understands it).
 *
 * <p>May depend on the domain's inbound ports and model, the Azure Functions Java library, the shared HTTP contract
 * ({@code adapter.http.in}) and the Azure message format ({@code adapter.azure.message}); never on the driven side.
 */
package com.webhookbuffer.adapter.azure.in;
