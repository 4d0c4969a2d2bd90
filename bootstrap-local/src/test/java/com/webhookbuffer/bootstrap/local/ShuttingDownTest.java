package com.webhookbuffer.bootstrap.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.webhookbuffer.bootstrap.local.parts.LocalSettings;
import com.webhookbuffer.domain.testing.SampleWebhooks;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * While a stop waits for the batches in flight, the stack still answers: {@code /health} and {@code POST /webhooks}
 * say 503, so a load balancer or a sender knows to go elsewhere or come back.
 */
class ShuttingDownTest {

    @Test
    void whileTheBatchesInFlightFinishHealthAndWebhooksAnswer503(@TempDir Path state) throws Exception {
        try (ExternalPostgres postgres = new ExternalPostgres(state.resolve("pgdata"))) {
            Map<String, String> environment = new HashMap<>(postgres.environment());
            environment.putAll(Map.of(
                    // AWS's rehearsal, whose queue outlives the database; the queue on PostgreSQL is the test below.
                    LocalSettings.CLOUD,
                    "aws",
                    LocalSettings.HTTP_PORT,
                    "0",
                    LocalSettings.SQS_PORT,
                    "0",
                    LocalSettings.LOCAL_STATE_DIR,
                    state.toString()));
            LocalStack stack = LocalStack.start(
                    LocalSettings.from(environment),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            try (StackClient client = new StackClient(stack.baseUri(), stack.secret())) {
                // With the database gone, a batch waits for a connection for seconds: it stays in flight.
                postgres.stop();
                assertThat(client.postSigned(
                                        "wh_down_1",
                                        SampleWebhooks.order("ord_down_1", 1).json())
                                .statusCode())
                        .isEqualTo(202);
                awaitBatchInFlight(client);

                stopAndSeeEverythingRefused(stack, client, "ord_down_2").join();
            } finally {
                stack.close();
                postgres.start();
            }
        }
    }

    @Test
    void onTheQueueOnPostgresqlTooHealthAndWebhooksAnswer503WhileABatchFinishes(@TempDir Path state) throws Exception {
        LocalStack stack = LocalStack.start(
                LocalSettings.from(
                        Map.of(LocalSettings.HTTP_PORT, "0", LocalSettings.LOCAL_STATE_DIR, state.toString())),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try (StackClient client = new StackClient(stack.baseUri(), stack.secret());
                Connection holder = DriverManager.getConnection(
                        stack.database().jdbcUrl(),
                        stack.database().user(),
                        stack.database().password())) {
            // While this transaction holds the orders table, a batch waits on it: it stays in flight.
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.execute("LOCK TABLE orders IN ACCESS EXCLUSIVE MODE");
            }
            assertThat(client.postSigned(
                                    "wh_held_1",
                                    SampleWebhooks.order("ord_held_1", 1).json())
                            .statusCode())
                    .isEqualTo(202);
            awaitBatchInFlight(client);

            Thread stopping = stopAndSeeEverythingRefused(stack, client, "ord_held_2");
            // Released only now, so the batch is still in flight while the refusals above are seen.
            holder.rollback();
            stopping.join();
        } finally {
            stack.close();
        }
    }

    /**
     * Starts stopping {@code stack} and, while the stop waits for the batch in flight, sees {@code /health} answer
     * 503 and a webhook for {@code lateOrder} answered 503 with {@code Retry-After}. The thread that stops.
     */
    private static Thread stopAndSeeEverythingRefused(LocalStack stack, StackClient client, String lateOrder) {
        Thread stopping = Thread.ofPlatform().start(stack::close);
        boolean refusedWhileStopping = false;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(3));
        while (stopping.isAlive() && !refusedWhileStopping && Instant.now().isBefore(deadline)) {
            refusedWhileStopping = client.get("/health").statusCode() == 503;
        }
        assertThat(refusedWhileStopping)
                .as("/health answered 503 while the stop waited")
                .isTrue();
        HttpResponse<String> late = client.postSigned(
                "wh_" + lateOrder, SampleWebhooks.order(lateOrder, 1).json());
        assertThat(late.statusCode()).isEqualTo(503);
        assertThat(late.headers().firstValue("retry-after")).isPresent();
        return stopping;
    }

    private static void awaitBatchInFlight(StackClient client) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (client.status().get("queue").get("batchesInFlight").asInt() == 0) {
            assertThat(Instant.now()).as("a batch should be in flight").isBefore(deadline);
            Thread.sleep(20);
        }
    }
}
