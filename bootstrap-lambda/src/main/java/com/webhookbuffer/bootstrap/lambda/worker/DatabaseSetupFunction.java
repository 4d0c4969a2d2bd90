package com.webhookbuffer.bootstrap.lambda.worker;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.webhookbuffer.adapter.persistence.DatabaseLogin;
import com.webhookbuffer.adapter.persistence.DatabaseMigrations;
import com.webhookbuffer.adapter.persistence.DatabaseSettings;
import com.webhookbuffer.adapter.persistence.WorkerRole;
import com.webhookbuffer.bootstrap.lambda.Wiring;
import com.webhookbuffer.bootstrap.pipeline.EnvironmentVariables;
import com.webhookbuffer.domain.processing.ConnectionBudget;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SAM template's {@code Custom::DatabaseSetup} resource, run by CloudFormation on every deploy: it migrates the
 * schema (Flyway, its own connection) and computes the workers' {@code MaximumConcurrency} from the connection
 * budget with the same rule the domain defines ({@link ConnectionBudget}), because CloudFormation cannot divide and
 * round down. A budget that leaves the event source less than 2 fails the deploy with the numbers that cause it.
 *
 * <p>Properties: {@code DbMaxConnections}, {@code DbReservedConnections}, {@code WorkerPoolSize},
 * {@code IngestReservedConcurrency} (checked with the worker's against the account's Lambda quota). Returns
 * {@code WorkerMaxConcurrency}, {@code WorkerConnectionsPercent} (the budget as RDS Proxy's {@code
 * MaxConnectionsPercent}) and {@code SchemaVersion} (the schema's version after migrating).
 */
public final class DatabaseSetupFunction implements RequestHandler<CloudFormationCustomResourceEvent, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseSetupFunction.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Kept back from the function's time to send the answer (a PUT with a 10 s timeout) and log. */
    static final Duration ANSWER_MARGIN = Duration.ofSeconds(15);

    private final Supplier<DatabaseSettings> database;
    private final Supplier<Optional<DatabaseLogin>> workerRole;
    private final Supplier<OptionalInt> concurrencyQuota;

    public DatabaseSetupFunction() {
        this(
                () -> DatabaseCredentials.fromEnvironment().settings(new EnvironmentVariables(System.getenv())),
                () -> workerRole(new EnvironmentVariables(System.getenv())),
                AccountConcurrency::quota);
    }

    DatabaseSetupFunction(Supplier<DatabaseSettings> database) {
        this(database, Optional::empty, OptionalInt::empty);
    }

    DatabaseSetupFunction(Supplier<DatabaseSettings> database, Supplier<Optional<DatabaseLogin>> workerRole) {
        this(database, workerRole, OptionalInt::empty);
    }

    /**
     * @param database   the owner's settings: it migrates
     * @param workerRole the worker's runtime role ({@code DB_WORKER_SECRET_ARN}), created if missing and granted
     *                   what it needs on every deploy; empty where the worker logs in as given
     */
    DatabaseSetupFunction(
            Supplier<DatabaseSettings> database,
            Supplier<Optional<DatabaseLogin>> workerRole,
            Supplier<OptionalInt> concurrencyQuota) {
        this.database = database;
        this.workerRole = workerRole;
        this.concurrencyQuota = concurrencyQuota;
    }

    static Optional<DatabaseLogin> workerRole(EnvironmentVariables env) {
        return env.optional(Wiring.DB_WORKER_SECRET_ARN)
                .map(arn ->
                        DatabaseCredentials.loginFromSecret(Wiring.DB_WORKER_SECRET_ARN, Wiring.secretText(env, arn)));
    }

    /**
     * Always answers CloudFormation, SUCCESS or FAILED, whatever happens (an {@code Error} included) and before the
     * function's own time runs out: a custom resource that never answers holds the stack for an hour.
     */
    @Override
    public Void handleRequest(CloudFormationCustomResourceEvent event, Context context) {
        String physicalId = event.getPhysicalResourceId() != null ? event.getPhysicalResourceId() : "database-setup";
        Duration left = timeToWork(context);
        CompletableFuture<Map<String, String>> work = new CompletableFuture<>();
        Thread.ofPlatform().name("database-setup").daemon().start(() -> {
            try {
                work.complete(setUp(event));
            } catch (Throwable failure) {
                work.completeExceptionally(failure);
            }
        });
        try {
            respond(event, "SUCCESS", physicalId, null, work.get(left.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            LOG.error("database setup did not finish in the {} s it had; answering FAILED", left.toSeconds());
            respond(
                    event,
                    "FAILED",
                    physicalId,
                    "the database setup did not finish within " + left.toSeconds() + " s (the function's time less "
                            + ANSWER_MARGIN.toSeconds() + " s to answer); see the log",
                    Map.of());
        } catch (ExecutionException e) {
            Throwable failure = e.getCause();
            LOG.error("database setup failed: {}", failure.toString(), failure);
            respond(
                    event,
                    "FAILED",
                    physicalId,
                    failure.getMessage() != null
                            ? failure.getMessage()
                            : failure.getClass().getName(),
                    Map.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            respond(event, "FAILED", physicalId, "the database setup was interrupted", Map.of());
        }
        return null;
    }

    /** The work of one request; what it returns is the resource's attributes. */
    private Map<String, String> setUp(CloudFormationCustomResourceEvent event) {
        if ("Delete".equals(event.getRequestType())) {
            // The schema outlives the stack's deploys; deleting the database is the database's business.
            return Map.of();
        }
        Map<String, Object> properties = event.getResourceProperties();
        ConnectionBudget budget = new ConnectionBudget(
                number(properties, "DbMaxConnections"),
                number(properties, "DbReservedConnections"),
                number(properties, "WorkerPoolSize"));
        int concurrency = EventSourceBudget.maximumConcurrency(budget);
        // Before anything changes: an account that cannot reserve what the stack asks fails the deploy with numbers.
        int ingestReserved = optionalNumber(properties, "IngestReservedConcurrency");
        concurrencyQuota.get().ifPresent(quota -> AccountConcurrency.requireRoom(quota, concurrency, ingestReserved));
        DatabaseSettings owner = database.get();
        DatabaseMigrations.Migrated migrated = DatabaseMigrations.run(owner);
        Optional<DatabaseLogin> worker = workerRole.get();
        boolean roleCreated =
                worker.map(login -> WorkerRole.ensure(owner, login)).orElse(false);
        LOG.atInfo()
                .addKeyValue("event", "database.setup")
                .addKeyValue("migrationsApplied", migrated.applied())
                .addKeyValue("schemaVersion", migrated.schemaVersion())
                .addKeyValue("workerRole", worker.map(DatabaseLogin::user).orElse("none"))
                .addKeyValue("workerRoleCreated", roleCreated)
                .addKeyValue("workerMaxConcurrency", concurrency)
                .log("database set up");
        // SchemaVersion lets the template order what depends on the schema (the worker's new version) after it.
        return Map.of(
                "WorkerMaxConcurrency",
                Integer.toString(concurrency),
                "WorkerConnectionsPercent",
                Integer.toString(EventSourceBudget.workerConnectionsPercent(budget)),
                "SchemaVersion",
                migrated.schemaVersion());
    }

    /** The function's remaining time less a margin to answer in; without a context (tests), five minutes. */
    static Duration timeToWork(Context context) {
        Duration remaining =
                context == null ? Duration.ofMinutes(5) : Duration.ofMillis(context.getRemainingTimeInMillis());
        Duration left = remaining.minus(ANSWER_MARGIN);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static int optionalNumber(Map<String, Object> properties, String name) {
        return properties != null && properties.get(name) != null ? number(properties, name) : 0;
    }

    private static int number(Map<String, Object> properties, String name) {
        Object value = properties == null ? null : properties.get(name);
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        try {
            return Integer.parseInt(value.toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was: " + value, e);
        }
    }

    /** CloudFormation waits for this PUT to the pre-signed URL; without it the stack hangs for an hour. */
    static void respond(
            CloudFormationCustomResourceEvent event,
            String status,
            String physicalId,
            String reason,
            Map<String, String> data) {
        ObjectNode body = JSON.createObjectNode()
                .put("Status", status)
                .put("Reason", reason != null ? reason : "see the function's log stream")
                .put("PhysicalResourceId", physicalId)
                .put("StackId", event.getStackId())
                .put("RequestId", event.getRequestId())
                .put("LogicalResourceId", event.getLogicalResourceId());
        ObjectNode fields = body.putObject("Data");
        data.forEach(fields::put);
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        try {
            HttpURLConnection connection = (HttpURLConnection)
                    URI.create(event.getResponseUrl()).toURL().openConnection();
            connection.setRequestMethod("PUT");
            connection.setDoOutput(true);
            // The pre-signed URL is signed for an empty content type.
            connection.setRequestProperty("Content-Type", "");
            connection.setFixedLengthStreamingMode(bytes.length);
            connection.setConnectTimeout(10_000);
            connection.setReadTimeout(10_000);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(bytes);
            }
            int code = connection.getResponseCode();
            if (code / 100 != 2) {
                throw new IOException("CloudFormation response URL answered " + code);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not answer CloudFormation", e);
        }
    }
}
