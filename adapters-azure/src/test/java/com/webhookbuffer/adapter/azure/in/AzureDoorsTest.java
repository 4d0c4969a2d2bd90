package com.webhookbuffer.adapter.azure.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.azure.storage.queue.models.QueueMessageItem;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.webhookbuffer.adapter.azure.TestAzurite;
import com.webhookbuffer.adapter.azure.message.StorageQueue;
import com.webhookbuffer.adapter.azure.out.AzureDeadLetterQueue;
import com.webhookbuffer.adapter.azure.out.AzureFailedDeliveries;
import com.webhookbuffer.adapter.azure.out.AzureMessageQueue;
import com.webhookbuffer.adapter.inmemory.InMemoryOrderRepository;
import com.webhookbuffer.adapter.json.JacksonPayloadParser;
import com.webhookbuffer.application.ingest.AcceptWebhook;
import com.webhookbuffer.application.ingest.IngestSettings;
import com.webhookbuffer.application.ingest.WebhookSignature;
import com.webhookbuffer.application.payload.PayloadValidation;
import com.webhookbuffer.application.reading.PayloadReader;
import com.webhookbuffer.application.worker.ProcessWebhookBatch;
import com.webhookbuffer.domain.order.OrderId;
import com.webhookbuffer.domain.processing.RetryBackoff;
import com.webhookbuffer.domain.processing.RetryPolicy;
import com.webhookbuffer.domain.queue.DeadLetter;
import com.webhookbuffer.domain.testing.HostileRequests;
import com.webhookbuffer.domain.testing.SampleWebhooks;
import com.webhookbuffer.domain.webhook.CorrelationId;
import com.webhookbuffer.domain.webhook.QueuedWebhook;
import com.webhookbuffer.domain.webhook.WebhookId;
import com.webhookbuffer.domain.webhook.WebhookSecret;
import com.webhookbuffer.standin.azure.FunctionsHostQueue;
import com.webhookbuffer.standin.azure.FunctionsHttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Both Azure Functions doors as the host would call them, with Azurite in the middle: a signed request through the
 * HTTP door is queued and answered 202 (and anything else is answered as on AWS, with nothing queued); a queued
 * message through the queue door is written, dead-lettered with its reason, or handed back with its backoff, and the
 * host's own completion leaves each where it belongs.
 */
class AzureDoorsTest {

    private static final WebhookSecret SECRET = WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    private static final long NOW = 1_764_165_600L;
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
    private static final PayloadReader READER =
            new PayloadReader(new JacksonPayloadParser(), PayloadValidation.newValidator());
    private static final int MAX_DEQUEUE_COUNT = 3;

    private StorageQueue storage;
    private FunctionsHostQueue host;
    private final InMemoryOrderRepository repository = new InMemoryOrderRepository();
    private AzureHttpHandler http;
    private AzureQueueHandler worker;

    @BeforeEach
    void wire() {
        storage = TestAzurite.newQueue();
        host = new FunctionsHostQueue(storage.queue(), storage.poison(), Duration.ofSeconds(30), MAX_DEQUEUE_COUNT);
        http = new AzureHttpHandler(new AcceptWebhook(
                IngestSettings.withSecrets(List.of(SECRET)), READER, new AzureMessageQueue(storage), CLOCK));
        worker = workerOn(storage);
    }

