package com.webhookbuffer.bootstrap.local.command;

import com.webhookbuffer.bootstrap.local.watch.StatusSampler.Sample;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * {@code ./run-local load}'s progress on stderr, so that stdout keeps only the summary. On a terminal it is one line
 * redrawn in place (a carriage return, at most every {@link #REDRAW}); elsewhere (a file, a pipe, a test) a plain
 * line at each tenth of the sending and every {@link #PLAIN_DRAIN} of the drain, which a log can hold.
 */
public final class ProgressLine {

    private static final Duration REDRAW = Duration.ofMillis(100);
    private static final Duration PLAIN_DRAIN = Duration.ofSeconds(5);
    private static final int BAR = 24;

    private final PrintStream err;
    private final boolean terminal;
    private long drawnAt = Long.MIN_VALUE;
    private int tenthsShown;
    private int width;

    public ProgressLine(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    /** Called by every sender after each answer; draws only when the line is due. */
    public synchronized void sending(int done, int total, int accepted, Duration elapsed, Sample status) {
        int tenths = (int) (10L * done / total);
        if (terminal ? !due() && done < total : tenths <= tenthsShown) {
            return;
        }
        tenthsShown = tenths;
        int filled = (int) ((long) BAR * done / total);
        double seconds = Math.max(elapsed.toNanos() / 1e9, 1e-3);
        draw(String.format(
                Locale.ROOT,
                "sending  [%s%s] %d/%d %3d%%  %.0f/s  %d not 202  %s",
                "#".repeat(filled),
                ".".repeat(BAR - filled),
                done,
                total,
                100L * done / total,
                done / seconds,
                done - accepted,
                stack(status)));
    }

    /** Called while waiting for the drain. */
    public synchronized void draining(Duration elapsed, Sample status) {
        if (!terminal && drawnAt != Long.MIN_VALUE && System.nanoTime() - drawnAt < PLAIN_DRAIN.toNanos()) {
            return;
        }
        if (terminal && !due()) {
            return;
        }
        draw(String.format(Locale.ROOT, "draining %5.1f s  %s", elapsed.toNanos() / 1e9, stack(status)));
    }

    /** Ends a phase: the redrawn line is left as it last was, and what follows starts on a line of its own. */
    public synchronized void end() {
        if (terminal && width > 0) {
            err.println();
        }
        drawnAt = Long.MIN_VALUE;
        tenthsShown = 0;
        width = 0;
    }

    private boolean due() {
        return drawnAt == Long.MIN_VALUE || System.nanoTime() - drawnAt >= REDRAW.toNanos();
    }

    private void draw(String line) {
        drawnAt = System.nanoTime();
        if (terminal) {
            // Spaces over whatever the longer last line left behind.
            err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
            width = line.length();
        } else {
            err.println(line);
        }
        err.flush();
    }

    private static String stack(Sample status) {
        String queue = status.depth() < 0
                ? "queue unreadable"
                : "queue " + status.depth() + " + " + status.inFlight() + " in flight";
        return queue + "  db connections " + status.connectionsInUse() + "/" + status.connectionBudget();
    }
}
