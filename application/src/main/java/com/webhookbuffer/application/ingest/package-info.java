/** The ingest side: checking a webhook request (size, media type, signature, payload) and queueing it. */
package com.webhookbuffer.application.ingest;
