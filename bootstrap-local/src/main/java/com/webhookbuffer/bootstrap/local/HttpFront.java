package com.webhookbuffer.bootstrap.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.webhookbuffer.adapter.aws.ApiGatewayWebhookHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local stack's API Gateway: {@code POST /webhooks} turned into the HTTP API's payload-2.0 event and handed to
 * the ingest function's own {@link ApiGatewayWebhookHandler}; {@code GET /health} and {@code GET /status} for
 * whoever watches the stack. A request body is read up to API Gateway's 10 MB limit and refused beyond it, as API
 * Gateway would; everything smaller goes to the handler, which applies {@code MAX_BODY_BYTES} itself.
 */
final class HttpFront implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpFront.class);
    static final String WEBHOOKS_PATH = "/webhooks";
    /** API Gateway's own payload limit. */
    static final int GATEWAY_MAX_BODY_BYTES = 10 * 1024 * 1024;

    private final HttpServer server;
    private final ExecutorService executor;

    private HttpFront(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * @param accepting whether webhooks are taken now (false before the stack is ready and while it stops)
     * @param status    the {@code /status} document, as JSON text
     * @param onAccepted told of every webhook answered 202
     */
    static HttpFront start(int port, ApiGatewayWebhookHandler ingest, BooleanSupplier accepting,
            Supplier<String> status, Runnable onAccepted) throws IOException {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (BindException e) {
            throw new IllegalStateException("the HTTP server cannot listen on port " + port + " ("
                    + LocalSettings.HTTP_PORT + "): " + e.getMessage() + "; is another stack running?", e);
        }
        // Each request waits for SQS to acknowledge; a virtual thread per request keeps that wait cheap.
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext(WEBHOOKS_PATH, exchange -> respond(exchange, () -> {
            if (!exchange.getRequestMethod().equals("POST")) {
                return methodNotAllowed("POST");
            }
            if (!accepting.getAsBoolean()) {
                return unavailable();
            }
            byte[] body = readBody(exchange.getRequestBody());
            if (body == null) {
                return problem(413, "payload-too-large", "Payload too large",
                        "the body is over API Gateway's limit of " + GATEWAY_MAX_BODY_BYTES + " bytes");
            }
            APIGatewayV2HTTPResponse response = ingest.handle(event(exchange, body));
            if (response.getStatusCode() == 202) {
                onAccepted.run();
            }
            return new Answer(response.getStatusCode(), response.getHeaders(),
                    response.getBody() == null ? "" : response.getBody());
        }));
        server.createContext("/health", exchange -> respond(exchange, () -> {
            if (!exchange.getRequestMethod().equals("GET")) {
                return methodNotAllowed("GET");
            }
            boolean ready = accepting.getAsBoolean();
            return json(ready ? 200 : 503, "{\"status\":\"" + (ready ? "ready" : "unavailable") + "\"}");
        }));
        server.createContext("/status", exchange -> respond(exchange, () -> exchange.getRequestMethod().equals("GET")
                ? json(200, status.get())
                : methodNotAllowed("GET")));
        server.createContext("/", exchange -> respond(exchange, () -> problem(404, "not-found", "Not found",
                "this server answers POST " + WEBHOOKS_PATH + ", GET /health and GET /status")));
        server.start();
        return new HttpFront(server, executor);
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** What API Gateway would hand the ingest function: headers in lower case, the body base64 so no byte changes. */
    static APIGatewayV2HTTPEvent event(HttpExchange exchange, byte[] body) {
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        String requestId = UUID.randomUUID().toString();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("POST " + WEBHOOKS_PATH)
                .withRawPath(exchange.getRequestURI().getRawPath())
                .withRawQueryString(exchange.getRequestURI().getRawQuery() == null
                        ? "" : exchange.getRequestURI().getRawQuery())
                .withHeaders(headers)
                .withBody(Base64.getEncoder().encodeToString(body))
                .withIsBase64Encoded(true)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId(requestId)
                        .withTimeEpoch(Instant.now().toEpochMilli())
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod("POST")
                                .withPath(exchange.getRequestURI().getRawPath())
                                .withSourceIp(exchange.getRemoteAddress().getAddress().getHostAddress())
                                .build())
                        .build())
                .build();
    }

    /** The body, or null when it is over API Gateway's limit. */
    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(GATEWAY_MAX_BODY_BYTES + 1);
        return body.length > GATEWAY_MAX_BODY_BYTES ? null : body;
    }

    private record Answer(int status, Map<String, String> headers, String body) {
    }

    private interface Route {
        Answer answer() throws IOException;
    }

    private static void respond(HttpExchange exchange, Route route) {
        try (exchange) {
            Answer answer;
            try {
                answer = route.answer();
            } catch (RuntimeException e) {
                LOG.error("{} {} failed: {}", exchange.getRequestMethod(), exchange.getRequestURI(), e.toString(), e);
                answer = problem(500, "internal-error", "Internal error", "the local stack failed on this request");
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            if (answer.headers() != null) {
                answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            }
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (IOException e) {
            LOG.debug("client went away during {} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI(),
                    e.getMessage());
        }
    }

    private static Answer json(int status, String body) {
        return new Answer(status, Map.of("Content-Type", "application/json"), body);
    }

    private static Answer methodNotAllowed(String allowed) {
        Answer problem = problem(405, "method-not-allowed", "Method not allowed", "use " + allowed);
        return new Answer(405, Map.of("Content-Type", "application/problem+json", "Allow", allowed), problem.body());
    }

    private static Answer unavailable() {
        Answer problem = problem(503, "unavailable", "Service unavailable",
                "the local stack is starting or stopping; send again shortly");
        return new Answer(503, Map.of("Content-Type", "application/problem+json", "Retry-After", "5"),
                problem.body());
    }

    /** The same problem-details shape and type names as the ingest function's answers. */
    private static Answer problem(int status, String type, String title, String detail) {
        String body = "{\"type\":\"urn:webhook-buffer:problem:" + type + "\",\"title\":\"" + title
                + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}";
        return new Answer(status, Map.of("Content-Type", "application/problem+json"), body);
    }

    /** Stops taking connections, giving exchanges under way a moment to finish. */
    @Override
    public void close() {
        server.stop(1);
        executor.close();
    }
}
