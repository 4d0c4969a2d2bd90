package com.webhookbuffer.bootstrap.local;

import com.webhookbuffer.adapter.aws.out.SqsClients;
import com.webhookbuffer.adapter.aws.out.SqsDeadLetterQueue;
import com.webhookbuffer.bootstrap.lambda.Wiring;
import com.webhookbuffer.bootstrap.settings.EnvironmentVariables;
import com.webhookbuffer.domain.port.out.DeadLetterQueue;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The dead-letter queue an operator command works on: the running local stack's by default, or any SQS queue named
 * by {@code DLQ_URL} (and its queue by {@code QUEUE_URL}: without it, a redrive moves each dead letter back to the
 * queue it came from), with the AWS credentials and region of the environment, or at {@code AWS_ENDPOINT_URL_SQS}.
 *
 * @param name how the command names it to the operator
 */
record OperatorQueues(DeadLetterQueue deadLetterQueue, String name, SqsClient client) implements AutoCloseable {

    static OperatorQueues from(EnvironmentVariables env) {
        Optional<String> deadLetterQueueUrl = env.optional(Wiring.DLQ_URL);
        if (deadLetterQueueUrl.isPresent()) {
            SqsClient client = Wiring.sqsClient(env);
            String dlq = deadLetterQueueUrl.get();
            return new OperatorQueues(env.optional(Wiring.QUEUE_URL)
                    .map(queue -> SqsDeadLetterQueue.of(client, queue, dlq))
                    .orElseGet(() -> SqsDeadLetterQueue.alone(client, dlq)), dlq, client);
        }
        int port = env.integer(LocalSettings.SQS_PORT, LocalSettings.DEFAULT_SQS_PORT, 1, 65_535);
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        SqsClient client = SqsClients.forEndpoint(endpoint, LocalQueues.REGION);
        try {
            String dlq = client.getQueueUrl(get -> get.queueName(LocalQueues.DEAD_LETTER_QUEUE_NAME)).queueUrl();
            String queue = client.getQueueUrl(get -> get.queueName(LocalQueues.QUEUE_NAME)).queueUrl();
            return new OperatorQueues(SqsDeadLetterQueue.of(client, queue, dlq), dlq, client);
        } catch (SdkClientException e) {
            client.close();
            throw new IllegalStateException("no local stack answers at " + endpoint + " (start it with ./run-local, "
                    + "or set " + LocalSettings.SQS_PORT + ", or " + Wiring.DLQ_URL + " for queues elsewhere): "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
