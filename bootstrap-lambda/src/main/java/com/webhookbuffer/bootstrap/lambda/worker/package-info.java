/**
 * The worker function and the deploy-time functions (the concurrency check and the database setup): {@link com.webhookbuffer.bootstrap.lambda.worker.WorkerWiring}
 * assembles SQS event → {@code ProcessWebhookBatch} → PostgreSQL once per execution environment, with the database
 * login that rotates ({@code RotatingLogin}), the pool that survives a SnapStart restore ({@code RestorableDataSource})
 * and TLS against the RDS certificates ({@code DatabaseTls}); {@code WorkerFunction}, {@code ConcurrencyCheckFunction} and
 * {@code DatabaseSetupFunction} are the handler classes the SAM template names. Only in the worker jar.
 *
 * <p>May depend on the shared {@code bootstrap.lambda} package and every module; never on
 * {@code bootstrap.lambda.ingest} (an architecture rule holds it).
 */
package com.webhookbuffer.bootstrap.lambda.worker;
