package com.webhookbuffer.bootstrap.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.webhookbuffer.adapter.persistence.DatabaseSettings;
import com.webhookbuffer.bootstrap.local.command.ProgressLine;
import com.webhookbuffer.bootstrap.local.command.load.LoadOptions;
import com.webhookbuffer.bootstrap.local.command.load.LoadPlan;
import com.webhookbuffer.bootstrap.local.command.load.LoadSender;
import com.webhookbuffer.bootstrap.local.parts.LocalDatabase;
import com.webhookbuffer.bootstrap.local.parts.LocalSettings;
import com.webhookbuffer.bootstrap.local.watch.StatusSampler.Sample;
import com.webhookbuffer.domain.webhook.WebhookSecret;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./run-local load} against a stack running in this JVM, through its real sockets: the load is sent over
 * HTTP as any sender's would be, and its orders are then read back over JDBC. One stack for the class.
 */
class LoadCommandTest {

    @TempDir
    static Path state;

    private static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(
                LocalSettings.from(Map.of(
                        LocalSettings.HTTP_PORT,
                        "0",
                        LocalSettings.SQS_PORT,
                        "0",
                        LocalSettings.LOCAL_STATE_DIR,
                        state.toString(),
                        LocalSettings.DB_MAX_CONNECTIONS,
                        "4",
                        LocalSettings.VISIBILITY_TIMEOUT_SECONDS,
                        "5",
                        "RETRY_BACKOFF_BASE_SECONDS",
                        "1")),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void aLoadIsAnsweredDrainedAndEveryOrderWrittenAtItsHighestVersion() {
        Result load = load(List.of("load", "200", "--concurrency", "8"), Map.of());
        // Into the test's output file: what this machine made of it.
        System.out.println(load.err() + load.out());

        assertThat(load.status()).as(load.out() + load.err()).isZero();
        assertThat(load.out())
                .contains("200 of 200 answered 202")
                .containsPattern("accepted/s +[0-9]+ +\\(200 accepted in [0-9.]+ s\\)")
                .containsPattern("latency +p50 [0-9.]+ ms, p99 [0-9.]+ ms")
                .containsPattern("drain +[0-9.]+ s after the last answer")
                .containsPattern("peak queue +[0-9]+ waiting, [0-9]+ in flight")
                .containsPattern("peak db +[0-9]+ connection\\(s\\) in use of a budget of 4")
                .contains(stack.baseUri() + "/dashboard")
                .contains("OK: every webhook was answered 202");
        // Not a terminal here: plain lines, the last one at 200 of 200.
        assertThat(load.err()).contains("sending  [").contains("200/200 100%").doesNotContain("\r");

        // The mix depends only on N; the run id in the first line names this run's orders.
        LoadPlan plan = LoadPlan.of(200, "any", 0, Instant.now());
        Matcher first = Pattern.compile("^load ([0-9a-z]+): 200 webhooks").matcher(load.out());
        assertThat(first.find()).as(load.out()).isTrue();
        String ours = "starts_with(order_id, 'ord_load_" + first.group(1) + "_')";
        assertThat(count("orders WHERE " + ours)).isEqualTo(plan.orders());
        assertThat(count("orders WHERE " + ours + " AND version = 2 AND status = 'paid'"))
                .isEqualTo(plan.twoVersionOrders());
        assertThat(count("orders WHERE " + ours + " AND version = 1 AND status = 'placed'"))
                .isEqualTo(plan.orders() - plan.twoVersionOrders());
        // Each webhook processed once: the duplicate deliveries were recognised, not written twice.
        assertThat(count("processed_webhooks WHERE " + ours)).isEqualTo(plan.orders() + plan.twoVersionOrders());
        assertThat(load.out()).contains(plan.orders() + " of " + plan.orders() + " written at the highest version");
    }

    @Test
    void answersOtherThan202FailTheLoad() {
        String otherSecret = WebhookSecret.ofKey(new byte[32]).encoded();

        Result load = load(List.of("load", "20"), Map.of("WEBHOOK_SECRETS", otherSecret));

        assertThat(load.status()).as(load.out() + load.err()).isEqualTo(1);
        assertThat(load.out())
                .contains("0 of 20 answered 202; not 202: 401 x 20")
                .contains("401 says: the request could not be authenticated")
                .contains("401: the stack refused the signatures")
                .contains("did not drain: no webhook was accepted")
                .contains("FAILED: 20 webhook(s) not answered 202.");
    }

    @Test
    void aRefusalIsSaidInTheStacksOwnWords() {
        assertThat(LoadSender.reason("{\"type\":\"urn:webhook-buffer:problem:queue-unavailable\",\"status\":503,"
                        + "\"detail\":\"the queue did not confirm the webhook\"}"))
                .isEqualTo("the queue did not confirm the webhook");
        // Not a problem document (a proxy's page, say): its start, on one line.
        assertThat(LoadSender.reason("<html>\n  <body>Bad Gateway</body>\n</html>\n"))
                .isEqualTo("<html> <body>Bad Gateway</body> </html>");
        assertThat(LoadSender.reason("{\"detail\": 7}")).isEqualTo("{\"detail\": 7}");
        assertThat(LoadSender.reason("  ")).isEqualTo("(no body)");
        assertThat(LoadSender.reason("x".repeat(500))).isEqualTo("x".repeat(200) + "...");
    }

    @Test
    void withNoStackRunningItSaysSoAndSendsNothing() throws Exception {
        int closed;
        try (ServerSocket probe = new ServerSocket(0)) {
            closed = probe.getLocalPort();
        }

        Result load = load(List.of("load", "10"), Map.of(LocalSettings.HTTP_PORT, Integer.toString(closed)));

        assertThat(load.status()).isEqualTo(1);
        assertThat(load.err())
                .contains("no stack answers at http://127.0.0.1:" + closed + " (HTTP_PORT " + closed)
                .contains("Start one with ./run-local");
        assertThat(load.out()).isEmpty();
    }

    @Test
    void aStateFolderWithoutTheStacksDatabaseUrlIsNamedAndLeftUncreated() {
        Path elsewhere = state.resolve("not-the-stacks");

        Result load = load(List.of("load", "10"), Map.of(LocalSettings.LOCAL_STATE_DIR, elsewhere.toString()));

        assertThat(load.status()).isEqualTo(2);
        assertThat(load.err()).contains("no " + elsewhere.resolve("db-url")).contains("LOCAL_STATE_DIR");
        assertThat(elsewhere).doesNotExist();
    }

    @Test
    void badArgumentsAreUsageErrorsThatSayWhatIsAllowed() {
        Map<List<String>, String> bad = Map.of(
                List.of("load", "lots"), "N must be a whole number from 1 to 100000, was: lots",
                List.of("load", "0"), "N must be a whole number from 1 to 100000, was: 0",
                List.of("load", "10", "--rate", "0"), "--rate must be a number of requests per second above 0",
                List.of("load", "--rate=fast"), "--rate must be a number of requests per second above 0",
                List.of("load", "--concurrency", "65"), "--concurrency must be a whole number from 1 to 64, was: 65",
                List.of("load", "--concurrency"), "--concurrency needs a value",
                List.of("load", "10", "20"), "unexpected argument: 20",
                List.of("load", "--burst", "3"), "unexpected argument: --burst");
        bad.forEach((args, message) -> {
            // No stack is asked: a usage error is found before anything is sent.
            Result result = load(args, Map.of(LocalSettings.HTTP_PORT, "1"));
            assertThat(result.status()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(result.err())
                    .as(String.join(" ", args))
                    .contains(message)
                    .contains("usage: ./run-local load [N] [--rate R] [--concurrency C]");
        });
        assertThat(LoadOptions.parse(List.of("--rate", "2.5", "300", "--concurrency=4")))
                .isEqualTo(new LoadOptions(300, Optional.of(2.5), 4));
        assertThat(LoadOptions.parse(List.of())).isEqualTo(new LoadOptions(1000, Optional.empty(), 32));
        assertThat(load(List.of("help"), Map.of()).out())
                .contains("./run-local load [N] [--rate R] [--concurrency C]")
                .contains("N signed sample orders (default 1000;")
                .contains("keep-alive connections (default 32)");
    }

    @Test
    void theDatabaseUrlFileIsReadForJdbcWithoutEverShowingItsPassword() {
        DatabaseSettings db = LocalDatabase.fromPsqlUrl("postgresql://postgres:s3cr-et_x@localhost:5433/postgres\n");
        assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5433/postgres");
        assertThat(db.user()).isEqualTo("postgres");
        assertThat(db.password()).isEqualTo("s3cr-et_x");

        assertThatThrownBy(() -> LocalDatabase.fromPsqlUrl("postgresql://postgres:s3cr et@localhost:5433/postgres"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("s3cr")
                .hasNoCause();
        assertThatThrownBy(() -> LocalDatabase.fromPsqlUrl("jdbc:postgresql://localhost:5433/postgres"))
                .hasMessageContaining("not a postgresql://user:password@host:port/database URL");
    }

    @Test
    void onATerminalTheProgressIsOneLineRedrawnInPlace() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressLine progress = new ProgressLine(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
        Sample status = new Sample(0, 12, 3, 1, 4, 4, Map.of());

        progress.sending(1, 4, 1, Duration.ofMillis(10), status);
        progress.sending(4, 4, 3, Duration.ofMillis(40), status);
        progress.end();

        String drawn = bytes.toString(StandardCharsets.UTF_8);
        assertThat(drawn)
                .startsWith("\rsending  [")
                .contains("\rsending  [########################] 4/4 100%")
                .contains("1 not 202")
                .contains("queue 12 + 3 in flight  db connections 4/4")
                .endsWith("\n");
        assertThat(drawn.chars().filter(c -> c == '\n').count()).isEqualTo(1);
    }

    private record Result(int status, String out, String err) {}

    private static long count(String fromWhere) {
        return StackClient.count(stack.database(), "SELECT count(*) FROM " + fromWhere);
    }

    private static Result load(List<String> args, Map<String, String> extra) {
        Map<String, String> environment = new HashMap<>(Map.of(
                LocalSettings.LOCAL_STATE_DIR, state.toString(),
                LocalSettings.HTTP_PORT, Integer.toString(stack.baseUri().getPort())));
        environment.putAll(extra);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = RunLocal.run(
                args,
                environment,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
