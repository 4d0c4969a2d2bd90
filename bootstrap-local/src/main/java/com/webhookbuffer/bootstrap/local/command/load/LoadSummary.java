package com.webhookbuffer.bootstrap.local.command.load;

import com.webhookbuffer.bootstrap.local.command.load.DrainWatch.Drain;
import com.webhookbuffer.bootstrap.local.command.load.LoadSender.Answers;
import com.webhookbuffer.bootstrap.local.parts.DevelopmentSecret;
import com.webhookbuffer.bootstrap.local.parts.LocalSettings;
import com.webhookbuffer.bootstrap.local.watch.NearestRank;
import com.webhookbuffer.bootstrap.local.watch.StatusSampler;
import com.webhookbuffer.bootstrap.local.watch.StatusSampler.Peaks;
import com.webhookbuffer.bootstrap.local.watch.StatusSampler.Sample;
import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a load prints when it ends: how fast the door answered, how long the drain took, how high things went. */
final class LoadSummary {

    private LoadSummary() {}

    static void print(
            PrintStream out,
            LoadPlan plan,
            LoadOptions options,
            Answers answers,
            Drain drain,
            StatusSampler sampler,
            Sample before,
            URI dashboard,
            boolean ok) {
        Sample after = sampler.latest();
        Peaks peaks = sampler.peaks();
        double seconds = answers.sending().toNanos() / 1e9;
        out.println();
        out.println("Summary of load " + plan.runId() + " (" + plan.size() + " webhooks)");
        out.println(row(
                "answers",
                answers.accepted() + " of " + plan.size() + " answered 202"
                        + (answers.failures().isEmpty()
                                ? ""
                                : "; not 202: "
                                        + answers.failures().entrySet().stream()
                                                .map(f -> f.getKey() + " x " + f.getValue())
                                                .collect(Collectors.joining(", ")))));
        answers.reasons().forEach((status, reason) -> out.println(row("", status + " says: " + reason)));
        if (answers.failures().containsKey("401")) {
            out.println(row(
                    "",
                    "401: the stack refused the signatures; load signs with WEBHOOK_SECRETS, or else "
                            + "with the secret in " + LocalSettings.LOCAL_STATE_DIR + "/" + DevelopmentSecret.FILE_NAME
                            + ": are they this stack's?"));
        }
        out.println(row(
                "accepted/s",
                String.format(
                        Locale.ROOT,
                        "%.0f  (%d accepted in %.2f s%s)",
                        answers.accepted() / seconds,
                        answers.accepted(),
                        seconds,
                        options.rate()
                                .map(r -> "; paced at " + LoadOptions.number(r) + "/s")
                                .orElse(""))));
        out.println(row("latency", latencies(answers)));
        out.println(row(
                "drain",
                drain.took()
                        .map(took -> String.format(Locale.ROOT, "%.1f s after the last answer", took.toNanos() / 1e9))
                        .orElse("did not drain: " + drain.why())));
        drain.check()
                .ifPresentOrElse(
                        check -> {
                            out.println(row(
                                    "orders",
                                    check.written() + " of " + check.expected() + " written at the highest "
                                            + "version sent (read from the orders table)"
                                            + (check.complete()
                                                    ? ""
                                                    : "; " + check.missing() + " missing, " + check.behind()
                                                            + " at another version")));
                            check.examples().forEach(example -> out.println(row("", example)));
                        },
                        () -> out.println(row("orders", "not read: the database did not answer")));
        out.println(row(
                "worker",
                "since the load began: "
                        + String.join(
                                ", ",
                                delta("written", before, after),
                                delta("duplicate", before, after),
                                delta("stale", before, after),
                                delta("retried", before, after),
                                delta("deadLettered", before, after))));
        out.println(row(
                "peak queue",
                peaks.depth() + " waiting, " + peaks.inFlight() + " in flight (sampled every "
                        + StatusSampler.EVERY.toMillis() + " ms)"));
        out.println(row(
                "peak db",
                peaks.connectionsInUse() + " connection(s) in use of a budget of " + after.connectionBudget()));
        if (!sampler.lastFailure().isEmpty()) {
            out.println(row("", "some /status samples failed; the last: " + sampler.lastFailure()));
        }
        out.println(row("dashboard", dashboard.toString()));
        List<String> failed = new ArrayList<>();
        if (answers.accepted() < plan.size()) {
            failed.add((plan.size() - answers.accepted()) + " webhook(s) not answered 202");
        }
        drain.check()
                .ifPresentOrElse(
                        check -> {
                            if (!check.complete()) {
                                failed.add((check.expected() - check.written()) + " order(s) not written as sent");
                            }
                        },
                        () -> failed.add("the orders could not be read"));
        out.println(
                ok
                        ? "OK: every webhook was answered 202 and every order is written at its highest version."
                        : "FAILED: " + String.join("; ", failed) + ".");
        out.flush();
    }

    private static String row(String name, String value) {
        return String.format(Locale.ROOT, "  %-11s %s", name, value);
    }

    private static String delta(String count, Sample before, Sample after) {
        return (after.count(count) - before.count(count)) + " " + count;
    }

    /** Percentiles by nearest rank over the answered requests, timed from sending to the answer's status. */
    private static String latencies(Answers answers) {
        List<Long> answered = new ArrayList<>();
        for (int i = 0; i < answers.status().length; i++) {
            if (answers.status()[i] != 0) {
                answered.add(answers.latencyNanos()[i]);
            }
        }
        if (answered.isEmpty()) {
            return "no answers";
        }
        long[] sorted = answered.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return String.format(
                Locale.ROOT,
                "p50 %s, p99 %s, max %s (sending to answer)",
                millis(rank(sorted, 0.50)),
                millis(rank(sorted, 0.99)),
                millis(sorted[sorted.length - 1]));
    }

    private static long rank(long[] sorted, double percentile) {
        return sorted[NearestRank.index(sorted.length, percentile)];
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }
}