    private AzureQueueHandler workerOn(StorageQueue failures) {
        return new AzureQueueHandler(
                new ProcessWebhookBatch(
                        READER,
                        repository,
                        new AzureFailedDeliveries(failures, MAX_DEQUEUE_COUNT),
                        new RetryPolicy(
                                new RetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(2)),
                                new RetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(2))),
                        new Random(7)),
                storage.messages());
    }

    private HttpResponseMessage post(String webhookId, byte[] body) {
        return http.handle(
                new FunctionsHttpRequest(
                        Map.of(
                                "Content-Type",
                                "application/json",
                                "Webhook-Id",
                                webhookId,
                                "Webhook-Timestamp",
                                Long.toString(NOW),
                                "Webhook-Signature",
                                WebhookSignature.sign(SECRET, webhookId, NOW, body)),
                        body),
                "3f2a1c7e-0000-4000-8000-00000000abcd");
    }

    /** The host's invocation: the worker function, then completion as the host does it when the function returns. */
    private void deliver(QueueMessageItem message) {
        worker.handle(
                message.getBody().toString(),
                message.getMessageId(),
                message.getPopReceipt(),
                message.getDequeueCount());
        host.complete(message.getMessageId(), message.getPopReceipt());
    }

    private QueueMessageItem receiveOne() {
        List<QueueMessageItem> messages = host.receive(1, Duration.ofSeconds(3));
        assertThat(messages).hasSize(1);
        return messages.getFirst();
    }

    private List<DeadLetter> deadLetters() {
        List<DeadLetter> read = new ArrayList<>();
        new AzureDeadLetterQueue(storage).readAll(read::add);
        return read;
    }

    @Test
    void aSignedWebhookIsAnswered202QueuedAndWrittenOnceTheHostCompletesIt() {
        HttpResponseMessage answer =
                post("wh_azure_1", SampleWebhooks.order("ord_az_1", 1).bytes());

        assertThat(answer.getStatusCode()).isEqualTo(202);
        assertThat(answer.getHeader("X-Correlation-Id")).isEqualTo("3f2a1c7e-0000-4000-8000-00000000abcd");
        deliver(receiveOne());

        assertThat(repository.find(OrderId.of("ord_az_1"))).isPresent();
        assertThat(host.receive(10, Duration.ZERO)).as("the host deleted it").isEmpty();
        assertThat(new AzureDeadLetterQueue(storage).depth().isDrained()).isTrue();
    }

    @Test
    void whatTheDoorRefusesIsAnsweredAsOnAwsAndNothingIsQueued() {
        byte[] body = SampleWebhooks.order("ord_az_2", 1).bytes();
        HttpResponseMessage unsigned = http.handle(
                new FunctionsHttpRequest(Map.of("Content-Type", "application/json"), body),
                "3f2a1c7e-0000-4000-8000-00000000abce");
        HttpResponseMessage wrongType = http.handle(
                new FunctionsHttpRequest(
                        Map.of(
                                "Content-Type",
                                "text/plain",
                                "Webhook-Id",
                                "wh_az_2",
                                "Webhook-Timestamp",
                                Long.toString(NOW),
                                "Webhook-Signature",
                                WebhookSignature.sign(SECRET, "wh_az_2", NOW, body)),
                        body),
                "3f2a1c7e-0000-4000-8000-00000000abcf");

        assertThat(unsigned.getStatusCode()).isEqualTo(401);
        assertThat(unsigned.getHeader("Content-Type")).isEqualTo("application/problem+json");
        assertThat(wrongType.getStatusCode()).isEqualTo(415);
        assertThat(host.receive(10, Duration.ZERO)).isEmpty();
    }

    @Test
    void generatedHeadersAndBodiesNeverGetAnAnswerAbove499AndOnlyA202IsQueued() {
        long seed = HostileRequests.seed();
        int cases = HostileRequests.cases(300);
        System.out.printf("AzureDoorsTest: %d generated cases, -Dfuzz.seed=%d%n", cases, seed);
        HostileRequests requests = new HostileRequests(
                seed, (id, timestamp, body) -> WebhookSignature.sign(SECRET, id, Long.parseLong(timestamp), body), NOW);
        int accepted = 0;
        for (int n = 0; n < cases; n++) {
            HostileRequests.Request request = requests.next(n);
            Map<String, String> headers = new HashMap<>();
            putIfPresent(headers, "Content-Type", request.contentType());
            putIfPresent(headers, "Webhook-Id", request.webhookId());
            putIfPresent(headers, "Webhook-Timestamp", request.timestamp());
            putIfPresent(headers, "Webhook-Signature", request.signature());
            HttpResponseMessage answer;
            try {
                answer = http.handle(new FunctionsHttpRequest(headers, request.body()), "invocation-" + n);
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + seed + ", " + request + ": the door threw " + e, e);
            }
            assertThat(answer.getStatusCode()).as("seed %d, %s", seed, request).isBetween(200, 499);
            if (answer.getStatusCode() == 202) {
                accepted++;
            }
        }
        int queued = 0;
        List<QueueMessageItem> batch;
        while (!(batch = host.receive(32, Duration.ZERO)).isEmpty()) {
            queued += batch.size();
            batch.forEach(message -> host.complete(message.getMessageId(), message.getPopReceipt()));
        }
        assertThat(queued).as("queued: exactly the requests answered 202").isEqualTo(accepted);
    }

    private static void putIfPresent(Map<String, String> headers, String name, String value) {
        if (value != null) {
            headers.put(name, value);
        }
    }

    @Test
    void aDuplicateIsWrittenOnceAndAnOlderVersionChangesNothing() {
        post("wh_az_v2", SampleWebhooks.order("ord_az_3", 2).bytes());
        post("wh_az_v2", SampleWebhooks.order("ord_az_3", 2).bytes());
        post("wh_az_v1", SampleWebhooks.order("ord_az_3", 1).bytes());

        for (QueueMessageItem message : host.receive(10, Duration.ofSeconds(3))) {
            deliver(message);
        }

        assertThat(repository
                        .find(OrderId.of("ord_az_3"))
                        .orElseThrow()
                        .version()
                        .value())
                .isEqualTo(2);
        assertThat(host.receive(10, Duration.ZERO)).isEmpty();
    }

    @Test
    void poisonGoesToThePoisonQueueWithItsReasonAndTheHostsCompletionLeavesItThere() {
        // The door refuses such a body (400), so it comes from another producer, or from before a rule changed.
        new AzureMessageQueue(storage)
                .publish(new QueuedWebhook(
                        WebhookId.of("wh_az_bad"),
                        CLOCK.instant(),
                        CorrelationId.of("req-bad"),
                        SampleWebhooks.order("ord_az_4", 1)
                                .with("data.total", "1.00")
                                .json()));

        deliver(receiveOne());

        assertThat(deadLetters())
                .singleElement()
                .satisfies(dead -> assertThat(dead.reason().orElseThrow())
                        .startsWith("invalid payload: data.total: must equal the sum"));
        assertThat(host.receive(10, Duration.ZERO)).isEmpty();
    }

    @Test
    void aStoreOutageHandsTheMessageBackWithItsBackoffUntilTheRedrivePolicyTakesIt() throws Exception {
        post("wh_az_retry", SampleWebhooks.order("ord_az_5", 1).bytes());
        repository.setAvailable(false);

        for (int receive = 1; receive <= MAX_DEQUEUE_COUNT; receive++) {
            QueueMessageItem message = receiveOne();
            assertThat(message.getDequeueCount()).isEqualTo(receive);
            deliver(message);
            assertThat(host.receive(10, Duration.ZERO))
                    .as("invisible during its backoff")
                    .isEmpty();
            Thread.sleep(2_200);
        }

        assertThat(deadLetters())
                .singleElement()
                .satisfies(dead -> assertThat(dead.reason())
                        .as("moved as the host's policy would")
                        .isEmpty());
        assertThat(host.receive(10, Duration.ZERO)).isEmpty();
    }

    @Test
    void aQueueThatCannotTakeTheBackoffHasTheHostReturnTheMessage() {
        post("wh_az_returned", SampleWebhooks.order("ord_az_6", 1).bytes());
        repository.setAvailable(false);
        AzureQueueHandler cut = workerOn(StorageQueue.connect(TestAzurite.connectionString(), "no-such-queue"));
        QueueMessageItem message = receiveOne();

        assertThatExceptionOfType(AzureQueueHandler.MessageReturned.class)
                .isThrownBy(() -> cut.handle(
                        message.getBody().toString(),
                        message.getMessageId(),
                        message.getPopReceipt(),
                        message.getDequeueCount()));
    }

    @Test
    void aLargeBodyIsReleasedOnceWrittenAndADeliveryAfterThatIsAlreadySettled() {
        // Past what a message holds: an unknown field is ignored by the rules, so the order is still valid.
        String padded = SampleWebhooks.order("ord_az_7", 1)
                .json()
                .replaceFirst("\\{", "{\"pad\":\"" + "p".repeat(60_000) + "\",");
        assertThat(post("wh_az_large", padded.getBytes(StandardCharsets.UTF_8)).getStatusCode())
                .isEqualTo(202);
        assertThat(storage.bodies().listBlobs()).hasSize(1);
        QueueMessageItem message = receiveOne();

        deliver(message);
        worker.handle(message.getBody().toString(), message.getMessageId(), "stale", 2);

        assertThat(repository.find(OrderId.of("ord_az_7"))).isPresent();
        assertThat(storage.bodies().listBlobs()).isEmpty();
    }
}
