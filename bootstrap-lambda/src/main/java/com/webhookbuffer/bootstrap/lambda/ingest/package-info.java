/**
 * The ingest function: {@link com.webhookbuffer.bootstrap.lambda.ingest.IngestWiring} assembles API Gateway →
 * {@code AcceptWebhook} → SQS once per execution environment; {@code IngestFunction} (HTTP API) and
 * {@code IngestRestFunction} (REST API) are the handler classes the SAM template names. Only in the ingest jar.
 *
 * <p>May depend on the shared {@code bootstrap.lambda} package and every module but the persistence adapter; never on
 * {@code bootstrap.lambda.worker} (an architecture rule holds it).
 */
package com.webhookbuffer.bootstrap.lambda.ingest;
