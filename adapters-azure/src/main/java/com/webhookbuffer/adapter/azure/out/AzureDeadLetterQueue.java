package com.webhookbuffer.adapter.azure.out;

import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.models.QueueMessageItem;
import com.webhookbuffer.adapter.azure.message.AzureMessages;
import com.webhookbuffer.adapter.azure.message.StorageQueue;
import com.webhookbuffer.domain.port.out.DeadLetterQueue;
import com.webhookbuffer.domain.queue.DeadLetter;
import com.webhookbuffer.domain.queue.Envelope;
import com.webhookbuffer.domain.queue.QueueDepth;
import com.webhookbuffer.domain.queue.Redrive;
import com.webhookbuffer.domain.queue.RedriveProgress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * {@link DeadLetterQueue} on Azure Storage Queues, whose dead-letter queue is the poison queue.
 *
 * <p>Where Azure differs from SQS: a queue reports one approximate count, visible and invisible together, so the
 * visible ones are counted by peeking (up to {@value #PEEK_LIMIT}; past that, all are taken as visible). There is no
 * message move task: a redrive moves the messages itself, one by one, before {@link #startRedrive()} returns.
 */
public final class AzureDeadLetterQueue implements DeadLetterQueue {

    /** Azure's most messages in one peek or receive. */
    static final int PEEK_LIMIT = 32;
    /** Long enough to read the whole poison queue once without seeing a message twice; given back at the end. */
    static final Duration READ_VISIBILITY = Duration.ofSeconds(60);

    private final StorageQueue storage;
    private final AzureMessages messages;
    private final Map<String, RedriveProgress> redrives = new ConcurrentHashMap<>();

    public AzureDeadLetterQueue(StorageQueue storage) {
        this.storage = storage;
        this.messages = storage.messages();
    }

    @Override
    public QueueDepth depth() {
        return AzureCalls.call("depth", () -> {
            long total = storage.queue().getProperties().getApproximateMessagesCountLong();
            long peeked = storage.queue().peekMessages(PEEK_LIMIT, null, null).stream()
                    .count();
            long visible = peeked < PEEK_LIMIT ? Math.min(peeked, total) : total;
            return new QueueDepth(
                    visible, total - visible, storage.poison().getProperties().getApproximateMessagesCountLong());
        });
    }

    @Override
    public int readAll(Consumer<DeadLetter> reader) {
        Set<String> seen = new HashSet<>();
        List<QueueMessageItem> hidden = new ArrayList<>();
        try {
            List<QueueMessageItem> batch;
            while (!(batch = receive(storage.poison())).isEmpty()) {
                for (QueueMessageItem message : batch) {
                    hidden.add(message);
                    if (seen.add(message.getMessageId())) {
                        reader.accept(new DeadLetter(
                                message.getMessageId(), (int) message.getDequeueCount(), envelopeOf(message)));
                    }
                }
            }
            return seen.size();
        } finally {
            // Give them back at once: reading must not hide dead letters from a redrive that follows.
            for (QueueMessageItem message : hidden) {
                AzureCalls.run(
                        "give a dead letter back",
                        () -> storage.poison()
                                .updateMessage(message.getMessageId(), message.getPopReceipt(), null, Duration.ZERO));
            }
        }
    }

    @Override
    public Optional<Redrive> startRedrive() {
        long waiting = AzureCalls.call(
                "count dead letters", () -> storage.poison().getProperties().getApproximateMessagesCountLong());
        if (waiting == 0) {
            return Optional.empty();
        }
        long moved = 0;
        List<QueueMessageItem> batch;
        while (!(batch = receive(storage.poison())).isEmpty()) {
            for (QueueMessageItem message : batch) {
                String text = message.getBody().toString();
                AzureCalls.run("redrive a dead letter", () -> storage.queue().sendMessage(text));
                AzureCalls.run(
                        "delete a redriven dead letter",
                        () -> storage.poison().deleteMessage(message.getMessageId(), message.getPopReceipt()));
                moved++;
            }
        }
        Redrive redrive = new Redrive(
                UUID.randomUUID().toString(),
                storage.poison().getQueueName(),
                storage.queue().getQueueName(),
                waiting);
        redrives.put(
                redrive.task(), new RedriveProgress(RedriveProgress.State.COMPLETED, moved, moved, Optional.empty()));
        return Optional.of(redrive);
    }

    @Override
    public Optional<RedriveProgress> progress(Redrive redrive) {
        return Optional.ofNullable(redrives.get(redrive.task()));
    }

    private static List<QueueMessageItem> receive(QueueClient queue) {
        return AzureCalls.call(
                "receive",
                () -> queue.receiveMessages(PEEK_LIMIT, READ_VISIBILITY, null, null).stream()
                        .toList());
    }

    /** What an operator reads of a dead letter: its envelope, or what its text says when its body is gone. */
    private Envelope envelopeOf(QueueMessageItem message) {
        return AzureCalls.call("read a dead letter", () -> switch (messages.read(
                message.getBody().toString())) {
            case AzureMessages.Read.Stored stored -> stored.envelope();
            case AzureMessages.Read.AlreadySettled gone ->
                new Envelope("", Map.of(AzureMessages.BODY_BLOB, gone.blob()));
        });
    }
}
