package com.webhookbuffer.bootstrap.local;

import com.webhookbuffer.adapter.aws.SqsClients;
import com.webhookbuffer.bootstrap.lambda.EnvironmentVariables;
import com.webhookbuffer.bootstrap.lambda.Wiring;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The queues an operator command works on: the running local stack's by default, or any SQS queues named by
 * {@code DLQ_URL} (and {@code QUEUE_URL}), with the AWS credentials and region of the environment, or at
 * {@code AWS_ENDPOINT_URL_SQS} when that is set.
 *
 * @param queueUrl the main queue, when known: {@code dlq redrive} moves dead letters there; without it, SQS moves
 *                 them back to the queue each came from
 */
record OperatorQueues(SqsClient client, Optional<String> queueUrl, String deadLetterQueueUrl, String where) {

    static OperatorQueues from(EnvironmentVariables env) {
        Optional<String> deadLetterQueueUrl = env.optional(Wiring.DLQ_URL);
        if (deadLetterQueueUrl.isPresent()) {
            return new OperatorQueues(Wiring.sqsClient(env), env.optional(Wiring.QUEUE_URL), deadLetterQueueUrl.get(),
                    deadLetterQueueUrl.get());
        }
        int port = env.integer(LocalSettings.SQS_PORT, LocalSettings.DEFAULT_SQS_PORT, 1, 65_535);
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        SqsClient client = SqsClients.forEndpoint(endpoint, LocalQueues.REGION);
        try {
            String dlq = client.getQueueUrl(get -> get.queueName(LocalQueues.DEAD_LETTER_QUEUE_NAME)).queueUrl();
            String queue = client.getQueueUrl(get -> get.queueName(LocalQueues.QUEUE_NAME)).queueUrl();
            return new OperatorQueues(client, Optional.of(queue), dlq, "the local stack at " + endpoint);
        } catch (SdkClientException e) {
            client.close();
            throw new IllegalStateException("no local stack answers at " + endpoint + " (start it with ./run-local, "
                    + "or set " + LocalSettings.SQS_PORT + ", or " + Wiring.DLQ_URL + " for queues elsewhere): "
                    + e.getMessage(), e);
        }
    }
}
