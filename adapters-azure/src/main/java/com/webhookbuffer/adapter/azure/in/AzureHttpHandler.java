package com.webhookbuffer.adapter.azure.in;

import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatusType;
import com.webhookbuffer.adapter.http.in.HttpAnswer;
import com.webhookbuffer.adapter.http.in.HttpWebhookEndpoint;
import com.webhookbuffer.domain.port.in.WebhookInbox;
import java.util.Optional;

/**
 * An Azure Functions HTTP request (the body bound as bytes, {@code dataType = "binary"}) to the
 * {@link HttpWebhookEndpoint}, and its {@link HttpAnswer} back as the function's response: the same answers as the
 * API Gateway door gives. The correlation id is the function's invocation id.
 */
public final class AzureHttpHandler {

    private final HttpWebhookEndpoint endpoint;

    public AzureHttpHandler(WebhookInbox inbox) {
        this.endpoint = new HttpWebhookEndpoint(inbox);
    }

    /** A request to {@code POST /webhooks}: the default source's. */
    public HttpResponseMessage handle(HttpRequestMessage<Optional<byte[]>> request, String invocationId) {
        return handle(request, null, invocationId);
    }

    /**
     * @param source the route's {@code {source}} ({@code webhooks/{source?}}), or null for {@code POST /webhooks}
     */
    public HttpResponseMessage handle(
            HttpRequestMessage<Optional<byte[]>> request, String source, String invocationId) {
        Optional<byte[]> body = request.getBody() == null ? Optional.empty() : request.getBody();
        HttpAnswer answer = endpoint.answer(source, request.getHeaders(), body.orElse(new byte[0]), invocationId);
        HttpResponseMessage.Builder response = request.createResponseBuilder(HttpStatusType.custom(answer.status()));
        answer.headers().forEach(response::header);
        return response.body(answer.body()).build();
    }
}
