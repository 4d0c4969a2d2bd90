/** Webhooks as they arrive (signed, raw) and as they wait in the queue (accepted, with their metadata). */
package com.webhookbuffer.domain.webhook;
