/**
 * The Lambda bootstrap, one package per function: {@code ingest} ({@code IngestFunction}, {@code IngestRestFunction}
 * and their {@code IngestWiring}) and {@code worker} ({@code WorkerFunction}, the deploy-time
 * {@code DatabaseSetupFunction} and their {@code WorkerWiring}), each cut into its own deployment jar by package.
 * This package holds what both read: {@link com.webhookbuffer.bootstrap.lambda.Wiring} (the environment variables,
 * the AWS clients, the payload reader), {@link com.webhookbuffer.bootstrap.pipeline.EnvironmentVariables}, the log
 * encoder and the payload priming.
 *
 * <p>The outermost layer: may depend on every module. Only the local stack ({@code bootstrap-local}) depends on it,
 * to assemble both sides with the same compositions and read the same environment variables the same way.
 */
package com.webhookbuffer.bootstrap.lambda;
