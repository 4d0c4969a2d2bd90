package com.webhookbuffer.benchmarks;

import com.webhookbuffer.adapter.aws.out.SqsClients;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The ingest side, in two tables:
 * <ol>
 *   <li>cold start: a fresh JVM on the ingest deployment jar until its first webhook is answered by
 *       {@code IngestFunction} against a local SQS (ElasticMQ), beside a fresh JVM that only builds an SQS client
 *       and sends one message; alternated, {@value #COLD_RUNS} runs each;
 *   <li>warm: requests per second on one thread (one core) through the ingest handler on an in-memory queue,
 *       beside the floor (HMAC-SHA256 and a JSON parse of the same request), with JMH;
 *   <li>bad bodies: time per request for the worst bodies a sender can sign within {@code MAX_BODY_BYTES}, beside
 *       the contract's sample body, with JMH ({@link BadBodyBenchmark}).
 * </ol>
 * Run: {@code ./mvnw -q -pl benchmarks -am -DskipTests -Pbenchmark verify -Dbenchmark=Ingest}
 */
public final class IngestBenchmarkMain {

    private static final int COLD_RUNS = 7;
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private IngestBenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        Path ingestJar = Path.of(System.getProperty("ingest.jar"));
        Path launchers = Path.of(System.getProperty("launchers"));
        if (!Files.exists(ingestJar)) {
            throw new IllegalStateException("build the ingest jar first (./mvnw package): " + ingestJar);
        }
        StringBuilder report = new StringBuilder();
        SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
        try {
            String endpoint = "http://127.0.0.1:" + server.waitUntilStarted().localAddress().getPort();
            String queueUrl;
            try (SqsClient sqs = SqsClients.forEndpoint(URI.create(endpoint), Region.US_EAST_1)) {
                queueUrl = sqs.createQueue(create -> create.queueName("orders-cold")).queueUrl();
            }
            String classpath = ingestJar + File.pathSeparator + launchers;
            List<Long> function = new ArrayList<>();
            List<Long> bare = new ArrayList<>();
            for (int run = 0; run < COLD_RUNS; run++) {
                function.add(coldStart(classpath, ColdStartLaunchers.Ingest.class, endpoint, queueUrl));
                bare.add(coldStart(classpath, ColdStartLaunchers.BareSqs.class, endpoint, queueUrl));
            }
            report.append(String.format(Locale.ROOT, "%nCold start, JVM start to first answer (ms, %d runs each, "
                    + "ingest jar %.1f MB)%n", COLD_RUNS, Files.size(ingestJar) / 1e6));
            report.append(String.format(Locale.ROOT, "%-40s %8s %8s %8s%n", "", "min", "median", "max"));
            report.append(row("IngestFunction, one signed webhook", function));
            report.append(row("bare SqsClient, one send (baseline)", bare));
            report.append(String.format(Locale.ROOT, "%-40s %8s %7.2fx%n", "ratio of medians", "",
                    (double) median(function) / median(bare)));
        } finally {
            server.stopAndWait();
        }

        // The request log goes where Lambda sends it (stdout); here, to a file rather than JMH's console.
        Collection<RunResult> results = runOneThread(IngestBenchmark.class, 2, 3);
        double logged = score(results, "ingestHandler", "on");
        double quiet = score(results, "ingestHandler", "off");
        double floor = score(results, "floorHmacAndJsonParse", "on");
        report.append(String.format(Locale.ROOT, "%nWarm, one thread (requests/s per core)%n"));
        report.append(String.format(Locale.ROOT, "%-58s %10.0f %7.3fx%n",
                "ingest handler, in-memory queue, JSON request log on", logged, logged / floor));
        report.append(String.format(Locale.ROOT, "%-58s %10.0f %7.3fx%n",
                "ingest handler, in-memory queue, request log off", quiet, quiet / floor));
        report.append(String.format(Locale.ROOT, "%-58s %10.0f %7.3fx%n",
                "floor: HMAC-SHA256 + JSON parse (baseline)", floor, 1.0));

        report.append(new CostModel(1000 / logged, CostModel.WORKER_BATCH_MILLIS, CostModel.BATCH_SIZE).report());

        Collection<RunResult> bodies = runOneThread(BadBodyBenchmark.class, 1, 2);
        double sample = bodyScore(bodies, "sample");
        report.append(String.format(Locale.ROOT, "%nBad bodies, one thread (microseconds per request, "
                + "each signed and within MAX_BODY_BYTES)%n"));
        for (String body : BadBodyBenchmark.BODIES) {
            double micros = bodyScore(bodies, body);
            report.append(String.format(Locale.ROOT, "%-32s %7d bytes %10.1f us %7.2fx%s%n", body,
                    BadBodyBenchmark.bodyNamed(body).length, micros, micros / sample,
                    body.equals("sample") ? "  (baseline)" : ""));
        }
        System.out.println(report);
    }

    /** One JMH fork on one thread: 3 warm-up and 5 measured iterations of the given seconds; output to a file. */
    private static Collection<RunResult> runOneThread(Class<?> benchmark, int warmupSeconds, int measureSeconds)
            throws IOException, RunnerException {
        return new Runner(new OptionsBuilder()
                .include(benchmark.getName())
                .threads(1)
                .forks(1)
                .warmupIterations(3)
                .warmupTime(TimeValue.seconds(warmupSeconds))
                .measurementIterations(5)
                .measurementTime(TimeValue.seconds(measureSeconds))
                .jvmArgsAppend("-Xmx1g")
                .output(Files.createTempFile(benchmark.getSimpleName(), ".log").toString())
                .build()).run();
    }

    private static double bodyScore(Collection<RunResult> results, String body) {
        return results.stream()
                .filter(r -> body.equals(r.getParams().getParam("body")))
                .mapToDouble(r -> r.getPrimaryResult().getScore())
                .findFirst()
                .orElse(Double.NaN);
    }

    private static long coldStart(String classpath, Class<?> launcher, String endpoint, String queueUrl)
            throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", classpath, launcher.getName()).redirectErrorStream(true);
        builder.environment().put("WEBHOOK_SECRETS", SECRET);
        builder.environment().put("QUEUE_URL", queueUrl);
        builder.environment().put("AWS_ENDPOINT_URL_SQS", endpoint);
        builder.environment().put("AWS_REGION", "us-east-1");
        Process process = builder.start();
        Long millis = null;
        String last = "";
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                last = line;
                if (line.startsWith("COLD ")) {
                    String[] parts = line.split(" ");
                    if (!parts[2].equals("202") && !parts[2].equals("200")) {
                        throw new IllegalStateException(launcher.getSimpleName() + " answered " + parts[2]);
                    }
                    millis = Long.parseLong(parts[1]);
                }
            }
        }
        if (process.waitFor() != 0 || millis == null) {
            throw new UncheckedIOException(new IOException(launcher.getSimpleName() + " failed: " + last));
        }
        return millis;
    }

    private static String row(String name, List<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        return String.format(Locale.ROOT, "%-40s %8d %8d %8d%n", name, sorted.getFirst(), median(sorted),
                sorted.getLast());
    }

    private static long median(List<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static double score(Collection<RunResult> results, String benchmark, String requestLog) {
        return results.stream()
                .filter(r -> r.getParams().getBenchmark().endsWith("." + benchmark))
                .filter(r -> requestLog.equals(r.getParams().getParam("requestLog")))
                .mapToDouble(r -> r.getPrimaryResult().getScore())
                .findFirst()
                .orElse(Double.NaN);
    }
}
