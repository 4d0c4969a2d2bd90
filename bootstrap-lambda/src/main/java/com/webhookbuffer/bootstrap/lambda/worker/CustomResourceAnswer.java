package com.webhookbuffer.bootstrap.lambda.worker;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the template's custom resources answer CloudFormation: always, {@code SUCCESS} or {@code FAILED}, whatever
 * happens (an {@code Error} included) and before the function's own time runs out. A custom resource that never
 * answers holds the stack for as long as its {@code ServiceTimeout}.
 */
final class CustomResourceAnswer {

    private static final Logger LOG = LoggerFactory.getLogger(CustomResourceAnswer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Kept back from the function's time to send the answer (a PUT with a 10 s timeout) and log. */
    static final Duration ANSWER_MARGIN = Duration.ofSeconds(15);

    private CustomResourceAnswer() {}

    /**
     * Runs {@code work} on a thread of its own and answers with what it returns (the resource's attributes), or
     * {@code FAILED} with its failure's message, or {@code FAILED} when it would outlive the function.
     *
     * @param what names the work in the log and in a timeout's reason, e.g. "the database setup"
     */
    static void answer(
            CloudFormationCustomResourceEvent event,
            Context context,
            String defaultPhysicalId,
            String what,
            Function<CloudFormationCustomResourceEvent, Map<String, String>> work) {
        String physicalId = event.getPhysicalResourceId() != null ? event.getPhysicalResourceId() : defaultPhysicalId;
        Duration left = timeToWork(context);
        CompletableFuture<Map<String, String>> result = new CompletableFuture<>();
        Thread.ofPlatform().name(defaultPhysicalId).daemon().start(() -> {
            try {
                result.complete(work.apply(event));
            } catch (Throwable failure) {
                result.completeExceptionally(failure);
            }
        });
        try {
            respond(event, "SUCCESS", physicalId, null, result.get(left.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            LOG.error("{} did not finish in the {} s it had; answering FAILED", what, left.toSeconds());
            respond(
                    event,
                    "FAILED",
                    physicalId,
                    what + " did not finish within " + left.toSeconds() + " s (the function's time less "
                            + ANSWER_MARGIN.toSeconds() + " s to answer); see the log",
                    Map.of());
        } catch (ExecutionException e) {
            Throwable failure = e.getCause();
            LOG.error("{} failed: {}", what, failure.toString(), failure);
            respond(
                    event,
                    "FAILED",
                    physicalId,
                    failure.getMessage() != null
                            ? failure.getMessage()
                            : failure.getClass().getName(),
                    Map.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            respond(event, "FAILED", physicalId, what + " was interrupted", Map.of());
        }
    }

    /** The function's remaining time less a margin to answer in; without a context (tests), five minutes. */
    static Duration timeToWork(Context context) {
        Duration remaining =
                context == null ? Duration.ofMinutes(5) : Duration.ofMillis(context.getRemainingTimeInMillis());
        Duration left = remaining.minus(ANSWER_MARGIN);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** A property that must be given, as a whole number. */
    static int number(Map<String, Object> properties, String name) {
        Object value = properties == null ? null : properties.get(name);
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        try {
            return Integer.parseInt(value.toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was: " + value, e);
        }
    }

    /** CloudFormation waits for this PUT to the pre-signed URL; without it the stack hangs. */
    static void respond(
            CloudFormationCustomResourceEvent event,
            String status,
            String physicalId,
            String reason,
            Map<String, String> data) {
        ObjectNode body = JSON.createObjectNode()
                .put("Status", status)
                .put("Reason", reason != null ? reason : "see the function's log stream")
                .put("PhysicalResourceId", physicalId)
                .put("StackId", event.getStackId())
                .put("RequestId", event.getRequestId())
                .put("LogicalResourceId", event.getLogicalResourceId());
        ObjectNode fields = body.putObject("Data");
        data.forEach(fields::put);
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        try {
            HttpURLConnection connection = (HttpURLConnection)
                    URI.create(event.getResponseUrl()).toURL().openConnection();
            connection.setRequestMethod("PUT");
            connection.setDoOutput(true);
            // The pre-signed URL is signed for an empty content type.
            connection.setRequestProperty("Content-Type", "");
            connection.setFixedLengthStreamingMode(bytes.length);
            connection.setConnectTimeout(10_000);
            connection.setReadTimeout(10_000);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(bytes);
            }
            int code = connection.getResponseCode();
            if (code / 100 != 2) {
                throw new IOException("CloudFormation response URL answered " + code);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not answer CloudFormation", e);
        }
    }
}
