/**
 * The webhook door's HTTP contract, shared by every HTTP driving adapter (API Gateway in {@code adapter.aws.in},
 * Azure Functions in {@code adapter.azure.in}): {@link com.webhookbuffer.adapter.http.in.HttpWebhookEndpoint} takes
 * headers and body bytes to the {@code WebhookInbox} and its outcome to an
 * {@link com.webhookbuffer.adapter.http.in.HttpAnswer} (a status, headers and an RFC 9457 problem), so a sender sees
 * the same answers on every cloud.
 *
 * <p>May depend on the domain, jackson-core (streaming, for the answer's JSON) and SLF4J; never on a platform's types,
 * another adapter or the application.
 */
package com.webhookbuffer.adapter.http.in;
