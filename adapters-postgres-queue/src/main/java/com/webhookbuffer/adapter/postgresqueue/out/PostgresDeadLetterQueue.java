package com.webhookbuffer.adapter.postgresqueue.out;

import com.webhookbuffer.adapter.postgresqueue.message.QueueTables;
import com.webhookbuffer.domain.port.out.DeadLetterQueue;
import com.webhookbuffer.domain.queue.DeadLetter;
import com.webhookbuffer.domain.queue.QueueDepth;
import com.webhookbuffer.domain.queue.Redrive;
import com.webhookbuffer.domain.queue.RedriveProgress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * {@link DeadLetterQueue} on PostgreSQL. A redrive moves every dead letter back in one transaction, so it is over
 * (completed) by the time it is reported; it is recorded in {@code redrives} as SQS records a move task.
 */
public final class PostgresDeadLetterQueue implements DeadLetterQueue {

    static final String QUEUE = QueueTables.SCHEMA + ".messages";
    static final String DEAD_LETTERS = QueueTables.SCHEMA + ".dead_letters";

    private final QueueTables tables;

    public PostgresDeadLetterQueue(QueueTables tables) {
        this.tables = Objects.requireNonNull(tables, "tables must not be null");
    }

    @Override
    public QueueDepth depth() {
        QueueTables.Counts counts = tables.counts();
        return new QueueDepth(counts.visible(), counts.inFlight(), counts.deadLetters());
    }

    /** How long the oldest message still queued (waiting or in flight) has been there; zero when none is. */
    public Duration oldestMessageAge() {
        return tables.counts().oldest();
    }

    @Override
    public int readAll(Consumer<DeadLetter> reader) {
        return tables.readDeadLetters(reader);
    }

    @Override
    public Optional<Redrive> startRedrive() {
        String task = UUID.randomUUID().toString();
        long moved = tables.redrive(task);
        return moved == 0 ? Optional.empty() : Optional.of(new Redrive(task, DEAD_LETTERS, QUEUE, moved));
    }

    @Override
    public Optional<RedriveProgress> progress(Redrive redrive) {
        try {
            UUID.fromString(redrive.task());
        } catch (IllegalArgumentException e) {
            // Not a task of this queue (another queue's handle): nothing it could report.
            return Optional.empty();
        }
        QueueTables.RecordedRedrive recorded = tables.redriveTask(redrive.task());
        if (recorded == null) {
            return Optional.empty();
        }
        return Optional.of(new RedriveProgress(
                RedriveProgress.State.valueOf(recorded.state()),
                recorded.moved(),
                recorded.aboutToMove(),
                Optional.empty()));
    }
}
