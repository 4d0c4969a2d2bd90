package com.webhookbuffer.adapter.aws.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.webhookbuffer.adapter.aws.TestSqs;
import com.webhookbuffer.domain.port.out.MessageQueueContract;
import com.webhookbuffer.domain.queue.DeadLetter;
import com.webhookbuffer.domain.queue.Delivery;
import com.webhookbuffer.domain.queue.Envelope;
import com.webhookbuffer.domain.queue.PublishOutcome;
import com.webhookbuffer.domain.queue.QueueUnavailableException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** The SQS adapters against ElasticMQ: the shared contract over the real SQS wire protocol, in real time. */
class SqsQueueAdaptersTest extends MessageQueueContract {

    private TestSqs.Queues queues;

    @Override
    protected Queues newQueues() {
        queues = TestSqs.create((int) VISIBILITY_TIMEOUT.toSeconds(), MAX_RECEIVE_COUNT);
        SqsClient sqs = TestSqs.client();
        return new Queues(
                new SqsMessageQueue(sqs, queues.queueUrl()),
                new SqsFailedDeliveries(sqs, queues.queueUrl(), queues.deadLetterQueueUrl()),
                SqsDeadLetterQueue.of(sqs, queues.queueUrl(), queues.deadLetterQueueUrl()));
    }

    @Override
    protected List<Delivery> receive(int maxMessages, Duration wait) {
        return TestSqs.receive(queues.queueUrl(), maxMessages, wait);
    }

    @Override
    protected void acknowledge(Delivery delivery) {
        TestSqs.acknowledge(queues.queueUrl(), delivery);
    }

    @Override
    protected void elapse(Duration duration) {
        sleep(duration);
    }

    @Test
    void publishedMessageCarriesItsMetadataAsStringAttributesForAnyConsumer() {
        queue.publish(webhook("msg_1"));

        Message raw = TestSqs.client()
                .receiveMessage(r -> r.queueUrl(queues.queueUrl())
                        .messageAttributeNames("All")
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                .messages()
                .getFirst();

        assertThat(raw.messageAttributes())
                .containsOnlyKeys("source", "webhookId", "correlationId", "receivedAt", "schemaVersion");
        assertThat(raw.messageAttributes().get("source").stringValue()).isEqualTo("default");
        assertThat(raw.messageAttributes().get("webhookId").stringValue()).isEqualTo("msg_1");
        assertThat(raw.messageAttributes().get("receivedAt").stringValue()).isEqualTo("2026-11-26T14:00:00.123Z");
        assertThat(raw.messageAttributes().get("schemaVersion").dataType()).isEqualTo("String");
        assertThat(raw.body()).isEqualTo(webhook("msg_1").payload());
    }

    @Test
    void aQueueThatCannotBeReachedIsUnavailableNeverPublished() {
        SqsClient nowhere = SqsClients.forEndpoint(URI.create("http://127.0.0.1:9"), Region.US_EAST_1);
        SqsMessageQueue unreachable = new SqsMessageQueue(nowhere, queues.queueUrl());

        long start = System.nanoTime();
        PublishOutcome outcome = unreachable.publish(webhook("msg_1"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(outcome).isInstanceOf(PublishOutcome.Unavailable.class);
        assertThat(took)
                .as("bounded well inside API Gateway's 29 s")
                .isLessThan(SqsClients.PUBLISH_TIMEOUT.plusSeconds(2));
        assertThatExceptionOfType(QueueUnavailableException.class)
                .isThrownBy(() -> new SqsFailedDeliveries(nowhere, queues.queueUrl(), queues.deadLetterQueueUrl())
                        .retryLater(
                                new Delivery("msg_1", "receipt", 1, Envelope.of(webhook("msg_1"))),
                                Duration.ofSeconds(1)));
    }

    @Test
    void aLongReasonIsShortenedToWhatAPersonReads() {
        queue.publish(webhook("msg_1"));

        failedDeliveries.deadLetter(receive(1, Duration.ofSeconds(1)).getFirst(), "x".repeat(5000));

        List<DeadLetter> read = new ArrayList<>();
        deadLetterQueue.readAll(read::add);
        assertThat(read.getFirst().reason().orElseThrow())
                .hasSize(DeadLetter.MAX_REASON_LENGTH)
                .endsWith("...");
    }
}
