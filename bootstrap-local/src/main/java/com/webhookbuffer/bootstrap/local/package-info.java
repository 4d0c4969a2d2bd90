/**
 * The local stack: the whole pipeline on one machine ({@code ./run-local}), and the operator commands
 * ({@code send}, {@code load}, {@code dlq list}, {@code dlq redrive}). It runs the very handlers the Lambdas run
 * ({@code ApiGatewayWebhookHandler} through the ingest function's own wiring, {@code SqsBatchHandler}), behind an
 * HTTP server in the place of API Gateway and an {@link com.webhookbuffer.bootstrap.local.EventSourcePoller} in the
 * place of the SQS event source mapping, with ElasticMQ and an embedded PostgreSQL in the place of SQS and RDS.
 *
 * <p>An outermost layer like {@code bootstrap-lambda}, on which it depends for the shared wiring and settings
 * readers: may depend on every module; nothing depends on it.
 */
package com.webhookbuffer.bootstrap.local;
