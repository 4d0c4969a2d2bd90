/**
 * The AWS adapters that are called (driven): the queue ports on Amazon SQS through the AWS SDK for Java v2, one class
 * per port so each side builds only what it uses: {@link com.webhookbuffer.adapter.aws.out.SqsMessageQueue}
 * ({@code MessageQueue}: the ingest function publishes), {@link com.webhookbuffer.adapter.aws.out.SqsFailedDeliveries}
 * ({@code FailedDeliveries}: the worker retries later or dead-letters) and
 * {@link com.webhookbuffer.adapter.aws.out.SqsDeadLetterQueue} ({@code DeadLetterQueue}: an operator lists and
 * redrives). They translate and wrap {@code SdkException}; they decide nothing.
 *
 * <p>May depend on the domain's outbound ports and model, the AWS SDK and SLF4J; never on the driving side
 * ({@code adapter.aws.in}), another adapter or the application.
 */
package com.webhookbuffer.adapter.aws.out;
