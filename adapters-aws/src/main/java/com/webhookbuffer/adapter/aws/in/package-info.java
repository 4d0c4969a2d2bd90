/**
 * The AWS adapters that call in (driving): {@link com.webhookbuffer.adapter.aws.in.ApiGatewayWebhookHandler} (an API
 * Gateway request in, the {@code WebhookInbox}'s answer out as HTTP) and
 * {@link com.webhookbuffer.adapter.aws.in.SqsBatchHandler} (an SQS event in, the {@code WebhookProcessor}'s report
 * out as batch item failures). They translate between Lambda's event shapes and the domain and decide nothing.
 *
 * <p>May depend on the domain's inbound ports and model, aws-lambda-java-events, jackson-core and SLF4J; never on the
 * driven side ({@code adapter.aws.out}), another adapter or the application. What plays the event source and API
 * Gateway on one machine is in {@code host-standins}.
 */
package com.webhookbuffer.adapter.aws.in;
