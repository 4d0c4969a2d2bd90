package com.webhookbuffer.bootstrap.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.webhookbuffer.adapter.persistence.DatabaseSettings;
import com.webhookbuffer.domain.testing.SampleWebhooks;
import com.webhookbuffer.domain.webhook.WebhookSecret;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./run-local} as a process of its own, stopped the way a terminal or a process manager stops it, in the
 * middle of a stream of webhooks. SIGTERM must end it with exit status 0, refusing webhooks from then on, and
 * every webhook it accepted must be either written or counted in what it says it left behind.
 */
class GracefulStopTest {

    private static final Pattern LEFT_BEHIND = Pattern.compile("LOST with the in-memory queues: (\\d+) queued");

    @Test
    void sigtermInTheMiddleOfAStreamStopsWithStatusZeroAndAccountsForEveryAcceptedWebhook(@TempDir Path state)
            throws Exception {
        try (ExternalPostgres postgres = new ExternalPostgres(state.resolve("pgdata"))) {
            int httpPort = ExternalPostgres.freePort();
            ProcessBuilder builder = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"),
                    RunLocal.class.getName())
                    .redirectErrorStream(true);
            builder.environment().putAll(postgres.environment());
            builder.environment().put(LocalSettings.HTTP_PORT, Integer.toString(httpPort));
            builder.environment().put(LocalSettings.SQS_PORT, Integer.toString(ExternalPostgres.freePort()));
            builder.environment().put(LocalSettings.LOCAL_STATE_DIR, state.toString());
            builder.environment().put(LocalSettings.DB_MAX_CONNECTIONS, "2");
            Process stack = builder.start();
            List<String> output = new CopyOnWriteArrayList<>();
            Thread reader = Thread.ofPlatform().start(() -> {
                try (BufferedReader lines = new BufferedReader(
                        new InputStreamReader(stack.getInputStream(), StandardCharsets.UTF_8))) {
                    lines.lines().forEach(output::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            try {
                awaitReady(stack, output);
                WebhookSecret secret = WebhookSecret.parse(
                        Files.readString(state.resolve(DevelopmentSecret.FILE_NAME)).strip());
                AtomicInteger accepted = new AtomicInteger();
                AtomicInteger refused = new AtomicInteger();
                try (StackClient client = new StackClient(URI.create("http://127.0.0.1:" + httpPort), secret);
                        ExecutorService senders = Executors.newFixedThreadPool(8)) {
                    List<Future<?>> sent = new ArrayList<>();
                    for (int i = 0; i < 600; i++) {
                        int n = i;
                        sent.add(senders.submit(() -> {
                            try {
                                int answer = client.postSigned("wh_stop_" + n,
                                        SampleWebhooks.order("ord_stop_" + n, 1).json()).statusCode();
                                (answer == 202 ? accepted : refused).incrementAndGet();
                            } catch (UncheckedIOException stackGone) {
                                refused.incrementAndGet();
                            }
                        }));
                    }
                    while (accepted.get() < 200) {
                        Thread.sleep(5);
                    }
                    // SIGTERM through the handle: Process.destroy() would also close our end of the child's output.
                    stack.toHandle().destroy();
                    for (Future<?> future : sent) {
                        future.get();
                    }
                }

                assertThat(stack.waitFor(60, TimeUnit.SECONDS)).as("stopped within a minute").isTrue();
                reader.join();
                String printed = String.join("\n", output);
                assertThat(stack.exitValue()).as(printed).isZero();
                assertThat(printed).contains("Stopping: refusing new webhooks (503)").contains("Stopped.");
                assertThat(refused.get()).as("webhooks sent after the signal are refused").isPositive();

                long written = StackClient.count(DatabaseSettings.of(postgres.jdbcUrl(), "postgres", "postgres"),
                        "SELECT count(*) FROM processed_webhooks");
                Matcher lost = LEFT_BEHIND.matcher(printed);
                long leftBehind = lost.find() ? Long.parseLong(lost.group(1)) : 0;
                System.out.printf("graceful stop: %d accepted, %d refused, %d written, %d left behind%n",
                        accepted.get(), refused.get(), written, leftBehind);
                assertThat(written + leftBehind).as("written %d + left behind %d", written, leftBehind)
                        .isEqualTo(accepted.get());
            } finally {
                stack.destroyForcibly();
            }
        }
    }

    private static void awaitReady(Process stack, List<String> output) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!output.contains(Banner.READY)) {
            assertThat(stack.isAlive()).as(String.join("\n", output)).isTrue();
            assertThat(Instant.now()).as(String.join("\n", output)).isBefore(deadline);
            Thread.sleep(100);
        }
    }
}
