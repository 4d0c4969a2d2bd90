package com.webhookbuffer.bootstrap.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Secrets Manager's {@code GetSecretValue}, and nothing else, over its real wire protocol (AWS JSON 1.1 on
 * loopback): what the SDK's client sends when {@code AWS_ENDPOINT_URL_SECRETS_MANAGER} points here. A test sets
 * and rotates secret values; every read is counted.
 */
public final class StandInSecretsManager implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, String> values = new ConcurrentHashMap<>();
    private final AtomicInteger reads = new AtomicInteger();
    private volatile boolean failing;

    public StandInSecretsManager() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Sets (or rotates) a secret's value; returns its ARN. */
    public String put(String name, String value) {
        String arn = "arn:aws:secretsmanager:us-east-1:000000000000:secret:" + name;
        values.put(arn, value);
        return arn;
    }

    public int reads() {
        return reads.get();
    }

    /** While failing, every read is answered 500, as an unavailable service would. */
    public void failing(boolean failing) {
        this.failing = failing;
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            String secretId = request.path("SecretId").asText();
            String value = values.get(secretId);
            if (failing) {
                send(exchange, 500, error("InternalServiceError", "the stand-in is failing on purpose"));
            } else if (!"secretsmanager.GetSecretValue".equals(target)) {
                send(exchange, 400, error("InvalidRequestException", "only GetSecretValue here, not " + target));
            } else if (value == null) {
                send(exchange, 400, error("ResourceNotFoundException", "no secret " + secretId));
            } else {
                reads.incrementAndGet();
                ObjectNode found = JSON.createObjectNode()
                        .put("ARN", secretId)
                        .put("Name", secretId.substring(secretId.lastIndexOf(':') + 1))
                        .put("SecretString", value)
                        .put("VersionId", "v" + reads.get());
                send(exchange, 200, found);
            }
        }
    }

    private static ObjectNode error(String type, String message) {
        return JSON.createObjectNode().put("__type", type).put("message", message);
    }

    private static void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
