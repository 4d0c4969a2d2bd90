package com.webhookbuffer.bootstrap.local.command.load;

import com.webhookbuffer.bootstrap.local.command.ProgressLine;
import com.webhookbuffer.bootstrap.local.command.load.LoadPlan.Delivery;
import com.webhookbuffer.bootstrap.local.command.load.StoredOrders.Check;
import com.webhookbuffer.bootstrap.local.watch.StatusSampler;
import com.webhookbuffer.bootstrap.local.watch.StatusSampler.Sample;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The waiting half of a load: until the stack has drained it and written every order, or cannot. */
final class DrainWatch {

    /** The drain may take this long, plus {@link #DRAIN_PER_WEBHOOK} for each webhook (20 per second at least). */
    static final Duration DRAIN_BASE = Duration.ofSeconds(60);

    static final Duration DRAIN_PER_WEBHOOK = Duration.ofMillis(50);
    /** Once the queue is empty, nothing is left to write a missing order; this long allows for a stale sample. */
    private static final Duration EMPTY_BUT_MISSING = Duration.ofSeconds(2);
    /** How often the database is read while the queue is not yet empty, to see the orders written meanwhile. */
    private static final Duration CHECK_WHILE_BUSY = Duration.ofSeconds(1);
    /**
     * A stack this long without answering {@code GET /status} has stopped: ten times a sample's own timeout, so a
     * stack slow to answer under a spike is not taken for gone.
     */
    static final Duration STACK_GONE = Duration.ofSeconds(20);

    private DrainWatch() {}

    static Duration drainTimeout(int size) {
        return DRAIN_BASE.plus(DRAIN_PER_WEBHOOK.multipliedBy(size));
    }

    /**
     * How the drain ended.
     *
     * @param took    from the last answer until the queue was empty with every order written; empty if it never was
     * @param check   the database's last word; empty if it never answered
     * @param why     why it ended without draining, when it did
     */
    record Drain(Optional<Duration> took, Optional<Check> check, String why) {

        static final Drain NOTHING_TO_DRAIN = new Drain(
                Optional.empty(),
                Optional.of(new Check(0, 0, 0, List.of())),
                "no webhook was accepted, so nothing was queued");

        static Drain ended(Optional<Check> check, String why) {
            return new Drain(Optional.empty(), check, why);
        }

        boolean allWritten() {
            return check.map(Check::complete).orElse(false);
        }
    }

    /**
     * Waits until a sample taken after the last answer shows the queue empty and the database holds every order
     * as expected. Gives up at the timeout, when the queue has been empty for a while and orders are still
     * missing (nothing is left that could write them: a message dead-lettered, or written elsewhere), or when the
     * stack or its database stops answering (stopped in the middle of the load): the summary still comes.
     */
    static Drain awaitDrain(
            Map<String, Delivery> highest,
            StoredOrders stored,
            StatusSampler sampler,
            long lastAnswerAt,
            Duration timeout,
            ProgressLine progress)
            throws InterruptedException {
        long deadline = lastAnswerAt + timeout.toNanos();
        long emptySince = -1;
        long checkedAt = Long.MIN_VALUE;
        Optional<Check> read = Optional.empty();
        while (true) {
            Sample sample = sampler.latest();
            long now = System.nanoTime();
            Duration silent = sampler.silentFor(now);
            if (silent.compareTo(STACK_GONE) >= 0) {
                return Drain.ended(
                        read,
                        "the stack has not answered GET /status for " + silent.toSeconds() + " s ("
                                + sampler.lastFailure() + ")");
            }
            // A sample asked for before the last answer may not count the last messages yet.
            boolean empty = sample.takenAt() > lastAnswerAt && sample.queueEmpty();
            if (empty || checkedAt == Long.MIN_VALUE || now - checkedAt >= CHECK_WHILE_BUSY.toNanos()) {
                try {
                    read = Optional.of(stored.check(highest));
                } catch (SQLException e) {
                    return Drain.ended(read, "the stack's database stopped answering (" + e.getMessage() + ")");
                }
                checkedAt = now;
            }
            Check check = read.orElseThrow();
            if (empty && check.complete()) {
                return new Drain(Optional.of(Duration.ofNanos(sample.takenAt() - lastAnswerAt)), read, "");
            }
            if (empty) {
                emptySince = emptySince < 0 ? now : emptySince;
                if (now - emptySince >= EMPTY_BUT_MISSING.toNanos()) {
                    return Drain.ended(
                            read, "the queue is empty, yet not every order is written " + "(see ./run-local dlq list)");
                }
            } else {
                emptySince = -1;
            }
            if (now > deadline) {
                return Drain.ended(
                        read,
                        check.complete()
                                ? "every order is written, but the queue still holds messages (another sender's, or"
                                        + " retries)"
                                : "not drained within " + timeout.toSeconds() + " s of the last answer");
            }
            progress.draining(Duration.ofNanos(now - lastAnswerAt), sample);
            Thread.sleep(StatusSampler.EVERY);
        }
    }
}
