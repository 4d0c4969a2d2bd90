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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A spike: thousands of webhooks as fast as the test can send them, into a stack whose database may be given only
 * four connections. Every accepted webhook must be written, and a watcher on the database's own
 * {@code pg_stat_activity}, sampling from before the stack starts until after it stops, must never see more of
 * the stack's connections than the budget, migrations included.
 */
class ConnectionBudgetSpikeTest {

    static final int WEBHOOKS = 3000;
    static final int BUDGET = 4;
    static final int SENDERS = 16;

    /**
     * Run on a database that flushes every commit to disk (as the local stack's own does) and on one that does not,
     * printing the rate of each beside the other: what durability costs the stack, measured in one run.
     */
    @ParameterizedTest(name = "durable database: {0}")
    @ValueSource(booleans = {false, true})
    void everyAcceptedWebhookIsWrittenAndTheDatabaseNeverSeesMoreThanTheBudget(boolean durable, @TempDir Path state)
            throws Exception {
        try (ExternalPostgres postgres = new ExternalPostgres(state.resolve("pgdata"), durable);
                ConnectionWatcher watcher = new ConnectionWatcher(postgres.jdbcUrl())) {
            AtomicInteger accepted = new AtomicInteger();
            JsonNode status;
            try (LocalStack stack = start(postgres, state, BUDGET);
                    StackClient client = new StackClient(stack.baseUri(), stack.secret());
                    ExecutorService senders = Executors.newFixedThreadPool(SENDERS)) {
                long started = System.nanoTime();
                List<Future<?>> sent = new ArrayList<>();
                for (int i = 0; i < WEBHOOKS; i++) {
                    int n = i;
                    sent.add(senders.submit(() -> {
                        int answer = client.postSigned(
                                        "wh_spike_" + n,
                                        SampleWebhooks.order("ord_spike_" + n, 1)
                                                .json())
                                .statusCode();
                        if (answer == 202) {
                            accepted.incrementAndGet();
                        }
                    }));
                }
                for (Future<?> future : sent) {
                    future.get();
                }
                status = client.awaitStatus(
                        Duration.ofMinutes(3),
                        s -> s.get("counts").get("written").asLong() >= accepted.get());
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf(
                        "spike (fsync and synchronous_commit %s): %d webhooks accepted and written in "
                                + "%.1f s, %.0f/s%n",
                        durable ? "on" : "off", WEBHOOKS, seconds, WEBHOOKS / seconds);
            }
            DatabaseSettings db = DatabaseSettings.of(postgres.jdbcUrl(), "postgres", "postgres");

            assertThat(accepted.get()).isEqualTo(WEBHOOKS);
            assertThat(StackClient.count(db, "SELECT count(*) FROM orders WHERE order_id LIKE 'ord\\_spike\\_%'"))
                    .isEqualTo(WEBHOOKS);
            assertThat(status.get("counts").get("written").asLong()).isEqualTo(WEBHOOKS);
            assertThat(status.get("queue").get("deadLetterDepth").asLong()).isZero();
            assertThat(watcher.samples())
                    .as("the watcher must have looked many times")
                    .isGreaterThan(100);
            assertThat(watcher.mostSeen())
                    .as("stack connections seen at once (budget %d)", BUDGET)
                    .isBetween(1, BUDGET);
            System.out.printf(
                    "spike: %d webhooks, most connections seen %d of %d (%d samples)%n",
                    WEBHOOKS, watcher.mostSeen(), BUDGET, watcher.samples());
        }
    }

    /**
     * The smallest budget: one connection. Migrations (which run before the pool opens) and the pool together must
     * never hold two.
     */
    @Test
    void aBudgetOfOneConnectionIsNeverExceededNotEvenByTheMigrations(@TempDir Path state) throws Exception {
        // The queue on PostgreSQL needs a connection for its door beside the worker's: the rehearsal of AWS does not.
        assertThat(mostConnectionsWriting50(state, 1, Map.of(LocalSettings.CLOUD, "aws"), "one"))
                .as("stack connections seen at once (budget 1)")
                .isEqualTo(1);
    }

    /**
     * The smallest budget of the queue on PostgreSQL: one connection for the door, one for the worker. The queue's
     * migrations run before either pool opens.
     */
    @Test
    void onTheQueueOnPostgresqlABudgetOfTwoIsNeverExceededNotEvenByTheMigrations(@TempDir Path state) throws Exception {
        assertThat(mostConnectionsWriting50(state, 2, Map.of(LocalSettings.QUEUE_DOOR_CONNECTIONS, "1"), "two"))
                .as("stack connections seen at once (budget 2)")
                .isBetween(1, 2);
    }

    /**
     * Starts a stack with {@code budget} on a fresh external PostgreSQL, has it write 50 webhooks, stops it, and
     * answers the most of its connections the database saw at once, from before the start to after the stop.
     */
    private static int mostConnectionsWriting50(Path state, int budget, Map<String, String> extra, String name)
            throws Exception {
        try (ExternalPostgres postgres = new ExternalPostgres(state.resolve("pgdata"));
                ConnectionWatcher watcher = new ConnectionWatcher(postgres.jdbcUrl())) {
            try (LocalStack stack = start(postgres, state, budget, extra);
                    StackClient client = new StackClient(stack.baseUri(), stack.secret())) {
                for (int i = 0; i < 50; i++) {
                    assertThat(client.postSigned(
                                            "wh_" + name + "_" + i,
                                            SampleWebhooks.order("ord_" + name + "_" + i, 1)
                                                    .json())
                                    .statusCode())
                            .isEqualTo(202);
                }
                client.awaitStatus(
                        Duration.ofMinutes(1),
                        s -> s.get("counts").get("written").asLong() == 50);
            }
            return watcher.mostSeen();
        }
    }

    private static LocalStack start(ExternalPostgres postgres, Path state, int budget) {
        return start(postgres, state, budget, Map.of());
    }

    private static LocalStack start(ExternalPostgres postgres, Path state, int budget, Map<String, String> extra) {
        Map<String, String> environment = new HashMap<>(postgres.environment());
        environment.putAll(extra);
        environment.putAll(Map.of(
                LocalSettings.HTTP_PORT,
                "0",
                LocalSettings.SQS_PORT,
                "0",
                LocalSettings.LOCAL_STATE_DIR,
                state.toString(),
                LocalSettings.DB_MAX_CONNECTIONS,
                Integer.toString(budget)));
        return LocalStack.start(
                LocalSettings.from(environment),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    /** Counts every client connection but its own, as often as it can, on a thread of its own. */
    static final class ConnectionWatcher implements AutoCloseable {

        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger most = new AtomicInteger();
        private final AtomicInteger samples = new AtomicInteger();
        private final Thread thread;

        ConnectionWatcher(String jdbcUrl) throws SQLException {
            Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
            thread = Thread.ofPlatform().name("pg-stat-activity-watcher").start(() -> watch(connection));
        }

        private void watch(Connection connection) {
            try (connection;
                    Statement statement = connection.createStatement()) {
                while (running.get()) {
                    try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_stat_activity "
                            + "WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()")) {
                        rows.next();
                        most.accumulateAndGet(rows.getInt(1), Math::max);
                        samples.incrementAndGet();
                    }
                    Thread.sleep(2);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("the watcher lost its connection: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        int mostSeen() {
            return most.get();
        }

        int samples() {
            return samples.get();
        }

        @Override
        public void close() {
            running.set(false);
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
