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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Self-hosted as two processes would run it: two stacks on one external PostgreSQL, sharing its queue and its
 * orders, each with half the database's connections. Under load, and with every webhook sent to both (as a sender
 * behind a load balancer retries on the other), each is written exactly once, both do part of the work, and the
 * database never sees more connections than the two budgets together.
 */
class TwoStacksOneDatabaseTest {

    private static final int WEBHOOKS = 1_000;
    private static final int BUDGET_EACH = 5;

    @Test
    void twoStacksShareTheQueueAndTheWorkWithNothingDoubledOrLost(@TempDir Path state) throws Exception {
        try (ExternalPostgres postgres = new ExternalPostgres(state.resolve("pgdata"));
                ConnectionBudgetSpikeTest.ConnectionWatcher watcher =
                        new ConnectionBudgetSpikeTest.ConnectionWatcher(postgres.jdbcUrl());
                LocalStack first = start(postgres, state.resolve("first"));
                LocalStack second = start(postgres, state.resolve("second"));
                StackClient toFirst = new StackClient(first.baseUri(), first.secret());
                StackClient toSecond = new StackClient(second.baseUri(), first.secret());
                ExecutorService senders = Executors.newFixedThreadPool(8)) {
            Set<String> accepted = ConcurrentHashMap.newKeySet();
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> sent = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                sent.add(senders.submit(() -> {
                    for (int n = next.getAndIncrement(); n < WEBHOOKS; n = next.getAndIncrement()) {
                        String id = "wh_two_" + n;
                        String body = SampleWebhooks.order("ord_two_" + n, 1).json();
                        // Each one to both stacks, in turn first to one and then to the other.
                        StackClient one = n % 2 == 0 ? toFirst : toSecond;
                        StackClient other = n % 2 == 0 ? toSecond : toFirst;
                        if (one.postSigned(id, body).statusCode() == 202) {
                            accepted.add(id);
                        }
                        if (other.postSigned(id, body).statusCode() == 202) {
                            accepted.add(id);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : sent) {
                future.get();
            }
            // Watched through /status, not the database: the watcher would count a connection of this test.
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (!drained(toFirst.status(), toSecond.status())) {
                assertThat(Instant.now()).as("both stacks drained the queue").isBefore(deadline);
                Thread.sleep(50);
            }
            int mostSeen = watcher.mostSeen();
            DatabaseSettings db = DatabaseSettings.of(postgres.jdbcUrl(), "postgres", "postgres");

            assertThat(accepted).hasSize(WEBHOOKS);
            assertThat(StackClient.count(db, "SELECT count(*) FROM processed_webhooks"))
                    .isEqualTo(WEBHOOKS);
            assertThat(StackClient.count(db, "SELECT count(*) FROM orders WHERE version = 1"))
                    .isEqualTo(WEBHOOKS);
            assertThat(StackClient.count(db, "SELECT count(*) FROM webhook_queue.dead_letters"))
                    .isZero();
            JsonNode firstCounts = toFirst.status().get("counts");
            JsonNode secondCounts = toSecond.status().get("counts");
            assertThat(firstCounts.get("written").asLong())
                    .as("the first stack wrote some")
                    .isPositive();
            assertThat(secondCounts.get("written").asLong())
                    .as("the second stack wrote some")
                    .isPositive();
            assertThat(firstCounts.get("written").asLong()
                            + secondCounts.get("written").asLong())
                    .as("written once between them")
                    .isEqualTo(WEBHOOKS);
            assertThat(mostSeen)
                    .as("connections of both stacks at once (budgets %d + %d)", BUDGET_EACH, BUDGET_EACH)
                    .isBetween(2, 2 * BUDGET_EACH);
        }
    }

    private static boolean drained(JsonNode first, JsonNode second) {
        long settled = 0;
        for (JsonNode status : List.of(first, second)) {
            JsonNode counts = status.get("counts");
            settled += counts.get("written").asLong() + counts.get("duplicate").asLong();
        }
        JsonNode queue = first.get("queue");
        return queue.get("depth").asLong() == 0 && queue.get("inFlight").asLong() == 0 && settled >= 2L * WEBHOOKS;
    }

    private static LocalStack start(ExternalPostgres postgres, Path state) {
        Map<String, String> environment = new HashMap<>(postgres.environment());
        environment.putAll(Map.of(
                LocalSettings.HTTP_PORT,
                "0",
                LocalSettings.LOCAL_STATE_DIR,
                state.toString(),
                LocalSettings.DB_MAX_CONNECTIONS,
                Integer.toString(BUDGET_EACH),
                // One signing secret for both, as two processes of one deployment share it.
                "WEBHOOK_SECRETS",
                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
        return LocalStack.start(
                LocalSettings.from(environment),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }
}
