package com.webhookbuffer.bootstrap.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webhookbuffer.bootstrap.local.LoadPlan.Delivery;
import com.webhookbuffer.bootstrap.local.StatusSampler.Peaks;
import com.webhookbuffer.bootstrap.local.StatusSampler.Sample;
import com.webhookbuffer.bootstrap.local.StoredOrders.Check;
import com.webhookbuffer.domain.webhook.WebhookSecret;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * {@code ./run-local load [N] [--rate R] [--concurrency C]}: a spike of N signed sample orders (see {@link LoadPlan}
 * for the mix of duplicates and versions sent out of order) posted to the running stack over C keep-alive
 * connections, then a wait until the stack has drained it and every order is in the database at the highest
 * version sent. It prints what an operator wants to know of such a spike: how fast the door answered, how long the
 * queue took to drain, and how high the queue and the database connections went against the budget.
 *
 * <p>Exit status: 0 every webhook answered 202 and every order written; 1 not, or no stack to load; 2 a usage error.
 */
final class LoadCommand {

    static final int DEFAULT_SIZE = 1000;
    static final int MAX_SIZE = 100_000;
    static final int DEFAULT_CONCURRENCY = 32;
    /** More at once would be answered 503 by the stack's front on purpose, which is not what a load measures. */
    static final int MAX_CONCURRENCY = HttpFront.MAX_WEBHOOKS_IN_PROGRESS;
    static final double MAX_RATE = 100_000;
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
    private static final int MAX_REASON = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String USAGE = "usage: ./run-local load [N] [--rate R] [--concurrency C]  (N 1-" + MAX_SIZE
            + ", default " + DEFAULT_SIZE + "; R requests/s, default as fast as answered; C 1-" + MAX_CONCURRENCY
            + ", default " + DEFAULT_CONCURRENCY + ")";

    private LoadCommand() {
    }

    /**
     * What to send and how.
     *
     * @param size        webhooks to send
     * @param rate        requests per second over all connections; empty: each connection sends its next request
     *                    as soon as its last is answered
     * @param concurrency connections, each with one request at a time
     */
    record Options(int size, Optional<Double> rate, int concurrency) {

        /** The arguments after {@code load}; a bad one is a usage error whose message says what is allowed. */
        static Options parse(List<String> args) {
            int size = DEFAULT_SIZE;
            Optional<Double> rate = Optional.empty();
            int concurrency = DEFAULT_CONCURRENCY;
            boolean sizeGiven = false;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                switch (option) {
                    case "--rate", "--concurrency" -> {
                        String value;
                        if (arg.contains("=")) {
                            value = arg.substring(arg.indexOf('=') + 1);
                        } else if (i + 1 < args.size()) {
                            value = args.get(++i);
                        } else {
                            throw usage(option + " needs a value");
                        }
                        if (option.equals("--rate")) {
                            rate = Optional.of(rate(value));
                        } else {
                            concurrency = whole("--concurrency", value, 1, MAX_CONCURRENCY);
                        }
                    }
                    default -> {
                        if (arg.startsWith("-") || sizeGiven) {
                            throw usage("unexpected argument: " + arg);
                        }
                        size = whole("N", arg, 1, MAX_SIZE);
                        sizeGiven = true;
                    }
                }
            }
            return new Options(size, rate, concurrency);
        }

        private static int whole(String name, String value, int min, int max) {
            try {
                int parsed = Integer.parseInt(value);
                if (parsed >= min && parsed <= max) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // Said below, with the range.
            }
            throw usage(name + " must be a whole number from " + min + " to " + max + ", was: " + value);
        }

        private static double rate(String value) {
            try {
                double parsed = Double.parseDouble(value);
                if (parsed > 0 && parsed <= MAX_RATE) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // Said below, with the range.
            }
            throw usage("--rate must be a number of requests per second above 0 and at most " + (long) MAX_RATE
                    + ", was: " + value);
        }

        private static IllegalStateException usage(String problem) {
            return new IllegalStateException("load: " + problem + "\n" + USAGE);
        }

