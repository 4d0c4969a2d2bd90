/**
 * The AWS adapters: {@link com.webhookbuffer.adapter.aws.SqsMessageQueue} (the {@code MessageQueue} port on SQS
 * through the AWS SDK for Java v2), {@link com.webhookbuffer.adapter.aws.ApiGatewayWebhookHandler} (API Gateway in,
 * HTTP answer out) and {@link com.webhookbuffer.adapter.aws.SqsBatchHandler} (SQS event in, batch item failures
 * out). They translate between AWS shapes and the domain and decide nothing.
 *
 * <p>May depend on the domain, the AWS SDK, aws-lambda-java-events, jackson-core and SLF4J; never on another adapter or the application.
 */
package com.webhookbuffer.adapter.aws;
