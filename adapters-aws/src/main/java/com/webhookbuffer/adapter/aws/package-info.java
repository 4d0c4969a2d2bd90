/**
 * The AWS adapters: {@link com.webhookbuffer.adapter.aws.SqsMessageQueue} (the {@code MessageQueue} port on SQS
 * through the AWS SDK for Java v2). They translate between AWS shapes and the domain and decide nothing.
 *
 * <p>May depend on the domain, the AWS SDK and SLF4J; never on another adapter or the application.
 */
package com.webhookbuffer.adapter.aws;
