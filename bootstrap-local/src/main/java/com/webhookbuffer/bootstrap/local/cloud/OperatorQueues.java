package com.webhookbuffer.bootstrap.local.cloud;

import com.webhookbuffer.adapter.aws.out.SqsClients;
import com.webhookbuffer.adapter.aws.out.SqsDeadLetterQueue;
import com.webhookbuffer.adapter.azure.message.StorageQueue;
import com.webhookbuffer.adapter.azure.out.AzureDeadLetterQueue;
import com.webhookbuffer.adapter.persistence.DatabaseSettings;
import com.webhookbuffer.adapter.postgresqueue.message.QueueDatabase;
import com.webhookbuffer.adapter.postgresqueue.message.QueueTables;
import com.webhookbuffer.adapter.postgresqueue.out.PostgresDeadLetterQueue;
import com.webhookbuffer.bootstrap.lambda.Wiring;
import com.webhookbuffer.bootstrap.local.parts.LocalDatabase;
import com.webhookbuffer.bootstrap.local.parts.LocalSettings;
import com.webhookbuffer.bootstrap.pipeline.EnvironmentVariables;
import com.webhookbuffer.domain.port.out.DeadLetterQueue;
import com.webhookbuffer.standin.azure.Azurite;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The dead-letter queue an operator command works on: the running local stack's by default, or any SQS queue named
 * by {@code DLQ_URL} (and its queue by {@code QUEUE_URL}: without it, a redrive moves each dead letter back to the
 * queue it came from), with the AWS credentials and region of the environment, or at {@code AWS_ENDPOINT_URL_SQS};
 * with {@code CLOUD=azure}, the running local stack's poison queue in Azurite.
 *
 * @param name   how the command names it to the operator
 * @param client what to close when done
 */
public record OperatorQueues(DeadLetterQueue deadLetterQueue, String name, AutoCloseable client)
        implements AutoCloseable {

    public static OperatorQueues from(LocalSettings settings) {
        EnvironmentVariables env = settings.variables();
        Optional<String> deadLetterQueueUrl = env.optional(Wiring.DLQ_URL);
        if (deadLetterQueueUrl.isEmpty() && settings.cloud() == LocalSettings.Cloud.AZURE) {
            return azure(env);
        }
        if (deadLetterQueueUrl.isEmpty() && settings.cloud() == LocalSettings.Cloud.POSTGRESQL) {
            return postgres(settings);
        }
        if (deadLetterQueueUrl.isPresent()) {
            SqsClient client = Wiring.sqsClient(env);
            String dlq = deadLetterQueueUrl.get();
            return new OperatorQueues(
                    env.optional(Wiring.QUEUE_URL)
                            .map(queue -> SqsDeadLetterQueue.of(client, queue, dlq))
                            .orElseGet(() -> SqsDeadLetterQueue.alone(client, dlq)),
                    dlq,
                    client);
        }
        int port = env.integer(LocalSettings.SQS_PORT, LocalSettings.DEFAULT_SQS_PORT, 1, 65_535);
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        SqsClient client = SqsClients.forEndpoint(endpoint, SqsQueues.REGION);
        try {
            String dlq = client.getQueueUrl(get -> get.queueName(SqsQueues.DEAD_LETTER_QUEUE_NAME))
                    .queueUrl();
            String queue = client.getQueueUrl(get -> get.queueName(SqsQueues.QUEUE_NAME))
                    .queueUrl();
            return new OperatorQueues(SqsDeadLetterQueue.of(client, queue, dlq), dlq, client);
        } catch (SdkClientException e) {
            client.close();
            throw new IllegalStateException(
                    "no local stack answers at " + endpoint + " (start it with ./run-local, "
                            + "or set " + LocalSettings.SQS_PORT + ", or " + Wiring.DLQ_URL + " for queues elsewhere): "
                            + e.getMessage(),
                    e);
        }
    }

    /**
     * The dead letters of the queue on PostgreSQL: in {@code QUEUE_DB_URL}'s database, or the running stack's own
     * ({@code DB_URL}, or the embedded server named in {@code LOCAL_STATE_DIR}). One connection, closed after.
     */
    private static OperatorQueues postgres(LocalSettings settings) {
        QueueDatabase database = settings.queue().elsewhere().orElseGet(() -> {
            DatabaseSettings orders = LocalDatabase.ofRunningStack(settings, "dlq");
            return new QueueDatabase(orders.jdbcUrl(), orders.user(), orders.password());
        });
        HikariDataSource pool = database.pool("webhook-buffer-operator", 1);
        QueueTables tables = new QueueTables(
                pool, Duration.ofSeconds(settings.visibilityTimeoutSeconds()), settings.maxReceiveCount());
        return new OperatorQueues(
                new PostgresDeadLetterQueue(tables),
                QueueTables.SCHEMA + ".dead_letters in " + database.jdbcUrl(),
                pool);
    }

    /** The local stack's poison queue in Azurite; a stack that is not running is said so on the first call. */
    private static OperatorQueues azure(EnvironmentVariables env) {
        String connection = Azurite.connectionString(
                env.integer(LocalSettings.AZURITE_BLOB_PORT, LocalSettings.DEFAULT_AZURITE_BLOB_PORT, 1, 65_535),
                env.integer(LocalSettings.AZURITE_QUEUE_PORT, LocalSettings.DEFAULT_AZURITE_QUEUE_PORT, 1, 65_535));
        StorageQueue storage = StorageQueue.connect(connection, LocalAzure.QUEUE_NAME);
        return new OperatorQueues(
                new AzureDeadLetterQueue(storage), storage.poison().getQueueName(), () -> {});
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (Exception e) {
            throw new IllegalStateException("the queue client did not close: " + e.getMessage(), e);
        }
    }
}
