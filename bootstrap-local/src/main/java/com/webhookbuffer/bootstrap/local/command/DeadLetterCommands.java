package com.webhookbuffer.bootstrap.local.command;

import com.webhookbuffer.domain.port.out.DeadLetterQueue;
import com.webhookbuffer.domain.queue.DeadLetter;
import com.webhookbuffer.domain.queue.Envelope;
import com.webhookbuffer.domain.queue.Redrive;
import com.webhookbuffer.domain.queue.RedriveProgress;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code ./run-local dlq list} and {@code ./run-local dlq redrive}: what an operator does with dead letters, through
 * the {@link DeadLetterQueue} port, on the local stack or on SQS itself (where redrive is SQS's own message move
 * task, the operation the console's "Start DLQ redrive" runs).
 */
public final class DeadLetterCommands {

    private static final int PROGRESS_EVERY = 100;
    static final Duration MOVE_POLL = Duration.ofSeconds(1);

    private DeadLetterCommands() {}

    /** Every dead letter with its reason; returns how many there are. */
    public static int list(DeadLetterQueue deadLetters, String name, PrintStream out, PrintStream progress) {
        AtomicInteger read = new AtomicInteger();
        int count = deadLetters.readAll(dead -> {
            out.println(describe(dead));
            if (read.incrementAndGet() % PROGRESS_EVERY == 0) {
                progress.println("  ... " + read + " read");
            }
        });
        out.println(count + " dead letter(s) in " + name);
        return count;
    }

    static String describe(DeadLetter dead) {
        Map<String, String> attributes = dead.envelope().attributes();
        String reason = dead.reason()
                .orElse("received " + dead.receiveCount() + " times without success (maxReceiveCount reached)");
        return "message " + dead.messageId()
                + "  webhook " + attributes.getOrDefault(Envelope.WEBHOOK_ID, "-")
                + "  correlation " + attributes.getOrDefault(Envelope.CORRELATION_ID, "-")
                + "  received " + attributes.getOrDefault(Envelope.RECEIVED_AT, "-")
                + "\n  reason: " + reason;
    }

    /** Moves every dead letter back, showing progress until the queue reports the move ended. */
    public static boolean redrive(DeadLetterQueue deadLetters, String name, PrintStream out)
            throws InterruptedException {
        Optional<Redrive> started = deadLetters.startRedrive();
        if (started.isEmpty()) {
            out.println("nothing to redrive: " + name + " is empty");
            return true;
        }
        Redrive redrive = started.get();
        out.println("redriving about " + redrive.aboutToMove() + " dead letter(s) from " + redrive.from() + " to "
                + redrive.to() + " (task " + redrive.task() + ")");
        Instant begun = Instant.now();
        while (true) {
            Thread.sleep(MOVE_POLL);
            Optional<RedriveProgress> reported = deadLetters.progress(redrive);
            if (reported.isEmpty()) {
                out.println("  the move task is no longer listed; check " + name);
                return false;
            }
            RedriveProgress progress = reported.get();
            String state = progress.state().name().toLowerCase(Locale.ROOT);
            out.println("  " + state + ": " + progress.moved() + " of " + progress.toMove() + " moved ("
                    + Duration.between(begun, Instant.now()).toSeconds() + " s)");
            switch (progress.state()) {
                case COMPLETED -> {
                    out.println("redrive complete: the messages are back in the queue and will be processed again");
                    return true;
                }
                case FAILED, CANCELLED -> {
                    out.println(
                            "redrive " + state + ": " + progress.failureReason().orElse("no reason given"));
                    return false;
                }
                case RUNNING, CANCELLING -> {}
            }
        }
    }
}
