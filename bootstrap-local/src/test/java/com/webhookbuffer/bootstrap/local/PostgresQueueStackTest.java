package com.webhookbuffer.bootstrap.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.webhookbuffer.adapter.persistence.DatabaseSettings;
import com.webhookbuffer.bootstrap.local.parts.LocalSettings;
import com.webhookbuffer.domain.testing.SampleWebhooks;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default stack end to end: the queue on PostgreSQL in the orders' own database, through real sockets. What a
 * webhook becomes, what poison becomes and how the operator gets it back, and where the bound stops the door.
 */
class PostgresQueueStackTest {

    private static final Duration SETTLE = Duration.ofSeconds(30);

    @TempDir
    static Path state;

    private static LocalStack stack;
    private static StackClient client;
    private static final ByteArrayOutputStream BANNER = new ByteArrayOutputStream();

    @BeforeAll
    static void start() {
        stack = LocalStack.start(
                LocalSettings.from(Map.of(
                        LocalSettings.HTTP_PORT,
                        "0",
                        LocalSettings.LOCAL_STATE_DIR,
                        state.toString(),
                        LocalSettings.DB_MAX_CONNECTIONS,
                        "6",
                        LocalSettings.VISIBILITY_TIMEOUT_SECONDS,
                        "5",
                        "RETRY_BACKOFF_BASE_SECONDS",
                        "1")),
                new PrintStream(BANNER, true, StandardCharsets.UTF_8));
        client = new StackClient(stack.baseUri(), stack.secret());
    }

    @AfterAll
    static void stop() {
        client.close();
        stack.close();
    }

    private static DatabaseSettings db() {
        return stack.database();
    }

    private static void execute(String sql) {
        DatabaseSettings db = db();
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static long count(String fromWhere) {
        return StackClient.count(db(), "SELECT count(*) FROM " + fromWhere);
    }

    @Test
    void theBannerNamesTheEngineTheBudgetAndHowToRehearseTheClouds() throws Exception {
        assertThat(BANNER.toString(StandardCharsets.UTF_8))
                .contains("Queue        PostgreSQL, schema webhook_queue in the orders' database")
                .contains("CLOUD=aws ./run-local")
                .contains("CLOUD=azure ./run-local")
                .contains("6 connections (DB_MAX_CONNECTIONS): 2 for the door (QUEUE_DOOR_CONNECTIONS), 4 worker(s) x 1"
                        + " connection(s)")
                .contains(Banner.READY);
        // The oldest message's age is the door's last count, taken every 250 ms from the start.
        JsonNode queue = client.awaitStatus(SETTLE, s -> s.get("queue").has("oldestMessageAgeSeconds"))
                .get("queue");
        assertThat(queue.get("engine").asText()).isEqualTo("postgresql");
        assertThat(queue.get("oldestMessageAgeSeconds").asDouble()).isGreaterThanOrEqualTo(0.0);
    }

    @Test
    void eachAcceptedWebhookIsWrittenOnceAndItsMessageGoneWithTheWrite() throws Exception {
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> answer = client.postSigned(
                    "wh_pg_" + i, SampleWebhooks.order("ord_pg_" + i, 1).json());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        }
        // The same delivery again: a duplicate, acknowledged, never a second row.
        assertThat(client.postSigned(
                                "wh_pg_0", SampleWebhooks.order("ord_pg_0", 1).json())
                        .statusCode())
                .isEqualTo(202);

        client.awaitStatus(
                SETTLE,
                s -> count("processed_webhooks WHERE order_id LIKE 'ord_pg_%'") == 20
                        && s.get("queue").get("depth").asLong() == 0
                        && s.get("queue").get("inFlight").asLong() == 0);

        assertThat(count("orders WHERE order_id LIKE 'ord_pg_%'")).isEqualTo(20);
        assertThat(count("webhook_queue.messages")).isZero();
    }

