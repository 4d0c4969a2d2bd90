package com.webhookbuffer.bootstrap.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * What the local queues keep across a restart when many requests change them at once: every message SQS
 * acknowledged and nobody deleted, each with the receives it had, and nothing deleted.
 */
class GroupCommittedQueueStoreTest {

    private static final int VISIBILITY_SECONDS = 1;

    @Test
    void aRestartRestoresExactlyTheAcknowledgedChangesOfConcurrentRequests(@TempDir Path state) {
        Path storage = state.resolve("queues");
        List<String> received = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        try (LocalQueues queues = LocalQueues.start(0, VISIBILITY_SECONDS, 5, storage)) {
            SqsClient sqs = queues.client();
            // Twenty batches sent at once: their messages reach the store together and are committed in groups.
            CompletableFuture.allOf(IntStream.range(0, 20).mapToObj(batch -> CompletableFuture.runAsync(() ->
                    sqs.sendMessageBatch(send -> send.queueUrl(queues.queueUrl()).entries(IntStream.range(0, 10)
                            .mapToObj(i -> SendMessageBatchRequestEntry.builder().id("e" + i)
                                    .messageBody("message-" + (batch * 10 + i)).build())
                            .toList())))).toArray(CompletableFuture[]::new)).join();
            for (int receive = 0; receive < 5; receive++) {
                for (Message message : sqs.receiveMessage(r -> r.queueUrl(queues.queueUrl())
                        .maxNumberOfMessages(10)).messages()) {
                    received.add(message.body());
                    if (received.size() % 2 == 0) {
                        sqs.deleteMessage(d -> d.queueUrl(queues.queueUrl()).receiptHandle(message.receiptHandle()));
                        deleted.add(message.body());
                    }
                }
            }
        }
        assertThat(received).hasSize(50);

        try (LocalQueues restarted = LocalQueues.start(0, VISIBILITY_SECONDS, 5, storage)) {
            Map<String, Integer> receives = new HashMap<>();
            int kept = 200 - deleted.size();
            // Until every kept message came back, then once more: whatever was deleted must not.
            for (boolean more = true; more; ) {
                List<Message> messages = restarted.client().receiveMessage(r -> r.queueUrl(restarted.queueUrl())
                        .maxNumberOfMessages(10).waitTimeSeconds(VISIBILITY_SECONDS + 1)
                        .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                        .messages();
                more = !messages.isEmpty() || receives.size() < kept;
                assertThat(messages.isEmpty() && receives.size() < kept).as("restored only " + receives.size()).isFalse();
                for (Message message : messages) {
                    receives.putIfAbsent(message.body(), Integer.parseInt(message.attributes()
                            .get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)));
                }
                if (!messages.isEmpty()) {
                    restarted.client().deleteMessageBatch(d -> d.queueUrl(restarted.queueUrl()).entries(messages
                            .stream().map(m -> DeleteMessageBatchRequestEntry.builder().id(m.messageId())
                                    .receiptHandle(m.receiptHandle()).build())
                            .toList()));
                }
            }
            assertThat(receives).hasSize(kept).doesNotContainKeys(deleted.toArray(String[]::new));
            receives.forEach((body, count) -> assertThat(count)
                    .as(body).isEqualTo(received.contains(body) ? 2 : 1));
        }
    }
}
