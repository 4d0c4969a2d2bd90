package com.webhookbuffer.bootstrap.local.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.webhookbuffer.adapter.aws.out.SqsMessages;
import com.webhookbuffer.bootstrap.local.parts.StateDirectory;
import com.webhookbuffer.domain.port.out.MessageQueue;
import com.webhookbuffer.domain.queue.Envelope;
import com.webhookbuffer.domain.queue.PublishOutcome;
import com.webhookbuffer.domain.webhook.CorrelationId;
import com.webhookbuffer.domain.webhook.QueuedWebhook;
import com.webhookbuffer.domain.webhook.WebhookId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The local door's publisher: sends in flight together go out as batch calls, yet each publish is answered for its
 * own message (its own id, its body and attributes intact), and a queue that is gone is an answer, not a hang.
 */
class BatchedPublishingTest {

    @TempDir
    Path state;

    @Test
    void concurrentPublishesEachGetTheirOwnMessageWhichArrivesWhole() throws Exception {
        int count = 200;
        List<PublishOutcome> outcomes = new ArrayList<>();
        try (SqsQueues queues = SqsQueues.start(0, 30, 5, StateDirectory.open(state))) {
            MessageQueue publisher = queues.publisher();
            try (ExecutorService senders = Executors.newFixedThreadPool(32)) {
                List<Future<PublishOutcome>> sent = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    QueuedWebhook webhook = new QueuedWebhook(
                            WebhookId.of("wh_" + i),
                            Instant.parse("2026-11-27T12:00:00Z"),
                            CorrelationId.of("req-" + i),
                            "{\"n\":" + i + "}");
                    sent.add(senders.submit(() -> publisher.publish(webhook)));
                }
                for (Future<PublishOutcome> outcome : sent) {
                    outcomes.add(outcome.get());
                }
            }
            assertThat(outcomes)
                    .allSatisfy(outcome -> assertThat(outcome).isInstanceOf(PublishOutcome.Published.class));
            assertThat(outcomes.stream()
                            .map(o -> ((PublishOutcome.Published) o).messageId())
                            .distinct())
                    .hasSize(count);

            Set<String> bodies = new HashSet<>();
            List<Message> received;
            do {
                received = queues.client()
                        .receiveMessage(receive -> receive.queueUrl(queues.queueUrl())
                                .maxNumberOfMessages(10)
                                .messageAttributeNames("All")
                                .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                        .messages();
                for (Message message : received) {
                    Envelope envelope = SqsMessages.toEnvelope(message);
                    QueuedWebhook webhook = ((Envelope.Opened.Readable) envelope.open()).webhook();
                    assertThat(webhook.payload())
                            .isEqualTo("{\"n\":" + webhook.webhookId().value().substring(3) + "}");
                    bodies.add(webhook.payload());
                }
            } while (!received.isEmpty());
            assertThat(bodies).hasSize(count);
        }
    }

    @Test
    void aQueueThatIsGoneIsAnUnavailableAnswer() {
        SqsQueues queues = SqsQueues.start(0, 30, 5, StateDirectory.open(state));
        MessageQueue publisher = queues.publisher();
        queues.close();

        PublishOutcome outcome = publisher.publish(new QueuedWebhook(
                WebhookId.of("wh_gone"), Instant.parse("2026-11-27T12:00:00Z"), CorrelationId.of("req-gone"), "{}"));

        assertThat(outcome).isInstanceOf(PublishOutcome.Unavailable.class);
    }
}
