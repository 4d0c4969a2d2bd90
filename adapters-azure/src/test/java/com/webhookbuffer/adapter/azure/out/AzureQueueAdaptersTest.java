package com.webhookbuffer.adapter.azure.out;

import static org.assertj.core.api.Assertions.assertThat;

import com.webhookbuffer.adapter.azure.TestAzurite;
import com.webhookbuffer.adapter.azure.message.AzureMessages;
import com.webhookbuffer.adapter.azure.message.StorageQueue;
import com.webhookbuffer.domain.port.out.MessageQueueContract;
import com.webhookbuffer.domain.queue.DeadLetter;
import com.webhookbuffer.domain.queue.Delivery;
import com.webhookbuffer.domain.queue.Envelope;
import com.webhookbuffer.domain.webhook.CorrelationId;
import com.webhookbuffer.domain.webhook.QueuedWebhook;
import com.webhookbuffer.domain.webhook.WebhookId;
import com.webhookbuffer.standin.azure.FunctionsHostQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Azure Storage Queue adapters against Azurite: the contract every queue passes, over the real Azure Storage
 * protocol and in real time, with the Functions host's side played by {@link FunctionsHostQueue}; and what only
 * Azure needs, a body larger than a message can hold.
 */
class AzureQueueAdaptersTest extends MessageQueueContract {

    private StorageQueue storage;
    private FunctionsHostQueue host;

    @Override
    protected Queues newQueues() {
        storage = TestAzurite.newQueue();
        host = new FunctionsHostQueue(storage.queue(), storage.poison(), VISIBILITY_TIMEOUT, MAX_RECEIVE_COUNT);
        return new Queues(
                new AzureMessageQueue(storage),
                new AzureFailedDeliveries(storage, MAX_RECEIVE_COUNT),
                new AzureDeadLetterQueue(storage));
    }

    @Override
    protected List<Delivery> receive(int maxMessages, Duration wait) {
        // As the queue trigger hands the worker each message (a body kept as a blob fetched again).
        return host.receive(maxMessages, wait).stream()
                .map(message -> new Delivery(
                        message.getMessageId(),
                        message.getPopReceipt(),
                        (int) message.getDequeueCount(),
                        ((AzureMessages.Read.Stored) storage.messages()
                                        .read(message.getBody().toString()))
                                .envelope()))
                .toList();
    }

    @Override
    protected void acknowledge(Delivery delivery) {
        host.complete(delivery.messageId(), delivery.receipt());
    }

    @Override
    protected void elapse(Duration duration) {
        sleep(duration);
    }

    @Test
    void aBodyLargerThanAMessageTravelsAsABlobAndIsReleasedOnceSettled() {
        String large = "{\"pad\":\"" + "x".repeat(200_000) + "\"}";
        queue.publish(new QueuedWebhook(
                WebhookId.of("wh_large"), Instant.parse("2026-11-26T14:00:00Z"), CorrelationId.of("req-large"), large));
        assertThat(storage.bodies().listBlobs()).hasSize(1);

        Delivery delivery = receive(1, Duration.ofSeconds(1)).getFirst();

        assertThat(((Envelope.Opened.Readable) delivery.envelope().open())
                        .webhook()
                        .payload())
                .isEqualTo(large);
        storage.messages().release(delivery.envelope());
        acknowledge(delivery);
        assertThat(storage.bodies().listBlobs()).isEmpty();
        assertThat(storage.messages()
                        .read(storage.messages()
                                .write(new Envelope("{}", java.util.Map.of(AzureMessages.BODY_BLOB, "gone")))))
                .isEqualTo(new AzureMessages.Read.AlreadySettled("gone"));
    }

    @Test
    void aLargeDeadLetterKeepsItsBodyInOneBlobUntilItIsRedrivenAndSettled() {
        String large = "{\"pad\":\"" + "y".repeat(100_000) + "\"}";
        queue.publish(new QueuedWebhook(
                WebhookId.of("wh_large"), Instant.parse("2026-11-26T14:00:00Z"), CorrelationId.of("req-large"), large));

        failedDeliveries.deadLetter(receive(1, Duration.ofSeconds(1)).getFirst(), "poison: too large to like");
        List<DeadLetter> dead = new ArrayList<>();
        deadLetterQueue.readAll(dead::add);

        assertThat(dead).singleElement().satisfies(letter -> {
            assertThat(letter.reason()).contains("poison: too large to like");
            assertThat(letter.envelope().body()).isEqualTo(large);
        });
        assertThat(storage.bodies().listBlobs()).as("moved, not copied").hasSize(1);
    }

    @Test
    void textThatIsNotOneOfOursOpensAsUnreadable() {
        assertThat(storage.messages().read("not json at all"))
                .isInstanceOfSatisfying(
                        AzureMessages.Read.Stored.class,
                        stored -> assertThat(stored.envelope().open()).isInstanceOf(Envelope.Opened.Unreadable.class));
    }
}
