package com.webhookbuffer.bootstrap.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.webhookbuffer.adapter.persistence.DatabaseSettings;
import com.webhookbuffer.bootstrap.local.parts.LocalSettings;
import com.webhookbuffer.domain.testing.SampleWebhooks;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./run-local} as a process of its own, ended the two ways a process ends: stopped by SIGTERM in the middle of
 * a stream of webhooks, and killed outright. Either way a stack started again on the same state must write every
 * webhook the first one accepted, each exactly once.
 */
class GracefulStopTest {

    private static final Map<String, String> QUICK_RETRIES = Map.of(
            LocalSettings.VISIBILITY_TIMEOUT_SECONDS,
            "3",
            "RETRY_BACKOFF_BASE_SECONDS",
            "1",
            "RETRY_BACKOFF_CAP_SECONDS",
            "2",
            "OUTAGE_BACKOFF_BASE_SECONDS",
            "1",
            "OUTAGE_BACKOFF_CAP_SECONDS",
            "2");
    private static final Pattern KEPT = Pattern.compile("Kept for the next start: (\\d+) queued");

    @Test
    void sigtermInTheMiddleOfAStreamStopsWithStatusZeroAndTheRestartWritesEveryAcceptedWebhook(@TempDir Path state)
            throws Exception {
        try (ExternalPostgres postgres = new ExternalPostgres(state.resolve("pgdata"))) {
            Map<String, String> environment = new HashMap<>(postgres.environment());
            // One worker taking one message at a time: a backlog builds up, and the stop has something to keep.
            environment.put(LocalSettings.DB_MAX_CONNECTIONS, "3");
            environment.put(LocalSettings.BATCH_SIZE, "1");
            AtomicInteger accepted = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            String printed;
            try (StackProcess stack = new StackProcess(state, environment);
                    StackClient client = stack.awaitReady();
                    ExecutorService senders = Executors.newFixedThreadPool(8)) {
                List<Future<?>> sent = new ArrayList<>();
                for (int i = 0; i < 600; i++) {
                    int n = i;
                    sent.add(senders.submit(() -> {
                        try {
                            int answer = client.postSigned(
                                            "wh_stop_" + n,
                                            SampleWebhooks.order("ord_stop_" + n, 1)
                                                    .json())
                                    .statusCode();
                            (answer == 202 ? accepted : refused).incrementAndGet();
                        } catch (UncheckedIOException stackGone) {
                            refused.incrementAndGet();
                        }
                    }));
                }
                while (accepted.get() < 200) {
                    Thread.sleep(5);
                }
                stack.terminate();
                for (Future<?> future : sent) {
                    future.get();
                }
                int exit = stack.awaitExit();
                printed = stack.printed();
                assertThat(exit).as(printed).isZero();
            }
            assertThat(printed)
                    .contains("Stopping: refusing new webhooks (503)")
                    .contains("Stopped.");
            assertThat(refused.get())
                    .as("webhooks sent after the signal are refused")
                    .isPositive();

            DatabaseSettings db = db(postgres);
            long writtenBeforeStop = StackClient.count(db, "SELECT count(*) FROM processed_webhooks");
            Matcher kept = KEPT.matcher(printed);
            long keptForRestart = kept.find() ? Long.parseLong(kept.group(1)) : 0;
            System.out.printf(
                    "graceful stop: %d accepted, %d refused, %d written, %d kept for the restart%n",
                    accepted.get(), refused.get(), writtenBeforeStop, keptForRestart);
            assertThat(writtenBeforeStop + keptForRestart).isEqualTo(accepted.get());

            restartAndAwaitWritten(postgres, state, accepted.get(), Map.of());
            assertThat(StackClient.count(db, "SELECT count(*) FROM orders")).isEqualTo(accepted.get());
        }
    }

    @Test
    void aKilledStackLosesNothingItAccepted(@TempDir Path state) throws Exception {
        try (ExternalPostgres postgres = new ExternalPostgres(state.resolve("pgdata"))) {
            // Short visibility and backoff: what the killed stack had in flight comes back within seconds. On AWS's
            // rehearsal, whose queue outlives the database: the queue on PostgreSQL is down with it (KilledStackTest
            // kills that stack instead).
            Map<String, String> environment = new HashMap<>(postgres.environment());
            environment.putAll(QUICK_RETRIES);
            environment.put(LocalSettings.CLOUD, "aws");
            int accepted = 0;
            try (StackProcess stack = new StackProcess(state, environment);
                    StackClient client = stack.awaitReady()) {
                // The database goes first, so everything accepted from here on can only be in the queue.
                postgres.stop();
                for (int i = 0; i < 100; i++) {
                    if (client.postSigned(
                                            "wh_kill_" + i,
                                            SampleWebhooks.order("ord_kill_" + i, 1)
                                                    .json())
                                    .statusCode()
                            == 202) {
                        accepted++;
                    }
                }
                stack.kill();
                stack.awaitExit();
            }
            assertThat(accepted).isEqualTo(100);
            postgres.start();
            Map<String, String> again = new HashMap<>(QUICK_RETRIES);
            again.put(LocalSettings.CLOUD, "aws");
            restartAndAwaitWritten(postgres, state, accepted, again);
            assertThat(StackClient.count(db(postgres), "SELECT count(*) FROM orders"))
                    .isEqualTo(accepted);
        }
    }

    private static void restartAndAwaitWritten(
            ExternalPostgres postgres, Path state, long expected, Map<String, String> settings)
            throws InterruptedException {
        Map<String, String> again = new HashMap<>(postgres.environment());
        again.putAll(settings);
        again.putAll(Map.of(
                LocalSettings.HTTP_PORT,
                "0",
                LocalSettings.SQS_PORT,
                "0",
                LocalSettings.LOCAL_STATE_DIR,
                state.toString()));
        DatabaseSettings db = db(postgres);
        try (LocalStack restarted = LocalStack.start(
                        LocalSettings.from(again),
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
                StackClient client = new StackClient(restarted.baseUri(), restarted.secret())) {
            client.awaitStatus(
                    Duration.ofMinutes(1),
                    s -> StackClient.count(db, "SELECT count(*) FROM processed_webhooks") == expected);
        }
    }

    private static DatabaseSettings db(ExternalPostgres postgres) {
        return DatabaseSettings.of(postgres.jdbcUrl(), "postgres", "postgres");
    }
}
