package com.webhookbuffer.bootstrap.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.webhookbuffer.adapter.inmemory.InMemoryMessageQueue;
import com.webhookbuffer.adapter.persistence.ConnectionPool;
import com.webhookbuffer.adapter.persistence.DatabaseSettings;
import com.webhookbuffer.adapter.persistence.MyBatisOrderRepository;
import com.webhookbuffer.adapter.persistence.TestPostgres;
import com.webhookbuffer.application.ingest.AcceptWebhook;
import com.webhookbuffer.application.ingest.IngestSettings;
import com.webhookbuffer.application.ingest.WebhookSignature;
import com.webhookbuffer.application.reading.PayloadReader;
import com.webhookbuffer.application.reading.PayloadReading;
import com.webhookbuffer.application.worker.ProcessWebhookBatch;
import com.webhookbuffer.bootstrap.pipeline.Pipeline;
import com.webhookbuffer.domain.order.Order;
import com.webhookbuffer.domain.order.OrderId;
import com.webhookbuffer.domain.processing.BatchReport;
import com.webhookbuffer.domain.processing.MessageResult;
import com.webhookbuffer.domain.processing.ProcessingOutcome;
import com.webhookbuffer.domain.processing.RetryBackoff;
import com.webhookbuffer.domain.processing.RetryPolicy;
import com.webhookbuffer.domain.queue.Delivery;
import com.webhookbuffer.domain.testing.HostileRequests;
import com.webhookbuffer.domain.testing.MutableClock;
import com.webhookbuffer.domain.testing.SampleWebhooks;
import com.webhookbuffer.domain.webhook.AcceptOutcome;
import com.webhookbuffer.domain.webhook.CorrelationId;
import com.webhookbuffer.domain.webhook.IncomingWebhook;
import com.webhookbuffer.domain.webhook.WebhookSecret;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The door accepts only what the store can keep: the boundary values of every payload rule, and thousands of
 * generated requests, go through {@link AcceptWebhook} and on through the worker into the real PostgreSQL adapter.
 * Everything answered {@code 202} ends written (or, for a repeated id or version, duplicate or stale), never poison;
 * and what is read back is the order that was accepted.
 */
class StorableBoundariesTest {

