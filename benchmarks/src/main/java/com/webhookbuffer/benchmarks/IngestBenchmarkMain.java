package com.webhookbuffer.benchmarks;

import com.webhookbuffer.adapter.aws.out.SqsClients;
import com.webhookbuffer.adapter.persistence.DatabaseMigrations;
import com.webhookbuffer.adapter.persistence.DatabaseSettings;
import com.webhookbuffer.standin.aws.ElasticMq;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The Lambda functions, cold and warm:
 * <ol>
 *   <li>cold start: a fresh JVM (with Lambda's default JVM flags) on the ingest deployment jar until its first webhook is answered by
 *       {@code IngestFunction} against a local SQS (ElasticMQ), beside a fresh JVM that only builds an SQS client
 *       and sends one message, and two JVMs that show where the difference goes: one that only builds the payload
 *       reader (Jackson and Hibernate Validator) and reads one body, and one that only starts; alternated,
 *       {@value #COLD_RUNS} runs each; then the same for the worker jar, each
 *       run writing one of those webhooks into PostgreSQL, beside a JVM that only connects and writes one row;
 *   <li>warm: requests per second on one thread (one core) through the ingest handler on an in-memory queue,
 *       beside the floor (HMAC-SHA256 and a JSON parse of the same request), and two of its steps alone, binding
 *       and the payload rules ({@link PayloadPartsBenchmark}), with JMH;
 *   <li>bad bodies: time per request for the worst bodies a sender can sign within {@code MAX_BODY_BYTES}, beside
 *       the contract's sample body, with JMH ({@link BadBodyBenchmark}).
 * </ol>
 * Run: {@code ./mvnw -q -pl benchmarks -am -DskipTests -Pbenchmark verify -Dbenchmark=Ingest} (the cold starts
 * alone: {@code -Dparts=cold}; the warm part, with the bad bodies: {@code -Dparts=warm}).
 */
public final class IngestBenchmarkMain {

    private static final int COLD_RUNS = 11;
    /**
     * The JVM as Lambda's java21 runtime starts it: tiered compilation stopped at C1 and the serial collector ("For
     * Java 17 and Java 21, Lambda configures the JVM to stop tiered compilation at level 1 by default"; serial GC by
     * default: Lambda Developer Guide, "Customize Java runtime startup behavior for Lambda functions").
     */
    private static final List<String> LAMBDA_JVM_FLAGS =
            List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    /** The goal (#17) for a warm request with its log on, as a fraction of the floor's rate. */
    private static final double WARM_GOAL = 0.3;
    /** The goal (#17) for the ingest function's cold start, as a multiple of the bare SDK's. */
    private static final double COLD_GOAL = 1.2;
    /** Which parts to run: {@code -Dparts=cold,warm} (both by default). */
    private static final List<String> PARTS =
            List.of(System.getProperty("parts", "cold,warm").split(","));

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private IngestBenchmarkMain() {}

    public static void main(String[] args) throws Exception {
        Path ingestJar = Path.of(System.getProperty("ingest.jar"));
        Path workerJar = Path.of(System.getProperty("worker.jar"));
        Path launchers = Path.of(System.getProperty("launchers"));
        for (Path jar : List.of(ingestJar, workerJar)) {
            if (!Files.exists(jar)) {
                throw new IllegalStateException("build the function jars first (./mvnw package): " + jar);
            }
        }
        StringBuilder report = new StringBuilder();
        if (PARTS.contains("cold")) {
            ElasticMq server = ElasticMq.inMemory();
            try {
                String endpoint = server.endpoint().toString();
                String queueUrl;
                try (SqsClient sqs = SqsClients.forEndpoint(URI.create(endpoint), Region.US_EAST_1)) {
                    queueUrl = sqs.createQueue(create -> create.queueName("orders-cold"))
                            .queueUrl();
                }
                String classpath = ingestJar + File.pathSeparator + launchers;
                Map<String, String> environment = Map.of(
                        "WEBHOOK_SECRETS",
                        SECRET,
                        "QUEUE_URL",
                        queueUrl,
                        "AWS_ENDPOINT_URL_SQS",
                        endpoint,
                        "AWS_REGION",
                        "us-east-1");
                List<Long> function = new ArrayList<>();
                List<Long> bare = new ArrayList<>();
                List<Long> reader = new ArrayList<>();
                List<Long> empty = new ArrayList<>();
                for (int run = 0; run < COLD_RUNS; run++) {
                    function.add(coldStart(classpath, ColdStartLaunchers.Ingest.class, environment));
                    bare.add(coldStart(classpath, ColdStartLaunchers.BareSqs.class, environment));
                    reader.add(coldStart(classpath, ColdStartLaunchers.PayloadReaderAlone.class, environment));
                    empty.add(coldStart(classpath, ColdStartLaunchers.Empty.class, environment));
                }
                report.append(String.format(
                        Locale.ROOT,
                        "%nCold start, JVM start to first answer (ms, %d runs each, " + "ingest jar %.1f MB)%n",
                        COLD_RUNS,
                        Files.size(ingestJar) / 1e6));
                report.append(String.format(Locale.ROOT, "%-40s %8s %8s %8s%n", "", "min", "median", "max"));
                report.append(row("IngestFunction, one signed webhook", function));
                report.append(row("bare SqsClient, one send (baseline)", bare));
                report.append(String.format(
                        Locale.ROOT,
                        "%-40s %8s %7.2fx%n",
                        "ratio of medians",
                        "",
                        (double) median(function) / median(bare)));
                report.append(row("  payload reader alone, one body", reader));
                report.append(row("  a JVM that only starts", empty));
                report.append(String.format(
                        Locale.ROOT,
                        "%-40s %8s %8d%n",
                        "  the payload reader beyond that",
                        "",
                        median(reader) - median(empty)));
                report.append(String.format(
                        Locale.ROOT,
                        "%-40s %8s %8d%n",
                        "  the goal's allowance beyond baseline",
                        "",
                        Math.round((COLD_GOAL - 1) * median(bare))));
                report.append(workerColdStarts(workerJar, launchers, endpoint, queueUrl));
            } finally {
                server.close();
            }
        }
        if (PARTS.contains("warm")) {
            // The request log goes where Lambda sends it (stdout); here, to a file rather than JMH's console.
            Collection<RunResult> results = runOneThread(IngestBenchmark.class, 2, 3);
            double logged = score(results, "ingestHandler", "on");
            double quiet = score(results, "ingestHandler", "off");
            double floor = score(results, "floorHmacAndJsonParse", "on");
            report.append(String.format(Locale.ROOT, "%nWarm, one thread (requests/s per core)%n"));
            report.append(String.format(
                    Locale.ROOT,
                    "%-58s %10.0f %7.3fx%n",
                    "ingest handler, in-memory queue, JSON request log on",
                    logged,
                    logged / floor));
            report.append(String.format(
                    Locale.ROOT,
                    "%-58s %10.0f %7.3fx%n",
                    "ingest handler, in-memory queue, request log off",
                    quiet,
                    quiet / floor));
            report.append(String.format(
                    Locale.ROOT, "%-58s %10.0f %7.3fx%n", "floor: HMAC-SHA256 + JSON parse (baseline)", floor, 1.0));
            Collection<RunResult> parts = runOneThread(PayloadPartsBenchmark.class, 2, 3);
            double binding = score(parts, "bindingAlone", null);
            double rules = score(parts, "rulesAlone", null);
            report.append(
                    String.format(Locale.ROOT, "%nWhere a warm request's time goes (microseconds per request)%n"));
            report.append(String.format(Locale.ROOT, "%-58s %10.2f%n", "ingest handler, request log on", 1e6 / logged));
            report.append(String.format(
                    Locale.ROOT,
                    "%-58s %10.2f%n",
                    "  of which, alone: the body bound to the contract (Jackson)",
                    1e6 / binding));
            report.append(String.format(
                    Locale.ROOT,
                    "%-58s %10.2f%n",
                    "  of which, alone: the payload rules (Hibernate Validator)",
                    1e6 / rules));
            report.append(String.format(
                    Locale.ROOT,
                    "%-58s %10.2f%n",
                    "what the goal (>= " + WARM_GOAL + "x the floor) allows in all",
                    1e6 / (WARM_GOAL * floor)));

            report.append(new CostModel(1000 / logged, CostModel.WORKER_BATCH_MILLIS, CostModel.BATCH_SIZE).report());

            Collection<RunResult> bodies = runOneThread(BadBodyBenchmark.class, 1, 2);
            double sample = bodyScore(bodies, "sample");
            report.append(String.format(
                    Locale.ROOT,
                    "%nBad bodies, one thread (microseconds per request, "
                            + "each signed and within MAX_BODY_BYTES)%n"));
            for (String body : BadBodyBenchmark.BODIES) {
                double micros = bodyScore(bodies, body);
                report.append(String.format(
                        Locale.ROOT,
                        "%-32s %7d bytes %10.1f us %7.2fx%s%n",
                        body,
                        BadBodyBenchmark.bodyNamed(body).length,
                        micros,
                        micros / sample,
                        body.equals("sample") ? "  (baseline)" : ""));
            }
        }
        System.out.println(report);
    }

    /**
     * The worker's cold start: a fresh JVM on the worker jar writing one of the webhooks the ingest runs queued (as
     * SQS hands them to the function) into a migrated PostgreSQL, beside a fresh JVM that only connects and writes
     * one row.
     */
    private static String workerColdStarts(Path workerJar, Path launchers, String endpoint, String queueUrl)
            throws IOException, InterruptedException, SQLException {
        List<Message> queued = new ArrayList<>();
        try (SqsClient sqs = SqsClients.forEndpoint(URI.create(endpoint), Region.US_EAST_1)) {
            while (queued.size() < COLD_RUNS) {
                List<Message> received = sqs.receiveMessage(receive -> receive.queueUrl(queueUrl)
                                .maxNumberOfMessages(10)
                                .messageAttributeNames("All")
                                .waitTimeSeconds(1))
                        .messages();
                if (received.isEmpty()) {
                    throw new IllegalStateException(
                            "the ingest runs queued " + queued.size() + " webhooks, not " + COLD_RUNS);
                }
                queued.addAll(received);
            }
        }
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DatabaseSettings db =
                    DatabaseSettings.of(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
            DatabaseMigrations.migrate(db);
            try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE " + ColdStartLaunchers.FLOOR_TABLE
                        + " (id text PRIMARY KEY, version bigint NOT NULL)");
            }
            Map<String, String> environment = Map.of(
                    "DB_URL",
                    db.jdbcUrl(),
                    "DB_USER",
                    db.user(),
                    "DB_PASSWORD",
                    db.password(),
                    "QUEUE_URL",
                    queueUrl,
                    "DLQ_URL",
                    queueUrl,
                    "AWS_ENDPOINT_URL_SQS",
                    endpoint,
                    "AWS_REGION",
                    "us-east-1");
            String classpath = workerJar + File.pathSeparator + launchers;
            List<Long> function = new ArrayList<>();
            List<Long> bare = new ArrayList<>();
            for (Message message : queued.subList(0, COLD_RUNS)) {
                Map<String, String> withMessage = new HashMap<>(environment);
                withMessage.put(ColdStartLaunchers.MESSAGE_BODY, message.body());
                withMessage.put(
                        ColdStartLaunchers.MESSAGE_ATTRIBUTES,
                        message.messageAttributes().entrySet().stream()
                                .map(attribute -> attribute.getKey() + "="
                                        + attribute.getValue().stringValue())
                                .collect(Collectors.joining("\n")));
                function.add(coldStart(classpath, ColdStartLaunchers.Worker.class, withMessage));
                bare.add(coldStart(classpath, ColdStartLaunchers.BarePostgres.class, environment));
            }
            return String.format(
                            Locale.ROOT,
                            "%nWorker cold start, JVM start to its batch written (ms, %d runs "
                                    + "each, worker jar %.1f MB)%n",
                            COLD_RUNS,
                            Files.size(workerJar) / 1e6)
                    + String.format(Locale.ROOT, "%-40s %8s %8s %8s%n", "", "min", "median", "max")
                    + row("WorkerFunction, one queued webhook", function)
                    + row("bare JDBC, one upsert (baseline)", bare)
                    + String.format(
                            Locale.ROOT,
                            "%-40s %8s %7.2fx%n",
                            "ratio of medians",
                            "",
                            (double) median(function) / median(bare));
        }
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
                        .output(Files.createTempFile(benchmark.getSimpleName(), ".log")
                                .toString())
                        .build())
                .run();
    }

    private static double bodyScore(Collection<RunResult> results, String body) {
        return results.stream()
                .filter(r -> body.equals(r.getParams().getParam("body")))
                .mapToDouble(r -> r.getPrimaryResult().getScore())
                .findFirst()
                .orElse(Double.NaN);
    }

    private static long coldStart(String classpath, Class<?> launcher, Map<String, String> environment)
            throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(LAMBDA_JVM_FLAGS);
        command.addAll(List.of("-cp", classpath, launcher.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        Long millis = null;
        String last = "";
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
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
        return String.format(
                Locale.ROOT, "%-40s %8d %8d %8d%n", name, sorted.getFirst(), median(sorted), sorted.getLast());
    }

    private static long median(List<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /** The score of {@code benchmark} in {@code results}; {@code requestLog} null for one without that parameter. */
    private static double score(Collection<RunResult> results, String benchmark, String requestLog) {
        return results.stream()
                .filter(r -> r.getParams().getBenchmark().endsWith("." + benchmark))
                .filter(r ->
                        requestLog == null || requestLog.equals(r.getParams().getParam("requestLog")))
                .mapToDouble(r -> r.getPrimaryResult().getScore())
                .findFirst()
                .orElse(Double.NaN);
    }
}
