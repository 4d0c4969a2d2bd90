package com.webhookbuffer.bootstrap.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.webhookbuffer.adapter.persistence.DatabaseLogin;
import com.webhookbuffer.adapter.persistence.DatabaseMigrations;
import com.webhookbuffer.adapter.persistence.DatabaseSettings;
import com.webhookbuffer.adapter.persistence.WorkerRole;
import com.webhookbuffer.domain.processing.ConnectionBudget;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SAM template's {@code Custom::DatabaseSetup} resource, run by CloudFormation on every deploy: it migrates the
 * schema (Flyway, its own connection) and computes the workers' {@code MaximumConcurrency} from the connection
 * budget with the same rule the domain defines ({@link ConnectionBudget}), because CloudFormation cannot divide and
 * round down. A budget that leaves the event source less than 2 fails the deploy with the numbers that cause it.
 *
 * <p>Properties: {@code DbMaxConnections}, {@code DbReservedConnections}, {@code WorkerPoolSize}. Returns
 * {@code WorkerMaxConcurrency}.
 */
public final class DatabaseSetupFunction implements RequestHandler<CloudFormationCustomResourceEvent, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseSetupFunction.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<DatabaseSettings> database;
    private final Supplier<Optional<DatabaseLogin>> workerRole;

    public DatabaseSetupFunction() {
        this(() -> DatabaseCredentials.fromEnvironment().settings(new EnvironmentVariables(System.getenv())),
                () -> workerRole(new EnvironmentVariables(System.getenv())));
    }

    DatabaseSetupFunction(Supplier<DatabaseSettings> database) {
        this(database, Optional::empty);
    }

    /**
     * @param database   the owner's settings: it migrates
     * @param workerRole the worker's runtime role ({@code DB_WORKER_SECRET_ARN}), created if missing and granted
     *                   what it needs on every deploy; empty where the worker logs in as given
     */
    DatabaseSetupFunction(Supplier<DatabaseSettings> database, Supplier<Optional<DatabaseLogin>> workerRole) {
        this.database = database;
        this.workerRole = workerRole;
    }

    static Optional<DatabaseLogin> workerRole(EnvironmentVariables env) {
        return env.optional(Wiring.DB_WORKER_SECRET_ARN).map(arn -> DatabaseCredentials.loginFromSecret(
                Wiring.DB_WORKER_SECRET_ARN, Wiring.secretText(env, arn)));
    }

    @Override
    public Void handleRequest(CloudFormationCustomResourceEvent event, Context context) {
        String physicalId = event.getPhysicalResourceId() != null ? event.getPhysicalResourceId() : "database-setup";
        try {
            if ("Delete".equals(event.getRequestType())) {
                // The schema outlives the stack's deploys; deleting the database is the database's business.
                respond(event, "SUCCESS", physicalId, null, Map.of());
                return null;
            }
            Map<String, Object> properties = event.getResourceProperties();
            ConnectionBudget budget = new ConnectionBudget(number(properties, "DbMaxConnections"),
                    number(properties, "DbReservedConnections"), number(properties, "WorkerPoolSize"));
            int concurrency = budget.eventSourceMaximumConcurrency();
            DatabaseSettings owner = database.get();
            int applied = DatabaseMigrations.migrate(owner);
            Optional<DatabaseLogin> worker = workerRole.get();
            boolean roleCreated = worker.map(login -> WorkerRole.ensure(owner, login)).orElse(false);
            LOG.atInfo().addKeyValue("event", "database.setup").addKeyValue("migrationsApplied", applied)
                    .addKeyValue("workerRole", worker.map(DatabaseLogin::user).orElse("none"))
                    .addKeyValue("workerRoleCreated", roleCreated)
                    .addKeyValue("workerMaxConcurrency", concurrency).log("database set up");
            respond(event, "SUCCESS", physicalId, null, Map.of("WorkerMaxConcurrency", Integer.toString(concurrency)));
        } catch (RuntimeException e) {
            LOG.error("database setup failed: {}", e.getMessage(), e);
            respond(event, "FAILED", physicalId, e.getMessage(), Map.of());
        }
        return null;
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
    static void respond(CloudFormationCustomResourceEvent event, String status, String physicalId, String reason,
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
            HttpURLConnection connection = (HttpURLConnection) URI.create(event.getResponseUrl()).toURL().openConnection();
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
