package com.webhookbuffer.adapter.inmemory.archfixture;

import com.azure.storage.queue.QueueClient;

/** An adapter outside the Azure modules that talks to Azure Storage: the cloud would leak into a swappable part. */
public class InMemoryQueueOnAzure {

    public String name(QueueClient queue) {
        return queue.getQueueName();
    }
}
