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
 * The database goes away. For less than the outage backoff spans, the worker waits it out and nothing is
 * dead-lettered; for longer than the retries cover, what follows. Webhooks are still accepted (the queue holds them);
 * each message is retried {@code MAX_RECEIVE_COUNT} times and then moved to the DLQ by the queue's redrive policy.
 * Once the database is back, {@code ./run-local dlq redrive} brings them back and every one is written exactly
 * once: nothing accepted is lost, nothing is written twice.
 */
class DatabaseOutageTest {

    static final int WEBHOOKS = 40;

    @Test
    void whatTheRetriesCouldNotWriteWaitsInTheDlqAndIsWrittenOnceAfterARedrive(@TempDir Path state) throws Exception {
        try (ExternalPostgres postgres = new ExternalPostgres(state.resolve("pgdata"))) {
            // The outage backoff of a second too: the outage outlasts the retries, on purpose.
            Map<String, String> environment = stackEnvironment(postgres, state, "2", "1", "1");
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

    /**
     * The database stops under load for 45 s, and comes back. The retries are on the same scale as the defaults,
     * shortened: the default outage backoff (60 s doubling to 15 min) spans at least 15 minutes over 5 receives;
     * here 4 s doubling to 16 s spans at least 30 s (2 + 4 + 8 + 8 + 8), plus the 5 s each try waits for a
     * connection: 55 s. The transient backoff of 1 s would have spent the 5 receives in about 30 s, and dead-lettered
     * what the outage caught (seen: with the outage backoff set to 1 s, this test fails). Nothing reaches the DLQ,
     * and every accepted webhook is written once.
     */
    @Test
    void anOutageTheOutageBackoffSpansSendsNothingToTheDlq(@TempDir Path state) throws Exception {
        try (ExternalPostgres postgres = new ExternalPostgres(state.resolve("pgdata"))) {
            Map<String, String> environment = stackEnvironment(postgres, state, "5", "4", "16");
            try (LocalStack stack = LocalStack.start(
                            LocalSettings.from(environment),
                            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
                    StackClient client = new StackClient(stack.baseUri(), stack.secret())) {
                int sent = 0;
                for (; sent < WEBHOOKS / 2; sent++) {
                    assertThat(client.postSigned(
                                            "wh_waited_" + sent,
                                            SampleWebhooks.order("ord_waited_" + sent, 1)
                                                    .json())
                                    .statusCode())
                            .isEqualTo(202);
                }
                postgres.stop();
                long stopped = System.nanoTime();
                // Under load: the door keeps taking webhooks while the database is away.
                while (System.nanoTime() - stopped < Duration.ofSeconds(45).toNanos()) {
                    assertThat(client.postSigned(
                                            "wh_waited_" + sent,
                                            SampleWebhooks.order("ord_waited_" + sent, 1)
                                                    .json())
                                    .statusCode())
                            .as("the door stays open while the database is down")
                            .isEqualTo(202);
                    sent++;
                    Thread.sleep(500);
                }
                JsonNode during = client.status();
                assertThat(during.get("counts").get("retried").asLong())
                        .as("the worker met the outage")
                        .isPositive();
                postgres.start();

                int accepted = sent;
                // Settled: each accepted webhook written or dead-lettered.
                JsonNode after = client.awaitStatus(
                        Duration.ofMinutes(2),
                        s -> s.get("counts").get("written").asLong()
                                        + s.get("queue").get("deadLetterDepth").asLong()
                                >= accepted);
                assertThat(after.get("queue").get("deadLetterDepth").asLong())
                        .as("nothing dead-lettered")
                        .isZero();
                assertThat(after.get("counts").get("written").asLong()).isEqualTo(accepted);
                DatabaseSettings db = DatabaseSettings.of(postgres.jdbcUrl(), "postgres", "postgres");
                assertThat(StackClient.count(db, "SELECT count(*) FROM orders")).isEqualTo(accepted);
                assertThat(StackClient.count(db, "SELECT count(*) FROM processed_webhooks"))
                        .isEqualTo(accepted);
            }
        }
    }

    /**
     * The AWS rehearsal (SQS's receive counts and redrive) on the external PostgreSQL, with a small budget, a retry
     * backoff of a second and the outage backoff given.
     */
    private static Map<String, String> stackEnvironment(
            ExternalPostgres postgres, Path state, String maxReceiveCount, String outageBase, String outageCap) {
        Map<String, String> environment = new HashMap<>(postgres.environment());
        environment.putAll(Map.of(
                "RETRY_BACKOFF_BASE_SECONDS",
                "1",
                "RETRY_BACKOFF_CAP_SECONDS",
                "1",
                "OUTAGE_BACKOFF_BASE_SECONDS",
                outageBase,
                "OUTAGE_BACKOFF_CAP_SECONDS",
                outageCap));
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
                maxReceiveCount,
                LocalSettings.VISIBILITY_TIMEOUT_SECONDS,
                "20"));
        return environment;
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