        String pace() {
            return rate.map(r -> "paced at " + number(r) + " requests/s").orElse("as fast as they are answered");
        }
    }

    /** Runs a load against the stack on {@code HTTP_PORT}; returns the exit status. */
    static int run(LocalSettings settings, List<String> args, PrintStream out, PrintStream err, boolean terminal)
            throws InterruptedException, SQLException {
        Options options = Options.parse(args);
        URI base = URI.create("http://127.0.0.1:" + settings.httpPort());
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
            out.println("load " + plan.runId() + ": " + plan.size() + " webhooks to " + base.resolve(
                    HttpFront.WEBHOOKS_PATH) + " over " + options.concurrency() + " keep-alive connection(s), "
                    + options.pace());
            out.println("  " + plan.describe());
            out.println("  watch it live: " + dashboard);
            out.flush();
            ProgressLine progress = new ProgressLine(err, terminal);
            Sample before = sampler.latest();

            Answers answers = send(plan, options, base.resolve(HttpFront.WEBHOOKS_PATH), secret, sampler, progress);
            progress.end();

            Map<String, Delivery> highest = highestAccepted(plan, answers);
            Drain drain = highest.isEmpty() ? Drain.NOTHING_TO_DRAIN
                    : awaitDrain(highest, stored, sampler, answers.lastAnswerAt(), drainTimeout(plan.size()),
                            progress);
            progress.end();
            boolean ok = answers.accepted() == plan.size() && drain.allWritten();
            printSummary(out, plan, options, answers, drain, sampler, before, dashboard, ok);
            return ok ? 0 : 1;
        }
    }

    /** Why no load can be sent to {@code base}, or empty when a stack there is ready. */
    private static Optional<String> notReady(URI base, LocalSettings settings) throws InterruptedException {
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build()) {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(base.resolve("/health"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return switch (health.statusCode()) {
                case 200 -> Optional.empty();
                case 503 -> Optional.of("the stack at " + base + " is starting or stopping (GET /health answered "
                        + "503); send the load once it says Ready.");
                default -> Optional.of("what answers at " + base + " is not a local stack (GET /health answered "
                        + health.statusCode() + "); set " + LocalSettings.HTTP_PORT + " to the stack's port.");
            };
        } catch (IOException e) {
            return Optional.of(RunLocal.noStackAt(base, settings, e));
        }
    }

    private static StatusSampler startSampler(URI base) throws InterruptedException {
        try {
            return StatusSampler.start(base);
        } catch (IOException e) {
            throw new IllegalStateException("the stack at " + base + " does not answer GET /status as a local "
                    + "stack does: " + e.getMessage(), e);
        }
    }

    /**
     * What came back: per delivery, the answer's status code (0: no answer) and how long it took.
     *
     * @param failures how many deliveries ended each way that is not 202 ("401", "no answer: ...")
     * @param reasons  for each status in {@code failures}, what the stack said of the first such answer (its problem
     *                 details' {@code detail}): a 503 of the front (starting, stopping, too many at once) reads
     *                 differently from one of the door (the queue did not confirm)
     */
    private record Answers(int[] status, long[] latencyNanos, int accepted, Duration sending, long lastAnswerAt,
            Map<String, Integer> failures, Map<String, String> reasons) {
    }

    /**
     * Sends every delivery of the plan: {@code concurrency} senders, each on its own connection with one request
     * at a time (so the client keeps exactly that many alive), taking the next delivery as soon as the last is
     * answered, or when the pace says it is due.
     */
    private static Answers send(LoadPlan plan, Options options, URI webhooks, WebhookSecret secret,
            StatusSampler sampler, ProgressLine progress) throws InterruptedException {
        int size = plan.size();
        int[] status = new int[size];
        long[] latency = new long[size];
        String[] noAnswer = new String[size];
        Map<String, String> reasons = new ConcurrentHashMap<>();
        // Only a refusal's body is read: it says why.
        HttpResponse.BodyHandler<String> refusalsRead = answer -> answer.statusCode() == 202
                ? HttpResponse.BodySubscribers.replacing("")
                : HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        AtomicLong lastAnswerAt = new AtomicLong();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService senders = Executors.newFixedThreadPool(options.concurrency(),
                Thread.ofPlatform().daemon().name("load-sender-", 1).factory());
        long start = System.nanoTime();
        try (http; senders) {
            Callable<Void> sender = () -> {
                for (int i = next.getAndIncrement(); i < size; i = next.getAndIncrement()) {
                    if (options.rate().isPresent()) {
                        long due = start + (long) (i * 1e9 / options.rate().get());
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(Duration.ofNanos(wait));
                        }
                    }
                    Delivery delivery = plan.deliveries().get(i);
                    // Signed when sent, as a sender signs each delivery: a long paced run stays inside the
                    // timestamp tolerance, and a duplicate is the same id and body with a fresh signature.
                    HttpRequest request = SendCommand.signed(webhooks, secret, delivery.webhookId(), Instant.now(),
                            delivery.body());
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<String> answer = http.send(request, refusalsRead);
                        status[i] = answer.statusCode();
                        if (status[i] != 202) {
                            reasons.putIfAbsent(Integer.toString(status[i]), reason(answer.body()));
                        }
                    } catch (IOException e) {
                        noAnswer[i] = e.toString();
                    }
                    long answeredAt = System.nanoTime();
                    latency[i] = answeredAt - sent;
                    lastAnswerAt.accumulateAndGet(answeredAt, Math::max);
                    int answered = status[i] == 202 ? accepted.incrementAndGet() : accepted.get();
                    progress.sending(done.incrementAndGet(), size, answered, Duration.ofNanos(answeredAt - start),
                            sampler.latest());
                }
                return null;
            };
            for (Future<Void> finished : senders.invokeAll(Collections.nCopies(options.concurrency(), sender))) {
                try {
                    finished.get();
                } catch (ExecutionException e) {
                    // A bug in the sender, not a webhook that failed: those are counted, never thrown.
                    if (e.getCause() instanceof RuntimeException bug) {
                        throw bug;
                    }
                    throw new IllegalStateException("a sender failed: " + e.getCause(), e.getCause());
                }
            }
        }
        long end = lastAnswerAt.get();
        Map<String, Integer> failures = new TreeMap<>();
        for (int i = 0; i < size; i++) {
            if (status[i] != 202) {
                failures.merge(status[i] == 0 ? "no answer (" + noAnswer[i] + ")" : Integer.toString(status[i]), 1,
                        Integer::sum);
            }
        }
        return new Answers(status, latency, accepted.get(), Duration.ofNanos(end - start), end, failures,
                new TreeMap<>(reasons));
    }

    /** A problem document's {@code detail}, or else the start of whatever the body is, on one line. */
    static String reason(String body) {
        try {
            JsonNode detail = JSON.readTree(body).path("detail");
            if (detail.isTextual()) {
                return detail.asText();
            }
        } catch (JsonProcessingException notJson) {
            // Said as it came, below.
        }
        String line = body.strip().replaceAll("\\s+", " ");
        if (line.isEmpty()) {
            return "(no body)";
        }
        return line.length() <= MAX_REASON ? line : line.substring(0, MAX_REASON) + "...";
    }

    /** Each order, by the accepted delivery that carried its highest version: what the database must hold. */
    private static Map<String, Delivery> highestAccepted(LoadPlan plan, Answers answers) {
        Map<String, Delivery> highest = new HashMap<>();
        for (int i = 0; i < plan.size(); i++) {
            if (answers.status()[i] == 202) {
                highest.merge(plan.deliveries().get(i).orderId(), plan.deliveries().get(i),
                        (a, b) -> a.version() >= b.version() ? a : b);
            }
        }
        return highest;
    }

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
    private record Drain(Optional<Duration> took, Optional<Check> check, String why) {

        static final Drain NOTHING_TO_DRAIN = new Drain(Optional.empty(), Optional.of(new Check(0, 0, 0, List.of())),
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
    private static Drain awaitDrain(Map<String, Delivery> highest, StoredOrders stored, StatusSampler sampler,
            long lastAnswerAt, Duration timeout, ProgressLine progress) throws InterruptedException {
        long deadline = lastAnswerAt + timeout.toNanos();
        long emptySince = -1;
        long checkedAt = Long.MIN_VALUE;
        Optional<Check> read = Optional.empty();
        while (true) {
            Sample sample = sampler.latest();
            long now = System.nanoTime();
            Duration silent = sampler.silentFor(now);
            if (silent.compareTo(STACK_GONE) >= 0) {
                return Drain.ended(read, "the stack has not answered GET /status for " + silent.toSeconds()
                        + " s (" + sampler.lastFailure() + ")");
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
                    return Drain.ended(read, "the queue is empty, yet not every order is written "
                            + "(see ./run-local dlq list)");
                }
            } else {
                emptySince = -1;
            }
            if (now > deadline) {
                return Drain.ended(read, check.complete()
                        ? "every order is written, but the queue still holds messages (another sender's, or retries)"
                        : "not drained within " + timeout.toSeconds() + " s of the last answer");
            }
            progress.draining(Duration.ofNanos(now - lastAnswerAt), sample);
            Thread.sleep(StatusSampler.EVERY);
        }
    }

    private static void printSummary(PrintStream out, LoadPlan plan, Options options, Answers answers, Drain drain,
            StatusSampler sampler, Sample before, URI dashboard, boolean ok) {
        Sample after = sampler.latest();
        Peaks peaks = sampler.peaks();
        double seconds = answers.sending().toNanos() / 1e9;
        out.println();
        out.println("Summary of load " + plan.runId() + " (" + plan.size() + " webhooks)");
        out.println(row("answers", answers.accepted() + " of " + plan.size() + " answered 202"
                + (answers.failures().isEmpty() ? "" : "; not 202: " + answers.failures().entrySet().stream()
                        .map(f -> f.getKey() + " x " + f.getValue()).collect(Collectors.joining(", ")))));
        answers.reasons().forEach((status, reason) -> out.println(row("", status + " says: " + reason)));
        if (answers.failures().containsKey("401")) {
            out.println(row("", "401: the stack refused the signatures; load signs with WEBHOOK_SECRETS, or else "
                    + "with the secret in " + LocalSettings.LOCAL_STATE_DIR + "/" + DevelopmentSecret.FILE_NAME
                    + ": are they this stack's?"));
        }
        out.println(row("accepted/s", String.format(Locale.ROOT, "%.0f  (%d accepted in %.2f s%s)",
                answers.accepted() / seconds, answers.accepted(), seconds,
                options.rate().map(r -> "; paced at " + number(r) + "/s").orElse(""))));
        out.println(row("latency", latencies(answers)));
        out.println(row("drain", drain.took()
                .map(took -> String.format(Locale.ROOT, "%.1f s after the last answer", took.toNanos() / 1e9))
                .orElse("did not drain: " + drain.why())));
        drain.check().ifPresentOrElse(check -> {
            out.println(row("orders", check.written() + " of " + check.expected() + " written at the highest "
                    + "version sent (read from the orders table)" + (check.complete() ? "" : "; " + check.missing()
                    + " missing, " + check.behind() + " at another version")));
            check.examples().forEach(example -> out.println(row("", example)));
        }, () -> out.println(row("orders", "not read: the database did not answer")));
        out.println(row("worker", "since the load began: " + String.join(", ",
                delta("written", before, after), delta("duplicate", before, after), delta("stale", before, after),
                delta("retried", before, after), delta("deadLettered", before, after))));
        out.println(row("peak queue", peaks.depth() + " waiting, " + peaks.inFlight() + " in flight (sampled every "
                + StatusSampler.EVERY.toMillis() + " ms)"));
        out.println(row("peak db", peaks.connectionsInUse() + " connection(s) in use of a budget of "
                + after.connectionBudget()));
        if (!sampler.lastFailure().isEmpty()) {
            out.println(row("", "some /status samples failed; the last: " + sampler.lastFailure()));
        }
        out.println(row("dashboard", dashboard.toString()));
        List<String> failed = new ArrayList<>();
        if (answers.accepted() < plan.size()) {
            failed.add((plan.size() - answers.accepted()) + " webhook(s) not answered 202");
        }
        drain.check().ifPresentOrElse(check -> {
            if (!check.complete()) {
                failed.add((check.expected() - check.written()) + " order(s) not written as sent");
            }
        }, () -> failed.add("the orders could not be read"));
        out.println(ok ? "OK: every webhook was answered 202 and every order is written at its highest version."
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
        return String.format(Locale.ROOT, "p50 %s, p99 %s, max %s (sending to answer)", millis(rank(sorted, 0.50)),
                millis(rank(sorted, 0.99)), millis(sorted[sorted.length - 1]));
    }

    private static long rank(long[] sorted, double percentile) {
        return sorted[NearestRank.index(sorted.length, percentile)];
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
