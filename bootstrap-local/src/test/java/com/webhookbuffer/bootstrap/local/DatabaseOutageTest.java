package com.webhookbuffer.bootstrap.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.webhookbuffer.adapter.persistence.DatabaseSettings;
import com.webhookbuffer.bootstrap.local.parts.LocalSettings;
import com.webhookbuffer.domain.testing.SampleWebhooks;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database goes away for longer than the retries cover. Webhooks are still accepted (the queue holds them);
 * each message is retried {@code MAX_RECEIVE_COUNT} times and then moved to the DLQ by the queue's redrive policy.
 * Once the database is back, {@code ./run-local dlq redrive} brings them back and every one is written exactly
 * once: nothing accepted is lost, nothing is written twice.
 */
class DatabaseOutageTest {

    static final int WEBHOOKS = 40;

    @Test
    void whatTheRetriesCouldNotWriteWaitsInTheDlqAndIsWrittenOnceAfterARedrive(@TempDir Path state) throws Exception {
        try (ExternalPostgres postgres = new ExternalPostgres(state.resolve("pgdata"))) {
            Map<String, String> environment = new HashMap<>(postgres.environment());
            environment.putAll(Map.of(
                    LocalSettings.CLOUD,
                    "aws",
                    LocalSettings.HTTP_PORT,
                    "0",
                    LocalSettings.SQS_PORT,
                    "0",
                    LocalSettings.LOCAL_STATE_DIR,
                    state.toString(),
                    LocalSettings.DB_MAX_CONNECTIONS,
                    "4",
                    LocalSettings.MAX_RECEIVE_COUNT,
                    "2",
                    LocalSettings.VISIBILITY_TIMEOUT_SECONDS,
                    "20",
                    "RETRY_BACKOFF_BASE_SECONDS",
                    "1",
                    "RETRY_BACKOFF_CAP_SECONDS",
                    "1"));
            try (LocalStack stack = LocalStack.start(
                            LocalSettings.from(environment),
                            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
                    StackClient client = new StackClient(stack.baseUri(), stack.secret())) {
                // Some are written before the outage; they must not be written again after the redrive.
                for (int i = 0; i < WEBHOOKS / 2; i++) {
                    assertThat(client.postSigned(
                                            "wh_outage_" + i,
                                            SampleWebhooks.order("ord_outage_" + i, 1)
                                                    .json())
                                    .statusCode())
                            .isEqualTo(202);
                }
                client.awaitStatus(
                        Duration.ofSeconds(30),
                        s -> s.get("counts").get("written").asLong() == WEBHOOKS / 2);

                postgres.stop();
                for (int i = WEBHOOKS / 2; i < WEBHOOKS; i++) {
                    assertThat(client.postSigned(
                                            "wh_outage_" + i,
                                            SampleWebhooks.order("ord_outage_" + i, 1)
                                                    .json())
                                    .statusCode())
                            .as("the door stays open while the database is down")
                            .isEqualTo(202);
                }
                // And a duplicate of one already written, which must stay a duplicate through it all.
                assertThat(client.postSigned(
                                        "wh_outage_0",
                                        SampleWebhooks.order("ord_outage_0", 1).json())
                                .statusCode())
                        .isEqualTo(202);
                JsonNode down = client.awaitStatus(
                        Duration.ofMinutes(2),
                        s -> s.get("queue").get("deadLetterDepth").asLong() == WEBHOOKS / 2 + 1);
                assertThat(down.get("counts").get("retried").asLong()).isGreaterThanOrEqualTo(WEBHOOKS / 2 + 1);

                postgres.start();
                LocalStackTest.Result listed = run(stack, state, List.of("dlq", "list"));
                assertThat(listed.out())
                        .contains((WEBHOOKS / 2 + 1) + " dead letter(s)")
                        .contains("maxReceiveCount reached");
                LocalStackTest.Result redrive = run(stack, state, List.of("dlq", "redrive"));
                assertThat(redrive.status()).as(redrive.out() + redrive.err()).isZero();
                assertThat(redrive.out()).contains("redrive complete");

                JsonNode after = client.awaitStatus(
                        Duration.ofMinutes(1),
                        s -> s.get("queue").get("deadLetterDepth").asLong() == 0
                                && s.get("counts").get("written").asLong() == WEBHOOKS);
                // At least the one sent twice; a message delivered again (a slow batch) is one more, never a write.
                assertThat(after.get("counts").get("duplicate").asLong()).isGreaterThanOrEqualTo(1);
                assertThat(client.awaitDrained(Duration.ofSeconds(10))
                                .get("counts")
                                .get("written")
                                .asLong())
                        .isEqualTo(WEBHOOKS);
            }
            DatabaseSettings db = DatabaseSettings.of(postgres.jdbcUrl(), "postgres", "postgres");
            assertThat(StackClient.count(db, "SELECT count(*) FROM orders")).isEqualTo(WEBHOOKS);
            assertThat(StackClient.count(db, "SELECT count(*) FROM processed_webhooks"))
                    .isEqualTo(WEBHOOKS);
            assertThat(StackClient.count(db, "SELECT count(*) FROM order_items"))
                    .isEqualTo(WEBHOOKS);
        }
    }

    private static LocalStackTest.Result run(LocalStack stack, Path state, List<String> args) {
        Map<String, String> environment = Map.of(
                LocalSettings.CLOUD, "aws",
                LocalSettings.LOCAL_STATE_DIR, state.toString(),
                LocalSettings.SQS_PORT, Integer.toString(stack.sqsEndpoint().getPort()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = RunLocal.run(
                args,
                environment,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new LocalStackTest.Result(
                status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
