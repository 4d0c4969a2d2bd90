package com.webhookbuffer.bootstrap.local.command.load;

import com.webhookbuffer.bootstrap.local.command.ProgressLine;
import com.webhookbuffer.bootstrap.local.command.StackAddress;
import com.webhookbuffer.bootstrap.local.command.load.DrainWatch.Drain;
import com.webhookbuffer.bootstrap.local.command.load.LoadPlan.Delivery;
import com.webhookbuffer.bootstrap.local.command.load.LoadSender.Answers;
import com.webhookbuffer.bootstrap.local.parts.DevelopmentSecret;
import com.webhookbuffer.bootstrap.local.parts.HttpFront;
import com.webhookbuffer.bootstrap.local.parts.LocalSettings;
import com.webhookbuffer.bootstrap.local.watch.StatusSampler;
import com.webhookbuffer.bootstrap.local.watch.StatusSampler.Sample;
import com.webhookbuffer.domain.webhook.WebhookSecret;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./run-local load [N] [--rate R] [--concurrency C]}: a spike of N signed sample orders (see {@link LoadPlan}
 * for the mix of duplicates and versions sent out of order) posted to the running stack over C keep-alive
 * connections, then a wait until the stack has drained it and every order is in the database at the highest
 * version sent. It prints what an operator wants to know of such a spike: how fast the door answered, how long the
 * queue took to drain, and how high the queue and the database connections went against the budget.
 *
 * Its parts: {@link LoadOptions} (the arguments), {@link LoadSender} (the spike), {@link DrainWatch} (the wait),
 * {@link LoadSummary} (the figures).
 *
 * <p>Exit status: 0 every webhook answered 202 and every order written; 1 not, or no stack to load; 2 a usage error.
 */
public final class LoadCommand {

    private LoadCommand() {}

    /** Runs a load against the stack on {@code HTTP_PORT}; returns the exit status. */
    public static int run(LocalSettings settings, List<String> args, PrintStream out, PrintStream err, boolean terminal)
            throws InterruptedException, SQLException {
        LoadOptions options = LoadOptions.parse(args);
        URI base = StackAddress.of(settings);
        Optional<String> absent = notReady(base, settings);
        if (absent.isPresent()) {
            err.println("run-local load: " + absent.get());
            return 1;
        }
        try (StoredOrders stored = StoredOrders.connect(settings);
                StatusSampler sampler = startSampler(base)) {
            WebhookSecret secret = DevelopmentSecret.resolve(settings).signing();
            long seed = System.currentTimeMillis();
            LoadPlan plan = LoadPlan.of(options.size(), Long.toString(seed, 36), seed, Instant.now());
            URI dashboard = base.resolve("/dashboard");
            out.println("load " + plan.runId() + ": " + plan.size() + " webhooks to "
                    + base.resolve(HttpFront.WEBHOOKS_PATH) + " over " + options.concurrency()
                    + " keep-alive connection(s), "
                    + options.pace());
            out.println("  " + plan.describe());
            out.println("  watch it live: " + dashboard);
            out.flush();
            ProgressLine progress = new ProgressLine(err, terminal);
            Sample before = sampler.latest();

            Answers answers =
                    LoadSender.send(plan, options, base.resolve(HttpFront.WEBHOOKS_PATH), secret, sampler, progress);
            progress.end();

            Map<String, Delivery> highest = LoadSender.highestAccepted(plan, answers);
            Drain drain = highest.isEmpty()
                    ? Drain.NOTHING_TO_DRAIN
                    : DrainWatch.awaitDrain(
                            highest,
                            stored,
                            sampler,
                            answers.lastAnswerAt(),
                            DrainWatch.drainTimeout(plan.size()),
                            progress);
            progress.end();
            boolean ok = answers.accepted() == plan.size() && drain.allWritten();
            LoadSummary.print(out, plan, options, answers, drain, sampler, before, dashboard, ok);
            return ok ? 0 : 1;
        }
    }

    /** Why no load can be sent to {@code base}, or empty when a stack there is ready. */
    private static Optional<String> notReady(URI base, LocalSettings settings) throws InterruptedException {
        try (HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build()) {
            HttpResponse<String> health = http.send(
                    HttpRequest.newBuilder(base.resolve("/health"))
                            .timeout(Duration.ofSeconds(5))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return switch (health.statusCode()) {
                case 200 -> Optional.empty();
                case 503 ->
                    Optional.of("the stack at " + base + " is starting or stopping (GET /health answered "
                            + "503); send the load once it says Ready.");
                default ->
                    Optional.of("what answers at " + base + " is not a local stack (GET /health answered "
                            + health.statusCode() + "); set " + LocalSettings.HTTP_PORT + " to the stack's port.");
            };
        } catch (IOException e) {
            return Optional.of(StackAddress.noStackAt(base, settings, e));
        }
    }

    private static StatusSampler startSampler(URI base) throws InterruptedException {
        try {
            return StatusSampler.start(base);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "the stack at " + base + " does not answer GET /status as a local " + "stack does: "
                            + e.getMessage(),
                    e);
        }
    }
}
