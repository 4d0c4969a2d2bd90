package com.webhookbuffer.bootstrap.lambda.worker;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.webhookbuffer.adapter.persistence.ConnectionLimit;
import com.webhookbuffer.adapter.persistence.DatabaseLogin;
import com.webhookbuffer.adapter.persistence.DatabaseMigrations;
import com.webhookbuffer.adapter.persistence.DatabaseSettings;
import com.webhookbuffer.adapter.persistence.WorkerRole;
import com.webhookbuffer.bootstrap.lambda.Wiring;
import com.webhookbuffer.bootstrap.pipeline.EnvironmentVariables;
import com.webhookbuffer.domain.processing.ConnectionBudget;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SAM template's {@code Custom::DatabaseSetup} resource, run by CloudFormation on every deploy: it migrates the
 * schema (Flyway, its own connection) and computes the workers' {@code MaximumConcurrency} from the connection
 * budget with the same rule the domain defines ({@link ConnectionBudget}), because CloudFormation cannot divide and
 * round down. The budget counts the smaller of {@code DbMaxConnections} and the server's {@code max_connections} in
 * force (a static parameter: a change waits for a reboot), and the worker's role gets the workers' share as its
 * {@code CONNECTION LIMIT}, so the database itself holds the budget. A budget that leaves the event source less than 2 fails the deploy with the numbers that cause it.
 *
 * <p>Properties: {@code DbMaxConnections}, {@code DbReservedConnections}, {@code WorkerPoolSize} (the account's
 * Lambda quota was checked against the same budget before the database existed: {@link ConcurrencyCheckFunction}).
 * Returns
 * {@code WorkerMaxConcurrency}, {@code WorkerConnectionsPercent} (the budget as RDS Proxy's {@code
 * MaxConnectionsPercent}) and {@code SchemaVersion} (the schema's version after migrating).
 */
public final class DatabaseSetupFunction implements RequestHandler<CloudFormationCustomResourceEvent, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseSetupFunction.class);

    private final Supplier<DatabaseSettings> database;
    private final Supplier<Optional<DatabaseLogin>> workerRole;

    public DatabaseSetupFunction() {
        this(
                () -> DatabaseCredentials.fromEnvironment().settings(new EnvironmentVariables(System.getenv())),
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
        return env.optional(Wiring.DB_WORKER_SECRET_ARN)
                .map(arn ->
                        DatabaseCredentials.loginFromSecret(Wiring.DB_WORKER_SECRET_ARN, Wiring.secretText(env, arn)));
    }

    /** Always answers CloudFormation, before the function's own time runs out: see {@link CustomResourceAnswer}. */
    @Override
    public Void handleRequest(CloudFormationCustomResourceEvent event, Context context) {
        CustomResourceAnswer.answer(event, context, "database-setup", "the database setup", this::setUp);
        return null;
    }

    /** The work of one request; what it returns is the resource's attributes. */
    private Map<String, String> setUp(CloudFormationCustomResourceEvent event) {
        if ("Delete".equals(event.getRequestType())) {
            // The schema outlives the stack's deploys; deleting the database is the database's business.
            return Map.of();
        }
        Map<String, Object> properties = event.getResourceProperties();
        int asked = CustomResourceAnswer.number(properties, "DbMaxConnections");
        int reserved = CustomResourceAnswer.number(properties, "DbReservedConnections");
        int poolSize = CustomResourceAnswer.number(properties, "WorkerPoolSize");
        DatabaseSettings owner = database.get();
        // max_connections is static: a changed DbMaxConnections is in the parameter group at once, but in force only
        // after a reboot. Budgeting against the parameter alone would promise connections the server refuses.
        int inForce = ConnectionLimit.inForce(owner);
        if (inForce < asked) {
            LOG.atWarn()
                    .addKeyValue("event", "database.reboot_pending")
                    .addKeyValue("dbMaxConnections", asked)
                    .addKeyValue("maxConnectionsInForce", inForce)
                    .log(
                            "max_connections in force is {}, below DbMaxConnections ({}): the budget counts {} until"
                                    + " the database is rebooted and the next deploy",
                            inForce,
                            asked,
                            inForce);
        }
        ConnectionBudget budget = new ConnectionBudget(Math.min(asked, inForce), reserved, poolSize);
        int concurrency = EventSourceBudget.maximumConcurrency(budget);
        DatabaseMigrations.Migrated migrated = DatabaseMigrations.run(owner);
        Optional<DatabaseLogin> worker = workerRole.get();
        // The workers' share, plus the one login of the single-user rotation, which logs in as the worker's role.
        int roleLimit = concurrency * poolSize + 1;
        boolean roleCreated =
                worker.map(login -> WorkerRole.ensure(owner, login, roleLimit)).orElse(false);
        LOG.atInfo()
                .addKeyValue("event", "database.setup")
                .addKeyValue("migrationsApplied", migrated.applied())
                .addKeyValue("schemaVersion", migrated.schemaVersion())
                .addKeyValue("workerRole", worker.map(DatabaseLogin::user).orElse("none"))
                .addKeyValue("workerRoleCreated", roleCreated)
                .addKeyValue("workerMaxConcurrency", concurrency)
                .addKeyValue("maxConnectionsInForce", inForce)
                .addKeyValue("workerRoleConnectionLimit", roleLimit)
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
}
