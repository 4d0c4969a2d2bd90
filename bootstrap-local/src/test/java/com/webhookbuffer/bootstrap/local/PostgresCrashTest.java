package com.webhookbuffer.bootstrap.local;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queue on PostgreSQL when PostgreSQL itself crashes mid-load (SIGKILL to the server, a crash recovery on the
 * next start): the door answers 503 while it is down, and every webhook answered 202, before or after, is written
 * exactly once. On this engine the queue and the orders share the crash, and the durable commit is what keeps a 202.
 */
class PostgresCrashTest {

    @Test
    void aPostgresqlKilledMidLoadLosesNoAcceptedWebhookAndDoublesNone(@TempDir Path state) throws Exception {
        Path data = state.resolve("pgdata");
        try (ExternalPostgres postgres = new ExternalPostgres(data, true)) {
            Map<String, String> environment = new HashMap<>(postgres.environment());
            environment.putAll(Map.of(
                    LocalSettings.HTTP_PORT,
                    "0",
                    LocalSettings.LOCAL_STATE_DIR,
                    state.resolve("stack").toString(),
                    LocalSettings.DB_MAX_CONNECTIONS,
                    "6",
                    LocalSettings.VISIBILITY_TIMEOUT_SECONDS,
                    "3",
                    "RETRY_BACKOFF_BASE_SECONDS",
                    "1",
                    "RETRY_BACKOFF_CAP_SECONDS",
                    "2",
                    "OUTAGE_BACKOFF_BASE_SECONDS",
                    "1",
                    "OUTAGE_BACKOFF_CAP_SECONDS",
                    "2"));
            Set<String> accepted = ConcurrentHashMap.newKeySet();
            AtomicInteger refused = new AtomicInteger();
            AtomicInteger next = new AtomicInteger();
            AtomicBoolean sending = new AtomicBoolean(true);
            try (LocalStack stack = LocalStack.start(
                            LocalSettings.from(environment),
                            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
                    StackClient client = new StackClient(stack.baseUri(), stack.secret());
                    ExecutorService senders = Executors.newFixedThreadPool(8)) {
                List<Future<?>> running = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    running.add(senders.submit(() -> {
                        while (sending.get()) {
                            int n = next.getAndIncrement();
                            String id = "wh_crash_" + n;
                            int status = client.postSigned(
                                            id,
                                            SampleWebhooks.order("ord_crash_" + n, 1)
                                                    .json())
                                    .statusCode();
                            if (status == 202) {
                                accepted.add(id);
                            } else {
                                assertThat(status)
                                        .as("only the queue's unavailability")
                                        .isEqualTo(503);
                                refused.incrementAndGet();
                            }
                        }
                        return null;
                    }));
                }
                try {
                    awaitAtLeast(accepted, 300);
                    postgres.crash();
                    Thread.sleep(1_500);
                    postgres.start();
                    int acceptedBeforeRestart = accepted.size();
                    awaitAtLeast(accepted, acceptedBeforeRestart + 300);
                } finally {
                    // Whatever failed above, the senders stop, or closing their pool would wait forever.
                    sending.set(false);
                }
                for (Future<?> sender : running) {
                    sender.get();
                }
                DatabaseSettings db = DatabaseSettings.of(postgres.jdbcUrl(), "postgres", "postgres");
                Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
                while (StackClient.count(db, "SELECT count(*) FROM processed_webhooks") < accepted.size()
                        || StackClient.count(db, "SELECT count(*) FROM webhook_queue.messages") > 0) {
                    assertThat(Instant.now())
                            .as("every accepted webhook written")
                            .isBefore(deadline);
                    Thread.sleep(100);
                }
                assertThat(refused.get())
                        .as("refused while the database was down")
                        .isPositive();
                List<String> written = ids(db);
                assertThat(written).containsExactlyInAnyOrderElementsOf(accepted);
                assertThat(StackClient.count(db, "SELECT count(*) FROM orders")).isEqualTo(accepted.size());
            }
        }
    }

    private static List<String> ids(DatabaseSettings db) throws java.sql.SQLException {
        List<String> ids = new ArrayList<>();
        try (java.sql.Connection connection =
                        java.sql.DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                java.sql.Statement statement = connection.createStatement();
                java.sql.ResultSet rows = statement.executeQuery("SELECT webhook_id FROM processed_webhooks")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    private static void awaitAtLeast(Set<String> accepted, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (accepted.size() < count) {
            assertThat(Instant.now()).as("accepted " + count).isBefore(deadline);
            Thread.sleep(10);
        }
    }
}
