package com.webhookbuffer.adapter.azure.message;

import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.QueueMessageEncoding;
import com.azure.storage.queue.QueueServiceClient;
import com.azure.storage.queue.QueueServiceClientBuilder;
import java.time.Duration;
import java.util.Objects;

/**
 * One Azure Storage queue with what the service keeps beside it: its poison queue ({@code <name>-poison}, the name
 * the Azure Functions host itself moves a message to after {@code maxDequeueCount}) and the blob container for the
 * bodies too large for a message ({@code <name>-bodies}).
 *
 * <p>Messages are Base64-encoded, as the Functions host's queue trigger expects by default. Each call is bounded: at
 * most {@link #TRY_TIMEOUT} a try and {@link #TRIES} tries, so the door answers 202 or 503 well inside a caller's
 * patience.
 */
public record StorageQueue(QueueClient queue, QueueClient poison, BlobContainerClient bodies) {

    static final Duration TRY_TIMEOUT = Duration.ofSeconds(2);
    static final int TRIES = 3;

    public StorageQueue {
        Objects.requireNonNull(queue, "queue must not be null");
        Objects.requireNonNull(poison, "poison must not be null");
        Objects.requireNonNull(bodies, "bodies must not be null");
    }

    /** The queue {@code queueName} of the storage account {@code connectionString} names. */
    public static StorageQueue connect(String connectionString, String queueName) {
        HttpClient http = new JdkHttpClientBuilder().build();
        RequestRetryOptions retries = new RequestRetryOptions(
                RetryPolicyType.EXPONENTIAL, TRIES, TRY_TIMEOUT, Duration.ofMillis(100), Duration.ofSeconds(1), null);
        QueueServiceClient queues = new QueueServiceClientBuilder()
                .connectionString(connectionString)
                .httpClient(http)
                .retryOptions(retries)
                .messageEncoding(QueueMessageEncoding.BASE64)
                .buildClient();
        BlobContainerClient bodies = new BlobServiceClientBuilder()
                .connectionString(connectionString)
                .httpClient(http)
                .retryOptions(retries)
                .buildClient()
                .getBlobContainerClient(queueName + "-bodies");
        return new StorageQueue(queues.getQueueClient(queueName), queues.getQueueClient(queueName + "-poison"), bodies);
    }

    /** Creates the queues and the container where they are missing: the local stack's and the tests' way. */
    public StorageQueue createIfMissing() {
        queue.createIfNotExists();
        poison.createIfNotExists();
        bodies.createIfNotExists();
        return this;
    }

    /** How this queue's messages are written and read. */
    public AzureMessages messages() {
        return new AzureMessages(bodies);
    }
}
