/**
 * The Azure adapters that are called (driven): the queue ports on Azure Storage Queues, one class per port:
 * {@link com.webhookbuffer.adapter.azure.out.AzureMessageQueue} ({@code MessageQueue}),
 * {@link com.webhookbuffer.adapter.azure.out.AzureFailedDeliveries} ({@code FailedDeliveries}: {@code updateMessage}
 * for a backoff, the poison queue for a dead letter) and {@link com.webhookbuffer.adapter.azure.out.AzureDeadLetterQueue}
 * ({@code DeadLetterQueue}: the poison queue, read and redriven). They translate and wrap the SDK's exceptions.
 *
 * <p>May depend on the domain's outbound ports and model, the Azure Storage SDK, the Azure message format
 * ({@code adapter.azure.message}) and SLF4J; never on the driving side.
 */
package com.webhookbuffer.adapter.azure.out;
