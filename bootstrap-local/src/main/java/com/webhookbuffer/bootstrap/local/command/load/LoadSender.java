package com.webhookbuffer.bootstrap.local.command.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webhookbuffer.bootstrap.local.command.ProgressLine;
import com.webhookbuffer.bootstrap.local.command.SendCommand;
import com.webhookbuffer.bootstrap.local.command.load.LoadPlan.Delivery;
import com.webhookbuffer.bootstrap.local.watch.StatusSampler;
import com.webhookbuffer.domain.webhook.WebhookSecret;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** The sending half of a load: every delivery of the plan posted, signed, and what came back of each. */
public final class LoadSender {

    private static final int MAX_REASON = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private LoadSender() {}

    /**
     * What came back: per delivery, the answer's status code (0: no answer) and how long it took.
     *
     * @param failures how many deliveries ended each way that is not 202 ("401", "no answer: ...")
     * @param reasons  for each status in {@code failures}, what the stack said of the first such answer (its problem
     *                 details' {@code detail}): a 503 of the front (starting, stopping, too many at once) reads
     *                 differently from one of the door (the queue did not confirm)
     */
    record Answers(
            int[] status,
            long[] latencyNanos,
            int accepted,
            Duration sending,
            long lastAnswerAt,
            Map<String, Integer> failures,
            Map<String, String> reasons) {}

    /**
     * Sends every delivery of the plan: {@code concurrency} senders, each on its own connection with one request
     * at a time (so the client keeps exactly that many alive), taking the next delivery as soon as the last is
     * answered, or when the pace says it is due.
     */
    static Answers send(
            LoadPlan plan,
            LoadOptions options,
            URI webhooks,
            WebhookSecret secret,
            StatusSampler sampler,
            ProgressLine progress)
            throws InterruptedException {
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
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        ExecutorService senders = Executors.newFixedThreadPool(
                options.concurrency(),
                Thread.ofPlatform().daemon().name("load-sender-", 1).factory());
        long start = System.nanoTime();
        try (http;
                senders) {
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
                    HttpRequest request =
                            SendCommand.signed(webhooks, secret, delivery.webhookId(), Instant.now(), delivery.body());
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
                    progress.sending(
                            done.incrementAndGet(),
                            size,
                            answered,
                            Duration.ofNanos(answeredAt - start),
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
                failures.merge(
                        status[i] == 0 ? "no answer (" + noAnswer[i] + ")" : Integer.toString(status[i]),
                        1,
                        Integer::sum);
            }
        }
        return new Answers(
                status, latency, accepted.get(), Duration.ofNanos(end - start), end, failures, new TreeMap<>(reasons));
    }

    /** A problem document's {@code detail}, or else the start of whatever the body is, on one line. */
    public static String reason(String body) {
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
    static Map<String, Delivery> highestAccepted(LoadPlan plan, Answers answers) {
        Map<String, Delivery> highest = new HashMap<>();
        for (int i = 0; i < plan.size(); i++) {
            if (answers.status()[i] == 202) {
                highest.merge(
                        plan.deliveries().get(i).orderId(),
                        plan.deliveries().get(i),
                        (a, b) -> a.version() >= b.version() ? a : b);
            }
        }
        return highest;
    }
}
