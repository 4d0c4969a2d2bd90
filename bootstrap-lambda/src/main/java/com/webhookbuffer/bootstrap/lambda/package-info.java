/**
 * The Lambda bootstrap: {@link com.webhookbuffer.bootstrap.lambda.Wiring} assembles the hexagon from environment
 * variables, once per execution environment; {@code IngestFunction}, {@code IngestRestFunction} and
 * {@code WorkerFunction} are the handler classes the SAM template names.
 *
 * <p>The outermost layer: may depend on every module. Only the local stack ({@code bootstrap-local}) depends on it,
 * to run the same ingest wiring and read the same environment variables the same way.
 */
package com.webhookbuffer.bootstrap.lambda;
