package com.webhookbuffer.standin.azure;

import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.HttpStatusType;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP request as the Functions host hands it to a Java function (the library's interfaces, which the host
 * implements), for hosts that play it (the local stack, tests): headers with lower-case names, the body as bytes,
 * and a response builder whose responses keep their headers.
 */
public record FunctionsHttpRequest(Map<String, String> headers, byte[] body)
        implements HttpRequestMessage<Optional<byte[]>> {

    @Override
    public URI getUri() {
        return URI.create("http://127.0.0.1/api/webhooks");
    }

    @Override
    public HttpMethod getHttpMethod() {
        return HttpMethod.POST;
    }

    @Override
    public Map<String, String> getHeaders() {
        Map<String, String> lowerCase = new LinkedHashMap<>();
        headers.forEach((name, value) -> lowerCase.put(name.toLowerCase(Locale.ROOT), value));
        return lowerCase;
    }

    @Override
    public Map<String, String> getQueryParameters() {
        return Map.of();
    }

    @Override
    public Optional<byte[]> getBody() {
        return Optional.ofNullable(body);
    }

    @Override
    public HttpResponseMessage.Builder createResponseBuilder(HttpStatus status) {
        return createResponseBuilder((HttpStatusType) status);
    }

    @Override
    public HttpResponseMessage.Builder createResponseBuilder(HttpStatusType status) {
        return new Response.Builder(status);
    }

    /** The response the function returned. */
    public record Response(HttpStatusType getStatus, Map<String, String> headers, Object getBody)
            implements HttpResponseMessage {

        @Override
        public String getHeader(String name) {
            return headers.get(name);
        }

        static final class Builder implements HttpResponseMessage.Builder {
            private HttpStatusType status;
            private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            private Object body;

            Builder(HttpStatusType status) {
                this.status = status;
            }

            @Override
            public HttpResponseMessage.Builder status(HttpStatusType status) {
                this.status = status;
                return this;
            }

            @Override
            public HttpResponseMessage.Builder header(String name, String value) {
                headers.put(name, value);
                return this;
            }

            @Override
            public HttpResponseMessage.Builder body(Object body) {
                this.body = body;
                return this;
            }

            @Override
            public HttpResponseMessage build() {
                return new Response(status, headers, body);
            }
        }
    }
}
