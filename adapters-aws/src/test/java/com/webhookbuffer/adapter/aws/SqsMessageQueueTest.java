package com.webhookbuffer.adapter.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.webhookbuffer.domain.port.out.MessageQueue;
import com.webhookbuffer.domain.port.out.MessageQueueContract;
import com.webhookbuffer.domain.queue.PublishOutcome;
import com.webhookbuffer.domain.queue.QueueUnavailableException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** The SQS adapter against ElasticMQ: the shared contract over the real SQS wire protocol, in real time. */
class SqsMessageQueueTest extends MessageQueueContract {

    private TestSqs.Queues queues;

    @Override
    protected MessageQueue newQueue() {
        queues = TestSqs.create((int) VISIBILITY_TIMEOUT.toSeconds(), MAX_RECEIVE_COUNT);
        return new SqsMessageQueue(TestSqs.client(), queues.queueUrl(), queues.deadLetterQueueUrl());
    }

    @Override
    protected void elapse(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void publishedMessageCarriesItsMetadataAsStringAttributesForAnyConsumer() {
        queue.publish(webhook("msg_1"));

        Message raw = TestSqs.client().receiveMessage(r -> r.queueUrl(queues.queueUrl()).messageAttributeNames("All")
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages().getFirst();

        assertThat(raw.messageAttributes()).containsOnlyKeys("webhookId", "correlationId", "receivedAt",
                "schemaVersion");
        assertThat(raw.messageAttributes().get("webhookId").stringValue()).isEqualTo("msg_1");
        assertThat(raw.messageAttributes().get("receivedAt").stringValue()).isEqualTo("2026-11-26T14:00:00.123Z");
        assertThat(raw.messageAttributes().get("schemaVersion").dataType()).isEqualTo("String");
        assertThat(raw.body()).isEqualTo(webhook("msg_1").payload());
    }

    @Test
    void aQueueThatCannotBeReachedIsUnavailableNeverPublished() {
        SqsClient nowhere = SqsClients.forEndpoint(URI.create("http://127.0.0.1:9"), Region.US_EAST_1);
        SqsMessageQueue unreachable = new SqsMessageQueue(nowhere, queues.queueUrl(), queues.deadLetterQueueUrl());

        long start = System.nanoTime();
        PublishOutcome outcome = unreachable.publish(webhook("msg_1"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(outcome).isInstanceOf(PublishOutcome.Unavailable.class);
        assertThat(took).as("bounded well inside API Gateway's 29 s").isLessThan(SqsClients.PUBLISH_TIMEOUT.plusSeconds(2));
        assertThatExceptionOfType(QueueUnavailableException.class)
                .isThrownBy(() -> unreachable.receive(1, Duration.ZERO));
    }

    @Test
    void aLongReasonIsShortenedToWhatAPersonReads() {
        queue.publish(webhook("msg_1"));

        queue.deadLetter(queue.receive(1, Duration.ofSeconds(1)).getFirst(), "x".repeat(5000));

        assertThat(queue.deadLetters(1).getFirst().reason().orElseThrow())
                .hasSize(SqsMessageQueue.MAX_REASON_LENGTH).endsWith("...");
    }
}
