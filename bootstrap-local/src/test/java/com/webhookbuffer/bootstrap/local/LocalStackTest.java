package com.webhookbuffer.bootstrap.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.webhookbuffer.adapter.aws.out.SqsClients;
import com.webhookbuffer.adapter.persistence.DatabaseSettings;
import com.webhookbuffer.bootstrap.local.parts.DevelopmentSecret;
import com.webhookbuffer.bootstrap.local.parts.LocalDatabase;
import com.webhookbuffer.bootstrap.local.parts.LocalSettings;
import com.webhookbuffer.domain.testing.SampleWebhooks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * The local stack end to end, through its real sockets: webhooks in over HTTP, through ElasticMQ and the poller,
 * into the embedded PostgreSQL; what comes out is read over HTTP ({@code /status}) and JDBC. One stack for the
 * class; each test uses order ids of its own.
 */
class LocalStackTest {

    private static final Duration SETTLE = Duration.ofSeconds(30);

    @TempDir
    static Path state;

    private static LocalStack stack;
    private static StackClient client;
    private static final ByteArrayOutputStream BANNER = new ByteArrayOutputStream();

    @BeforeAll
    static void start() {
        stack = LocalStack.start(
                LocalSettings.from(environment()), new PrintStream(BANNER, true, StandardCharsets.UTF_8));
        client = new StackClient(stack.baseUri(), stack.secret());
    }

    @AfterAll
    static void stop() {
        client.close();
        stack.close();
    }

    static Map<String, String> environment() {
        return Map.of(
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
                LocalSettings.VISIBILITY_TIMEOUT_SECONDS,
                "5",
                "RETRY_BACKOFF_BASE_SECONDS",
                "1");
    }

    private static DatabaseSettings db() {
        return stack.database();
    }

    @Test
    void theBannerSaysWhereEverythingIsKept() {
        String banner = BANNER.toString(StandardCharsets.UTF_8);
        assertThat(banner)
                .contains("POST " + stack.baseUri() + "/webhooks")
                .contains(stack.sqsEndpoint().toString())
                .contains(stack.database().jdbcUrl())
                .contains(state.resolve("postgres").toString())
                .contains(stack.secret().encoded())
                .contains("development secret, generated")
                .contains(state.resolve("queues.mv.db") + "  (messages survive a restart")
                .contains("4 connections (DB_MAX_CONNECTIONS): 4 worker(s) x 1 connection(s)")
                .contains(Banner.READY);
    }

