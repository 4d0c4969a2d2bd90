package com.webhookbuffer.bootstrap.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.webhookbuffer.bootstrap.local.parts.LocalSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./run-local load} against a stack stopped in the middle of it (Ctrl-C in the stack's terminal): the load
 * still ends with its summary, naming what stopped answering, and exits 1; it neither dies on the first error nor
 * waits out the whole drain timeout. Each test stops its own stack.
 */
class LoadOnAStoppingStackTest {

    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    @Test
    void withTheEmbeddedDatabaseStoppedTooTheSummarySaysTheDatabaseStoppedAnswering(@TempDir Path state)
            throws Exception {
        Map<String, String> environment = new HashMap<>(Map.of(LocalSettings.LOCAL_STATE_DIR, state.toString()));

        String out = loadThenStop(environment);

        assertThat(out)
                .contains("did not drain: the stack's database stopped answering (")
                .containsPattern("not 202: .*no answer \\(java\\.net\\.ConnectException")
                .contains("FAILED: ");
    }

    @Test
    void withAnExternalDatabaseLeftRunningTheSummarySaysTheStackStoppedAnswering(@TempDir Path state) throws Exception {
        try (ExternalPostgres postgres = new ExternalPostgres(state.resolve("pgdata"))) {
            Map<String, String> environment = new HashMap<>(postgres.environment());
            environment.put(LocalSettings.LOCAL_STATE_DIR, state.toString());

            String out = loadThenStop(environment);

            assertThat(out)
                    .containsPattern("did not drain: the stack has not answered GET /status for [0-9]+ s \\(")
                    .containsPattern("orders +[0-9]+ of [0-9]+ written at the highest version sent")
                    .contains("FAILED: ");
        }
    }

    /** Starts a stack, sends it a load, stops the stack once it has accepted some; returns what the load printed. */
    private static String loadThenStop(Map<String, String> environment) throws Exception {
        environment.putAll(Map.of(
                LocalSettings.HTTP_PORT, "0", LocalSettings.SQS_PORT, "0", LocalSettings.DB_MAX_CONNECTIONS, "4"));
        LocalStack stack = LocalStack.start(LocalSettings.from(environment), QUIET);
        try (StackClient client = new StackClient(stack.baseUri(), stack.secret())) {
            Map<String, String> loadEnvironment = new HashMap<>(environment);
            loadEnvironment.put(
                    LocalSettings.HTTP_PORT, Integer.toString(stack.baseUri().getPort()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            CompletableFuture<Integer> load = CompletableFuture.supplyAsync(() -> RunLocal.run(
                    List.of("load", "5000", "--concurrency", "8"),
                    loadEnvironment,
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    QUIET));

            awaitAccepted(client, 50);
            stack.close();

            // Well inside the drain's own timeout (60 s + 50 ms a webhook: 310 s here), which it must not wait out.
            int status = load.get(2, TimeUnit.MINUTES);
            String printed = out.toString(StandardCharsets.UTF_8);
            // Into the test's output file: what this machine made of it.
            System.out.println(printed);
            assertThat(status).as(printed).isEqualTo(1);
            assertThat(printed).contains("Summary of load").containsPattern("answers +[0-9]+ of 5000 answered 202");
            return printed;
        } finally {
            stack.close();
        }
    }

    private static void awaitAccepted(StackClient client, long atLeast) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (client.status().path("counts").path("accepted").asLong() < atLeast) {
            assertThat(Instant.now()).as("the load should be accepted").isBefore(deadline);
            Thread.sleep(20);
        }
    }
}
