package com.webhookbuffer.bootstrap.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webhookbuffer.adapter.persistence.DatabaseSettings;
import com.webhookbuffer.application.ingest.WebhookSignature;
import com.webhookbuffer.domain.webhook.WebhookSecret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/** A webhook sender and observer of a running stack, through its real sockets only: HTTP and PostgreSQL. */
final class StackClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final WebhookSecret secret;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    StackClient(URI base, WebhookSecret secret) {
        this.base = base;
        this.secret = secret;
    }

    /** POSTs {@code body} signed as {@code webhookId}, now. */
    HttpResponse<String> postSigned(String webhookId, byte[] body) {
        long timestamp = Instant.now().getEpochSecond();
        return post(HttpRequest.newBuilder(base.resolve("/webhooks"))
                .header("content-type", "application/json")
                .header("webhook-id", webhookId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.sign(secret, webhookId, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    HttpResponse<String> postSigned(String webhookId, String body) {
        return postSigned(webhookId, body.getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> post(HttpRequest.Builder request) {
        return send(request.timeout(Duration.ofSeconds(30)).build());
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build());
    }

    JsonNode status() {
        HttpResponse<String> response = get("/status");
        assertThat(response.statusCode()).isEqualTo(200);
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the queue is empty and nothing is in flight, then until {@code also} holds; returns the status. */
    JsonNode awaitStatus(Duration timeout, Predicate<JsonNode> also) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        JsonNode status = status();
        while (Instant.now().isBefore(deadline)) {
            status = status();
            JsonNode queue = status.get("queue");
            if (queue.get("depth").asLong() == 0
                    && queue.get("inFlight").asLong() == 0
                    && queue.get("batchesInFlight").asInt() == 0
                    && also.test(status)) {
                return status;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the stack did not settle within " + timeout + "; last status: " + status);
    }

    JsonNode awaitDrained(Duration timeout) throws InterruptedException {
        return awaitStatus(timeout, status -> true);
    }

    static long count(DatabaseSettings db, String sql) {
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