    @Test
    void poisonIsDeadLetteredWithItsReasonAndTheOperatorCommandsListAndRedriveIt() throws Exception {
        execute("INSERT INTO webhook_queue.messages (body, attribute_names, attribute_values)"
                + " VALUES (convert_to('{\"not\":\"a webhook\"}', 'UTF8'), '{origin}', '{e2e-poison}')");
        client.awaitStatus(SETTLE, s -> s.get("queue").get("deadLetterDepth").asLong() >= 1);

        LocalStackTest.Result list = LocalStackTest.run(state, List.of("dlq", "list"), Map.of());
        assertThat(list.status()).as(list.err()).isZero();
        assertThat(list.out()).contains("reason:").contains("unsupported schemaVersion");

        LocalStackTest.Result redrive = LocalStackTest.run(state, List.of("dlq", "redrive"), Map.of());
        assertThat(redrive.status()).as(redrive.out() + redrive.err()).isZero();
        assertThat(redrive.out()).contains("redrive complete");
        client.awaitStatus(
                SETTLE,
                s -> s.get("counts").get("deadLettered").asLong() >= 2
                        && s.get("queue").get("deadLetterDepth").asLong() >= 1);
    }

    @Test
    void aBoundQueueAnswers503WithRetryAfterAndStatusSaysItIsFull(@TempDir Path other) throws Exception {
        Map<String, String> environment = Map.of(
                LocalSettings.HTTP_PORT, "0",
                LocalSettings.LOCAL_STATE_DIR, other.toString(),
                LocalSettings.QUEUE_MAX_DEPTH, "3",
                LocalSettings.BATCH_SIZE, "1");
        try (LocalStack bounded = LocalStack.start(
                        LocalSettings.from(environment),
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
                StackClient sender = new StackClient(bounded.baseUri(), bounded.secret());
                Connection holder = DriverManager.getConnection(
                        bounded.database().jdbcUrl(),
                        bounded.database().user(),
                        bounded.database().password())) {
            // The worker cannot write while this transaction holds the orders table: what is sent stays queued.
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.execute("LOCK TABLE orders IN ACCESS EXCLUSIVE MODE");
            }
            HttpResponse<String> refused = null;
            int accepted = 0;
            for (int i = 0; i < 200 && refused == null; i++) {
                HttpResponse<String> answer = sender.postSigned(
                        "wh_full_" + i, SampleWebhooks.order("ord_full_" + i, 1).json());
                if (answer.statusCode() == 503) {
                    refused = answer;
                } else {
                    assertThat(answer.statusCode()).isEqualTo(202);
                    accepted++;
                }
            }

            assertThat(refused).as("the door refused once the queue was full").isNotNull();
            assertThat(accepted).isGreaterThanOrEqualTo(3);
            assertThat(refused.headers().firstValue("retry-after")).isPresent();
            assertThat(refused.body()).contains("queue-unavailable");
            JsonNode queue = sender.status().get("queue");
            assertThat(queue.get("maxDepth").asLong()).isEqualTo(3);
            assertThat(queue.get("full").asBoolean()).isTrue();

            holder.rollback();
            int written = accepted;
            sender.awaitStatus(
                    SETTLE,
                    s -> StackClient.count(bounded.database(), "SELECT count(*) FROM orders") == written
                            && !s.get("queue").get("full").asBoolean());
        }
    }

    @Test
    void aBudgetWithoutRoomForTheDoorIsRefusedBeforeAnythingStarts() {
        LocalStackTest.Result refused = LocalStackTest.run(
                state,
                List.of(),
                Map.of(LocalSettings.DB_MAX_CONNECTIONS, "2", LocalSettings.QUEUE_DOOR_CONNECTIONS, "2"));

        assertThat(refused.status()).isEqualTo(2);
        assertThat(refused.err()).contains("QUEUE_DOOR_CONNECTIONS (2)").contains("DB_MAX_CONNECTIONS (2)");
    }
}
