/**
 * The cloud the local stack plays ({@code LocalCloud}, chosen by {@code CLOUD}): AWS ({@code LocalAws}: the SQS
 * queues the SAM template makes, the ingest function's handler behind API Gateway's events, the SQS event source)
 * or Azure ({@code LocalAzure}: Azurite's queues, the Functions host's HTTP and queue triggers), each wired with the
 * functions' own wiring; and the queues the {@code dlq} commands work on ({@code OperatorQueues}).
 *
 * <p>Depends on {@code parts}, the bootstraps of the two clouds and the host stand-ins.
 */
package com.webhookbuffer.bootstrap.local.cloud;
