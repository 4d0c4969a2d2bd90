/**
 * The Azure wire format, shared by both sides: {@link com.webhookbuffer.adapter.azure.message.StorageQueue} (a queue
 * with its poison queue and its container of large bodies) and
 * {@link com.webhookbuffer.adapter.azure.message.AzureMessages} (the envelope as a message's JSON text, a body over
 * 48 KiB kept as a blob: the claim-check pattern). The driving side reads with it what the host delivers; the
 * driven side writes with it.
 *
 * <p>May depend on the domain's queue model, the Azure Storage SDK and jackson-core; on no other adapter package.
 */
package com.webhookbuffer.adapter.azure.message;
