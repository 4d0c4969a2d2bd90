/** The worker side: processing a batch of queued webhooks into the order store, settling each delivery. */
package com.webhookbuffer.application.worker;