    @Test
    void theReadmesPsqlLineReadsTheOrdersOfTheEmbeddedDatabase() throws Exception {
        assumeTrue(onPath("psql"), "needs the psql client");
        assertThat(client.postSigned(
                                "wh_e2e_psql",
                                SampleWebhooks.order("ord_e2e_psql", 1).json())
                        .statusCode())
                .isEqualTo(202);
        client.awaitStatus(SETTLE, s -> count("orders WHERE order_id = 'ord_e2e_psql'") == 1);
        Process psql = new ProcessBuilder(
                        "bash",
                        "-c",
                        "psql \"$(cat " + state.resolve(LocalDatabase.DB_URL_FILE)
                                + ")\" -c 'select order_id, version, status, total from orders'")
                .redirectErrorStream(true)
                .start();
        assertThat(psql.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("ord_e2e_psql")
                .contains("placed")
                .contains("39.98");
    }

    @Test
    void duplicatesAndOutOfOrderVersionsEndAsOneRowAtTheHighestVersion() throws Exception {
        assertThat(client.postSigned(
                                "wh_e2e_a2",
                                SampleWebhooks.order("ord_e2e_a", 2).json())
                        .statusCode())
                .isEqualTo(202);
        assertThat(client.postSigned(
                                "wh_e2e_a2",
                                SampleWebhooks.order("ord_e2e_a", 2).json())
                        .statusCode())
                .isEqualTo(202);
        client.awaitStatus(
                SETTLE,
                status -> count("processed_webhooks WHERE order_id = 'ord_e2e_a'") == 1
                        && status.get("counts").get("duplicate").asLong() >= 1);

        HttpResponse<String> older = client.postSigned(
                "wh_e2e_a1", SampleWebhooks.order("ord_e2e_a", 1).json());
        assertThat(older.statusCode()).isEqualTo(202);
        assertThat(older.body()).contains("\"id\":\"wh_e2e_a1\"");
        JsonNode status =
                client.awaitStatus(SETTLE, s -> count("processed_webhooks WHERE order_id = 'ord_e2e_a'") == 2);

        assertThat(count("orders WHERE order_id = 'ord_e2e_a'")).isEqualTo(1);
        assertThat(count("orders WHERE order_id = 'ord_e2e_a' AND version = 2 AND webhook_id = 'wh_e2e_a2'"))
                .isEqualTo(1);
        assertThat(count("processed_webhooks WHERE webhook_id = 'wh_e2e_a1' AND outcome = 'stale'"))
                .isEqualTo(1);
        JsonNode counts = status.get("counts");
        assertThat(counts.get("accepted").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(counts.get("written").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(counts.get("stale").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void badRequestsAreAnsweredWithProblemDetailsAndNothingIsQueued() throws Exception {
        long acceptedBefore =
                client.awaitDrained(SETTLE).get("counts").get("accepted").asLong();
        byte[] valid = SampleWebhooks.order("ord_e2e_bad", 1).bytes();

        HttpResponse<String> invalid = client.postSigned(
                "wh_e2e_invalid",
                SampleWebhooks.order("ord_e2e_bad", 1)
                        .with("data.items[0].quantity", 0)
                        .json());
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(invalid.body()).contains("urn:webhook-buffer:problem:").contains("quantity");

        HttpResponse<String> unsigned =
                client.post(HttpRequest.newBuilder(stack.baseUri().resolve("/webhooks"))
                        .header("content-type", "application/json")
                        .header("webhook-id", "wh_e2e_unsigned")
                        .header("webhook-timestamp", Long.toString(System.currentTimeMillis() / 1000))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(valid)));
        assertThat(unsigned.statusCode()).isEqualTo(401);

        byte[] oversized = new byte[300 * 1024];
        Arrays.fill(oversized, (byte) ' ');
        System.arraycopy(valid, 0, oversized, 0, valid.length);
        assertThat(client.postSigned("wh_e2e_oversized", oversized).statusCode())
                .isEqualTo(413);

        HttpResponse<String> notJson =
                client.post(HttpRequest.newBuilder(stack.baseUri().resolve("/webhooks"))
                        .header("content-type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString("hello")));
        assertThat(notJson.statusCode()).isEqualTo(415);

        JsonNode status = client.awaitDrained(SETTLE);
        assertThat(status.get("counts").get("accepted").asLong()).isEqualTo(acceptedBefore);
        assertThat(count("processed_webhooks WHERE order_id = 'ord_e2e_bad'")).isZero();
    }

    @Test
    void poisonGoesToTheDeadLetterQueueWhereTheOperatorCommandsFindIt() throws Exception {
        // Not our envelope: a message some other producer put on the queue. The worker dead-letters it at once.
        try (SqsClient producer = SqsClients.forEndpoint(stack.sqsEndpoint(), Region.US_EAST_1)) {
            producer.sendMessage(send -> send.queueUrl(stack.queueUrl())
                    .messageBody("{\"not\":\"a webhook\"}")
                    .messageAttributes(Map.of(
                            "origin",
                            MessageAttributeValue.builder()
                                    .dataType("String")
                                    .stringValue("e2e-poison")
                                    .build())));
        }
        JsonNode status = client.awaitStatus(
                SETTLE, s -> s.get("queue").get("deadLetterDepth").asLong() >= 1);
        assertThat(status.get("counts").get("deadLettered").asLong()).isGreaterThanOrEqualTo(1);

        Map<String, String> operator = Map.of(
                LocalSettings.CLOUD,
                "aws",
                LocalSettings.SQS_PORT,
                Integer.toString(stack.sqsEndpoint().getPort()));
        Result list = run(List.of("dlq", "list"), operator);
        assertThat(list.status()).isZero();
        assertThat(list.out()).contains("reason:").contains("dead letter(s) in " + stack.deadLetterQueueUrl());
        // Listing hides nothing for long: the dead letter is visible again at once.
        assertThat(client.status().get("queue").get("deadLetterDepth").asLong()).isGreaterThanOrEqualTo(1);

        Result redrive = run(List.of("dlq", "redrive"), operator);
        assertThat(redrive.status()).as(redrive.out()).isZero();
        assertThat(redrive.out()).contains("redrive complete");
        // Still poison, so it is dead-lettered again: redrive moved it, the worker judged it once more.
        client.awaitStatus(
                SETTLE,
                s -> s.get("counts").get("deadLettered").asLong() >= 2
                        && s.get("queue").get("deadLetterDepth").asLong() >= 1);
    }

    @Test
    void sendSignsWithTheStacksSecretAndTheOrderIsWritten() throws Exception {
        Path file = state.resolve("order.json");
        Files.writeString(file, SampleWebhooks.order("ord_e2e_send", 1).json());
        Result sent = run(
                List.of("send", file.toString()),
                Map.of(LocalSettings.HTTP_PORT, Integer.toString(stack.baseUri().getPort())));
        assertThat(sent.status()).as(sent.out()).isZero();
        assertThat(sent.out()).contains("202");
        client.awaitStatus(SETTLE, s -> count("orders WHERE order_id = 'ord_e2e_send'") == 1);
    }

    @Test
    void aSecondStackOnTheSameStateFolderIsRefusedAndTheFirstRunsOn() throws Exception {
        // Another ./run-local on this stack's folder, as from a second terminal.
        try (StackProcess second = new StackProcess(state, Map.of())) {
            assertThat(second.awaitExit()).as(second.printed()).isEqualTo(2);
            assertThat(second.printed())
                    .contains("the state folder " + state + " (LOCAL_STATE_DIR) is in use by another running stack "
                            + "(pid " + ProcessHandle.current().pid() + ")")
                    .doesNotContain("PostgreSQL: a server");
        }

        // Its database was left alone: a webhook still goes all the way.
        assertThat(client.postSigned(
                                "wh_e2e_second",
                                SampleWebhooks.order("ord_e2e_second", 1).json())
                        .statusCode())
                .isEqualTo(202);
        client.awaitStatus(SETTLE, s -> count("orders WHERE order_id = 'ord_e2e_second'") == 1);
    }

    @Test
    void sendWithNoStackRunningSaysHowToStartOne() throws Exception {
        int closed;
        try (ServerSocket probe = new ServerSocket(0)) {
            closed = probe.getLocalPort();
        }

        Result sent = run(List.of("send"), Map.of(LocalSettings.HTTP_PORT, Integer.toString(closed)));

        assertThat(sent.status()).isEqualTo(1);
        assertThat(sent.err())
                .contains("run-local send: no stack answers at http://127.0.0.1:" + closed + " (HTTP_PORT " + closed)
                .contains("Start one with ./run-local");
    }

    @Test
    void thePrintedCurlExampleWorksAsPasted() throws Exception {
        assumeTrue(onPath("openssl") && onPath("curl"), "needs openssl and curl");
        String example =
                Banner.curlExample(stack.baseUri(), DevelopmentSecret.resolve(LocalSettings.from(environment())));
        String statusOnly = example.replace("curl -i", "curl -s -o /dev/null -w '%{http_code}'");
        Process bash = new ProcessBuilder("bash", "-c", statusOnly)
                .redirectErrorStream(true)
                .start();
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("202");
        client.awaitStatus(SETTLE, s -> count("orders WHERE order_id = 'ord_quickstart'") == 1);
    }

    @Test
    void healthStatusAndUnknownRoutes() {
        assertThat(client.get("/health").statusCode()).isEqualTo(200);
        JsonNode status = client.status();
        assertThat(status.get("accepting").asBoolean()).isTrue();
        assertThat(status.get("database").get("connectionBudget").asInt()).isEqualTo(4);
        assertThat(status.get("database").get("connectionsOpen").asInt()).isBetween(0, 4);
        assertThat(status.get("database").get("workerMaxConcurrency").asInt()).isEqualTo(4);
        assertThat(client.get("/nowhere").statusCode()).isEqualTo(404);
        HttpResponse<String> getWebhooks = client.get("/webhooks");
        assertThat(getWebhooks.statusCode()).isEqualTo(405);
        assertThat(getWebhooks.headers().firstValue("allow")).hasValue("POST");
    }

    @Test
    void aSettingThatBreaksTheBudgetStopsTheStackBeforeItStarts() {
        Result tooMany = run(
                List.of(), Map.of(LocalSettings.DB_MAX_CONNECTIONS, "4", LocalSettings.WORKER_MAX_CONCURRENCY, "5"));
        assertThat(tooMany.status()).isEqualTo(2);
        assertThat(tooMany.err()).contains("WORKER_MAX_CONCURRENCY (5) would break the connection budget");

        Result notANumber = run(List.of("dlq", "list"), Map.of(LocalSettings.BATCH_SIZE, "ten"));
        assertThat(notANumber.status()).isEqualTo(2);
        assertThat(notANumber.err()).contains("BATCH_SIZE must be a whole number");

        Result unknown = run(List.of("dlq", "purge"), Map.of());
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown command: dlq purge").contains("usage:");
    }

    @Test
    void aPortInUseStopsTheStartBeforeAnythingStartsAndNamesTheVariable() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Path elsewhere = state.resolve("second-stack");
            Result second = run(
                    List.of(),
                    Map.of(
                            LocalSettings.LOCAL_STATE_DIR,
                            elsewhere.toString(),
                            LocalSettings.SQS_PORT,
                            "0",
                            LocalSettings.HTTP_PORT,
                            Integer.toString(taken.getLocalPort())));
            assertThat(second.status()).isEqualTo(2);
            assertThat(second.err()).contains("cannot listen on port " + taken.getLocalPort() + " (HTTP_PORT)");
            // Checked before anything started: no database was set up for nothing.
            assertThat(elsewhere.resolve("postgres")).doesNotExist();
        }
    }

    private static long count(String fromWhere) {
        return StackClient.count(db(), "SELECT count(*) FROM " + fromWhere);
    }

    record Result(int status, String out, String err) {}

    static Result run(List<String> args, Map<String, String> extra) {
        return run(state, args, extra);
    }

    /** {@code ./run-local args} in this JVM, on the stack whose state folder is {@code state}, with {@code extra}. */
    static Result run(Path state, List<String> args, Map<String, String> extra) {
        Map<String, String> environment = new HashMap<>(Map.of(LocalSettings.LOCAL_STATE_DIR, state.toString()));
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

    private static boolean onPath(String command) {
        try {
            return new ProcessBuilder("bash", "-c", "command -v " + command)
                            .start()
                            .waitFor()
                    == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
