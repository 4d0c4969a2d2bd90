package com.webhookbuffer.adapter.aws.in.archfixture;

import com.webhookbuffer.adapter.aws.out.SqsMessageQueue;
import com.webhookbuffer.domain.queue.PublishOutcome;
import com.webhookbuffer.domain.webhook.QueuedWebhook;

/** A driving adapter that skips the hexagon: the HTTP handler publishing to SQS without the inbox. */
public class HandlerPublishingDirectly {

    public PublishOutcome handle(SqsMessageQueue queue, QueuedWebhook webhook) {
        return queue.publish(webhook);
    }
}