    private static final RetryBackoff SECONDS = new RetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(2));

    private static final WebhookSecret SECRET = WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    private static final PayloadReader READER = Pipeline.payloadReader();

    private static HikariDataSource pool;
    private static MyBatisOrderRepository repository;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final InMemoryMessageQueue queue = new InMemoryMessageQueue(clock, Duration.ofSeconds(30), 5);
    private final AcceptWebhook inbox =
            new AcceptWebhook(IngestSettings.withSecrets(List.of(SECRET)), READER, queue, clock);
    private final ProcessWebhookBatch worker =
            new ProcessWebhookBatch(READER, repository, queue, new RetryPolicy(SECONDS, SECONDS), new Random(1));

    @BeforeAll
    static void openStore() {
        DatabaseSettings db = TestPostgres.shared();
        pool = ConnectionPool.open(db.withPoolSize(2));
        repository = new MyBatisOrderRepository(pool);
    }

    @AfterAll
    static void closeStore() {
        pool.close();
    }

    /** The accepting side of every rule's boundary, one order each. */
    private static final Map<String, UnaryOperator<SampleWebhooks>> AT_THE_BOUNDARY = Map.ofEntries(
            Map.entry("first instant of year 1", s -> s.with("timestamp", "0001-01-01T00:00:00Z")),
            Map.entry("year 1 written west of UTC", s -> s.with("timestamp", "0001-01-01T00:00:00-18:00")),
            Map.entry("last instant of year 9999", s -> s.with("timestamp", "9999-12-31T23:59:59.999999999Z")),
            Map.entry("year 9999 written east of UTC", s -> s.with("timestamp", "9999-12-31T23:59:59+18:00")),
            Map.entry("highest version", s -> s.with("data.version", Long.MAX_VALUE)),
            Map.entry(
                    "longest ids",
                    s -> s.with("data.customerId", "c".repeat(64)).with("data.items[0].sku", "S".repeat(64))),
            Map.entry(
                    "largest JPY amount",
                    s -> s.with("data.currency", "JPY")
                            .with("data.items[0].quantity", 1)
                            .with("data.items[0].unitPrice", "999999999999999")
                            .with("data.total", "999999999999999")),
            Map.entry(
                    "largest EUR amount",
                    s -> s.with("data.items[0].quantity", 1)
                            .with("data.items[0].unitPrice", "999999999999999.99")
                            .with("data.total", "999999999999999.99")),
            Map.entry(
                    "three fraction digits (KWD)",
                    s -> s.with("data.currency", "KWD")
                            .with("data.items[0].quantity", 1)
                            .with("data.items[0].unitPrice", "999999999999999.999")
                            .with("data.total", "999999999999999.999")),
            Map.entry(
                    "four fraction digits (CLF)",
                    s -> s.with("data.currency", "CLF")
                            .with("data.items[0].quantity", 1)
                            .with("data.items[0].unitPrice", "999999999999999.9999")
                            .with("data.total", "999999999999999.9999")),
            Map.entry(
                    "largest quantity",
                    s -> s.with("data.items[0].quantity", 10_000)
                            .with("data.items[0].unitPrice", "99999999999.99")
                            .with("data.total", "999999999999900")),
            Map.entry(
                    "zero amounts", s -> s.with("data.items[0].unitPrice", "0").with("data.total", "0.00")),
            Map.entry("most items", StorableBoundariesTest::fiveHundredItems));

    private static SampleWebhooks fiveHundredItems(SampleWebhooks sample) {
        for (int i = 2; i <= 500; i++) {
            sample.withItem("SKU-" + i, 10_000, "1.01");
        }
        return sample.with("data.total", "5039939.98");
    }

    @Test
    void everyBoundaryValueTheDoorAcceptsIsWrittenAndReadBackAsAccepted() {
        int n = 0;
        for (Map.Entry<String, UnaryOperator<SampleWebhooks>> boundary : AT_THE_BOUNDARY.entrySet()) {
            String orderId = "ord_edge_" + n++;
            byte[] body =
                    boundary.getValue().apply(SampleWebhooks.order(orderId, 1)).bytes();
            assertThat(inbox.accept(signed("wh_edge_" + n, body)))
                    .as(boundary.getKey())
                    .isInstanceOf(AcceptOutcome.Accepted.class);
            assertThat(drain()).as(boundary.getKey()).containsOnly(ProcessingOutcome.Written.class);
            Order accepted = ((PayloadReading.Valid) READER.read(body)).update().order();
            assertThat(repository.find(OrderId.of(orderId)))
                    .as(boundary.getKey())
                    .contains(accepted);
        }
    }

    @Test
    void theLongestWebhookIdOfEveryVisibleCharacterIsWrittenOnce() {
        String visible = IntStream.rangeClosed(0x21, 0x7e)
                .mapToObj(c -> String.valueOf((char) c))
                .collect(Collectors.joining());
        String webhookId = (visible + visible + visible).substring(0, 255);
        byte[] body = SampleWebhooks.order("ord_edge_id", 1).bytes();
        assertThat(inbox.accept(signed(webhookId, body))).isInstanceOf(AcceptOutcome.Accepted.class);
        assertThat(inbox.accept(signed(webhookId, body))).isInstanceOf(AcceptOutcome.Accepted.class);
        assertThat(drain()).containsExactly(ProcessingOutcome.Written.class, ProcessingOutcome.Duplicate.class);
    }

    @Test
    void generatedRequestsAcceptedAtTheDoorEndInTheStoreNeverAsPoison() {
        long seed = HostileRequests.seed();
        int cases = HostileRequests.cases(1_500);
        System.out.printf("StorableBoundariesTest: %d generated cases, -Dfuzz.seed=%d%n", cases, seed);
        HostileRequests requests = new HostileRequests(
                seed,
                (id, timestamp, body) -> WebhookSignature.sign(SECRET, id, Long.parseLong(timestamp), body),
                clock.instant().getEpochSecond());
        int accepted = 0;
        for (int n = 0; n < cases; n++) {
            HostileRequests.Request request = requests.next(n);
            AcceptOutcome outcome = inbox.accept(new IncomingWebhook(
                    request.contentType(),
                    request.webhookId(),
                    request.timestamp(),
                    request.signature(),
                    request.body(),
                    CorrelationId.of("req-" + n)));
            if (outcome instanceof AcceptOutcome.Accepted) {
                accepted++;
                assertThat(drain())
                        .as("seed %d, %s", seed, request)
                        .allMatch(outcomeClass -> outcomeClass == ProcessingOutcome.Written.class
                                || outcomeClass == ProcessingOutcome.Stale.class
                                || outcomeClass == ProcessingOutcome.Duplicate.class);
            }
        }
        System.out.printf("StorableBoundariesTest: %d of %d accepted, all stored%n", accepted, cases);
        assertThat(accepted).as("the generator must reach the store").isPositive();
    }

    private IncomingWebhook signed(String webhookId, byte[] body) {
        long now = clock.instant().getEpochSecond();
        return new IncomingWebhook(
                "application/json",
                webhookId,
                Long.toString(now),
                WebhookSignature.sign(SECRET, webhookId, now, body),
                body,
                CorrelationId.of("req-edge"));
    }

    /** Every message queued so far through the worker and the PostgreSQL adapter; their outcomes' kinds. */
    private List<Class<?>> drain() {
        List<Class<?>> outcomes = new ArrayList<>();
        List<Delivery> batch;
        while (!(batch = queue.receive(10)).isEmpty()) {
            BatchReport report = worker.process(batch);
            for (MessageResult result : report.results()) {
                outcomes.add(result.outcome().getClass());
            }
            report.acknowledged().forEach(queue::acknowledge);
        }
        return Collections.unmodifiableList(outcomes);
    }
}
