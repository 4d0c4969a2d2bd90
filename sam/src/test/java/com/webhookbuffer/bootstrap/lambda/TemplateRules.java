package com.webhookbuffer.bootstrap.lambda;

import com.webhookbuffer.application.ingest.IngestSettings;
import com.webhookbuffer.bootstrap.lambda.worker.EventSourceBudget;
import com.webhookbuffer.bootstrap.pipeline.Settings;
import com.webhookbuffer.domain.processing.ConnectionBudget;
import com.webhookbuffer.domain.processing.RetryBackoff;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The AWS rules the template must keep, each a check that names what it found wrong. The contract test runs them
 * on the real template (no violation) and on broken copies (each caught).
 */
final class TemplateRules {

    /** Which event type each function's handler must take, by the template's logical id. */
    static final Map<String, String> EVENT_TYPES = Map.of(
            "IngestFunction",
            "com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent",
            "WorkerFunction",
            "com.amazonaws.services.lambda.runtime.events.SQSEvent",
            "DatabaseSetupFunction",
            "com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent",
            "ConcurrencyCheckFunction",
            "com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent");

    /**
     * Variables the functions read that the template does not set, and why: on AWS the database credentials come
     * from the secret, Lambda sets AWS_REGION itself, the SQS and Secrets Manager endpoints are only overridden for
     * local stand-ins (ElasticMQ, the tests' Secrets Manager), and the webhook signing secrets are read from Secrets
     * Manager (WEBHOOK_SECRETS_ARN), never put in the function's environment.
     */
    static final Set<String> NOT_SET_ON_AWS = Set.of(
            Settings.DB_USER,
            Settings.DB_PASSWORD,
            Wiring.AWS_ENDPOINT_URL_SQS,
            Wiring.AWS_ENDPOINT_URL_SECRETS_MANAGER,
            Wiring.AWS_REGION,
            Settings.WEBHOOK_SECRETS);

    /** The retentions CloudWatch Logs accepts, in days. */
    static final List<Integer> LOG_RETENTION_DAYS = List.of(
            1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    /** The master (owner) secret the setup migrates with: the cluster's, or the existing database's. */
    static final Object OWNER_SECRET = Map.of(
            "Fn::If",
            List.of(
                    "CreatingDatabase",
                    Map.of("Fn::GetAtt", List.of("DatabaseCluster", "MasterUserSecret.SecretArn")),
                    Map.of("Ref", "ExistingDbSecretArn")));

    /** The worker's runtime role's secret: created (and rotated) here, or the existing database's. */
    static final Object WORKER_SECRET = Map.of(
            "Fn::If",
            List.of(
                    "CreatingDatabase",
                    Map.of("Ref", "DatabaseWorkerSecret"),
                    Map.of("Ref", "ExistingWorkerSecretArn")));

    private final Map<String, Object> template;
    private final Path templateDirectory;
    private final List<String> violations = new ArrayList<>();

    private TemplateRules(Map<String, Object> template, Path templateDirectory) {
        this.template = template;
        this.templateDirectory = templateDirectory;
    }

    static List<String> check(Map<String, Object> template, Path templateDirectory) {
        TemplateRules rules = new TemplateRules(template, templateDirectory);
        rules.visibilityTimeoutOutlastsSixWorkerTimeouts();
        rules.workersStayWithinTheConnectionBudget();
        rules.workerReportsBatchItemFailures();
        rules.deadLetterQueueIsWiredWithMaxReceiveCount();
        rules.snapStartIsOnForEveryFunction();
        rules.samBuildSkipsTheBuiltJars();
        rules.noPolicyGrantsAWildcardAction();
        rules.handlersExistInTheirJarsAndTakeTheirEvents();
        rules.environmentVariablesMatchWhatTheWiringReads();
        rules.ingressIsThrottled();
        rules.workerReservesItsMaximumConcurrency();
        rules.queuesAreEncryptedAndTlsOnly();
        rules.deadLettersOutliveTheirQueue();
        rules.onlyTheOrdersQueueUsesTheDeadLetterQueue();
        rules.queuesHoldTheLargestAcceptedBody();
        rules.defaultsWaitOutAFifteenMinuteOutage();
        rules.databaseIsProtected();
        rules.everyFunctionLogsToAGroupWithRetention();
        rules.alarmsWatchTheFiveSignals();
        rules.webhookSecretsLiveInSecretsManager();
        rules.workerLogsInAsItsOwnRotatedRole();
        rules.databaseConnectionsVerifyTls();
        rules.setupAnswersThroughItsNetwork();
        rules.versionsFollowTheirParameters();
        rules.workerCodeFollowsTheMigrations();
        rules.databaseEnforcesTheConnectionBudget();
        rules.engineVersionIsAParameter();
        rules.proxyIsReachable();
        rules.alarmsNotifyTheTopic();
        rules.setupChecksTheAccountsConcurrencyQuota();
        rules.proxyKeepsWithinTheBudget();
        return rules.violations;
    }

    private void visibilityTimeoutOutlastsSixWorkerTimeouts() {
        Map<String, Object> mapping = map(map(template.get("Mappings")).get("VisibilityByWorkerTimeout"));
        List<?> allowed = list(map(parameters().get("WorkerTimeoutSeconds")).get("AllowedValues"));
        for (Object timeout : allowed) {
            Object row = mapping.get(timeout.toString());
            if (row == null) {
                violations.add("WorkerTimeoutSeconds " + timeout + " has no visibility timeout in the mapping");
                continue;
            }
            int visibility = Integer.parseInt(map(row).get("VisibilityTimeout").toString());
            if (visibility < 6 * Integer.parseInt(timeout.toString())) {
                violations.add("visibility timeout " + visibility + " is less than 6 x worker timeout " + timeout);
            }
        }
        Object queueVisibility = properties("OrdersQueue").get("VisibilityTimeout");
        if (!List.of("VisibilityByWorkerTimeout", Map.of("Ref", "WorkerTimeoutSeconds"), "VisibilityTimeout")
                .equals(map(queueVisibility).get("Fn::FindInMap"))) {
            violations.add("OrdersQueue.VisibilityTimeout is not taken from the mapping by WorkerTimeoutSeconds");
        }
        if (!Map.of("Ref", "WorkerTimeoutSeconds")
                .equals(properties("WorkerFunction").get("Timeout"))) {
            violations.add("WorkerFunction.Timeout is not WorkerTimeoutSeconds");
        }
    }

    private void workersStayWithinTheConnectionBudget() {
        Map<String, Object> sqs = workerSqsEvent();
        Object concurrency = sqs == null ? null : map(sqs.get("ScalingConfig")).get("MaximumConcurrency");
        if (!Map.of("Fn::GetAtt", List.of("DatabaseSetup", "WorkerMaxConcurrency"))
                .equals(concurrency)) {
            violations.add("ScalingConfig.MaximumConcurrency is not the connection budget's (DatabaseSetup)");
        }
        Map<String, Object> setup = properties("DatabaseSetup");
        for (String parameter : List.of("DbMaxConnections", "DbReservedConnections", "WorkerPoolSize")) {
            if (!Map.of("Ref", parameter).equals(setup.get(parameter))) {
                violations.add("DatabaseSetup." + parameter + " is not the " + parameter + " parameter");
            }
        }
        if (!Map.of("Ref", "WorkerPoolSize")
                .equals(environment("WorkerFunction").get(Settings.DB_POOL_SIZE))) {
            violations.add("the worker's DB_POOL_SIZE is not WorkerPoolSize, so the budget counts another pool");
        }
        if (!"com.webhookbuffer.bootstrap.lambda.worker.DatabaseSetupFunction::handleRequest"
                .equals(properties("DatabaseSetupFunction").get("Handler"))) {
            violations.add("DatabaseSetup is not computed by DatabaseSetupFunction");
        }
        int max = defaultOf("DbMaxConnections");
        int reserved = defaultOf("DbReservedConnections");
        int pool = defaultOf("WorkerPoolSize");
        int workers = EventSourceBudget.maximumConcurrency(new ConnectionBudget(max, reserved, pool));
        if (workers * pool > max - reserved) {
            violations.add(
                    "with the defaults, " + workers + " workers x " + pool + " connections exceed " + (max - reserved));
        }
    }

    private void workerReportsBatchItemFailures() {
        Map<String, Object> sqs = workerSqsEvent();
        if (sqs == null || !list(sqs.get("FunctionResponseTypes")).contains("ReportBatchItemFailures")) {
            violations.add("the worker's SQS event does not have FunctionResponseTypes: [ReportBatchItemFailures]");
        }
    }

    private void deadLetterQueueIsWiredWithMaxReceiveCount() {
        Map<String, Object> redrive = map(properties("OrdersQueue").get("RedrivePolicy"));
        if (!Map.of("Fn::GetAtt", List.of("OrdersDeadLetterQueue", "Arn")).equals(redrive.get("deadLetterTargetArn"))
                || !Map.of("Ref", "MaxReceiveCount").equals(redrive.get("maxReceiveCount"))) {
            violations.add("OrdersQueue's RedrivePolicy is not OrdersDeadLetterQueue after MaxReceiveCount receives");
        }
        if (!Integer.valueOf(1209600).equals(properties("OrdersDeadLetterQueue").get("MessageRetentionPeriod"))) {
            violations.add("OrdersDeadLetterQueue does not keep messages 14 days");
        }
    }

    /**
     * SnapStart on the functions that serve traffic; off on those CloudFormation calls once per deploy (the targets of
     * custom resources), where a snapshot saves nothing and a version idle for 14 days would be refused.
     */
    private void snapStartIsOnForEveryFunction() {
        Map<String, Object> globals = map(map(map(template.get("Globals")).get("Function")));
        List<String> deployTime = deployTimeFunctions();
        for (String function : functions()) {
            Map<String, Object> properties = properties(function);
            Object snapStart = properties.getOrDefault("SnapStart", globals.get("SnapStart"));
            Object alias = properties.getOrDefault("AutoPublishAlias", globals.get("AutoPublishAlias"));
            if (deployTime.contains(function)) {
                if (!"None".equals(map(snapStart).get("ApplyOn"))) {
                    violations.add(function + " runs once per deploy but has SnapStart on");
                }
            } else if (!"PublishedVersions".equals(map(snapStart).get("ApplyOn")) || alias == null) {
                violations.add(function + " has no SnapStart on published versions (with AutoPublishAlias)");
            }
        }
    }

    /** The functions a custom resource invokes: {@code ServiceToken: !Ref <Function>.Alias}. */
    private List<String> deployTimeFunctions() {
        List<String> deployTime = new ArrayList<>();
        for (Object resource : resources().values()) {
            if (String.valueOf(map(resource).get("Type")).startsWith("Custom::")) {
                Object token = map(map(resource).get("Properties")).get("ServiceToken");
                String ref = String.valueOf(map(token).get("Ref"));
                deployTime.add(ref.endsWith(".Alias") ? ref.substring(0, ref.length() - ".Alias".length()) : ref);
            }
        }
        return deployTime;
    }

    /**
     * {@code sam build} skips a function whose {@code CodeUri} is not a folder only when it is marked
     * {@code SkipBuild} (SAM CLI's {@code _is_function_buildable}); a jar would be taken for a source folder.
     */
    private void samBuildSkipsTheBuiltJars() {
        for (String function : functions()) {
            Object codeUri = properties(function).get("CodeUri");
            Object skip = map(map(resources().get(function)).get("Metadata")).get("SkipBuild");
            if (String.valueOf(codeUri).endsWith(".jar") && !Boolean.TRUE.equals(skip)) {
                violations.add(function + "'s CodeUri is a built jar but it is not marked Metadata.SkipBuild: "
                        + "sam build would fail");
            }
        }
    }

    /** Only what a policy allows counts: a Deny with sqs:* (the queues' TLS-only policies) takes away. */
    private void noPolicyGrantsAWildcardAction() {
        walk(
                template,
                (path, key, value) -> {
                    if (!key.equals("Statement")) {
                        return;
                    }
                    List<?> statements = value instanceof List<?> list ? list : List.of(value);
                    for (int i = 0; i < statements.size(); i++) {
                        Map<String, Object> statement = map(statements.get(i));
                        if ("Deny".equals(statement.get("Effect"))) {
                            continue;
                        }
                        for (String field : List.of("Action", "NotAction")) {
                            for (Object action : items(statement.get(field))) {
                                if (action.toString().contains("*")) {
                                    violations.add("wildcard action " + action + " at " + path + "/Statement"
                                            + (value instanceof List<?> ? "[" + i + "]" : ""));
                                }
                            }
                        }
                    }
                },
                "");
    }

    private void handlersExistInTheirJarsAndTakeTheirEvents() {
        for (String function : functions()) {
            Map<String, Object> properties = properties(function);
            Path jar = templateDirectory
                    .resolve(properties.get("CodeUri").toString())
                    .normalize();
            if (!Files.exists(jar)) {
                violations.add(function + ".CodeUri " + jar + " does not exist (./mvnw package builds it)");
                continue;
            }
            String className = properties.get("Handler").toString().split("::")[0];
            try (URLClassLoader loader =
                    new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
                Class<?> handler = loader.loadClass(className);
                String eventType = requestHandlerEventType(handler);
                if (!String.valueOf(EVENT_TYPES.get(function)).equals(eventType)) {
                    violations.add(function + " handler " + className + " takes " + eventType + ", not "
                            + EVENT_TYPES.get(function));
                }
            } catch (ClassNotFoundException e) {
                violations.add(function + " handler " + className + " is not in " + jar.getFileName());
            } catch (IOException e) {
                violations.add(function + " jar " + jar + " cannot be read: " + e.getMessage());
            }
        }
    }

    private static String requestHandlerEventType(Class<?> handler) {
        for (Type type : handler.getGenericInterfaces()) {
            if (type instanceof ParameterizedType parameterized
                    && parameterized
                            .getRawType()
                            .getTypeName()
                            .equals("com.amazonaws.services.lambda.runtime.RequestHandler")) {
                return parameterized.getActualTypeArguments()[0].getTypeName();
            }
        }
        return "no RequestHandler";
    }

    private void environmentVariablesMatchWhatTheWiringReads() {
        Set<String> set = new TreeSet<>();
        for (String function : functions()) {
            set.addAll(environment(function).keySet());
        }
        for (String variable : set) {
            if (!Wiring.VARIABLES.contains(variable)) {
                violations.add("the template sets " + variable + ", which no function reads");
            }
        }
        for (String variable : Wiring.VARIABLES) {
            if (!set.contains(variable) && !NOT_SET_ON_AWS.contains(variable)) {
                violations.add("the functions read " + variable + ", which the template never sets");
            }
        }
    }

    private void ingressIsThrottled() {
        Map<String, Object> route = map(properties("WebhookApi").get("DefaultRouteSettings"));
        if (!Map.of("Ref", "ApiRateLimit").equals(route.get("ThrottlingRateLimit"))
                || !Map.of("Ref", "ApiBurstLimit").equals(route.get("ThrottlingBurstLimit"))) {
            violations.add("WebhookApi's stage is not throttled by ApiRateLimit and ApiBurstLimit");
        }
        if (!Map.of("Fn::GetAtt", List.of("ConcurrencyCheck", "IngestReservedConcurrency"))
                        .equals(properties("IngestFunction").get("ReservedConcurrentExecutions"))
                || !Map.of("Ref", "IngestReservedConcurrency")
                        .equals(properties("ConcurrencyCheck").get("IngestReservedConcurrency"))) {
            violations.add("IngestFunction's reserved concurrency is not IngestReservedConcurrency as "
                    + "ConcurrencyCheck answered it");
        }
    }

    /** AWS refuses a reserved concurrency below the event source's MaximumConcurrency; it is that, from one source. */
    private void workerReservesItsMaximumConcurrency() {
        Map<String, Object> sqs = workerSqsEvent();
        Object maximum = sqs == null ? null : map(sqs.get("ScalingConfig")).get("MaximumConcurrency");
        Object reserved = properties("WorkerFunction").get("ReservedConcurrentExecutions");
        if (maximum == null || !maximum.equals(reserved)) {
            violations.add("WorkerFunction's reserved concurrency is not its event source's MaximumConcurrency");
        }
    }

    private void queuesAreEncryptedAndTlsOnly() {
        for (String queue : List.of("OrdersQueue", "OrdersDeadLetterQueue")) {
            Map<String, Object> properties = properties(queue);
            if (!Boolean.TRUE.equals(properties.get("SqsManagedSseEnabled"))
                    && properties.get("KmsMasterKeyId") == null) {
                violations.add(queue + " is not encrypted at rest (SqsManagedSseEnabled or KmsMasterKeyId)");
            }
            boolean tlsOnly = resourcesOfType("AWS::SQS::QueuePolicy").stream()
                    .map(policy -> properties(policy))
                    .filter(policy -> list(policy.get("Queues")).contains(Map.of("Ref", queue)))
                    .flatMap(policy -> items(map(policy.get("PolicyDocument")).get("Statement")).stream())
                    .map(TemplateRules::map)
                    .anyMatch(statement -> deniesWithoutTls(statement, queue));
            if (!tlsOnly) {
                violations.add(queue + " has no policy denying sqs:* without TLS (aws:SecureTransport false)");
            }
        }
    }

    private static boolean deniesWithoutTls(Map<String, Object> statement, String queue) {
        Object principal = statement.get("Principal");
        Object secureTransport =
                map(map(statement.get("Condition")).get("Bool")).get("aws:SecureTransport");
        return "Deny".equals(statement.get("Effect"))
                && ("*".equals(principal) || Map.of("AWS", "*").equals(principal))
                && items(statement.get("Action")).contains("sqs:*")
                && items(statement.get("Resource")).contains(Map.of("Fn::GetAtt", List.of(queue, "Arn")))
                && ("false".equals(secureTransport) || Boolean.FALSE.equals(secureTransport));
    }

    /**
     * A message the redrive policy moves to the DLQ keeps its original enqueue time, and the DLQ's retention counts
     * from it: a DLQ that keeps messages no longer than the queue would drop a message that used its days retrying
     * as soon as it arrives. The difference is the least time left to look at a dead letter and redrive it.
     */
    private void deadLettersOutliveTheirQueue() {
        Object queue = properties("OrdersQueue").get("MessageRetentionPeriod");
        Object deadLetters = properties("OrdersDeadLetterQueue").get("MessageRetentionPeriod");
        if (!(queue instanceof Integer q) || !(deadLetters instanceof Integer d) || d <= q) {
            violations.add("OrdersDeadLetterQueue keeps messages " + deadLetters + " s, not longer than OrdersQueue's "
                    + queue + " s (a dead letter keeps its enqueue time)");
        }
    }

    /** The DLQ takes dead letters from the orders queue alone, named as the orders queue is named. */
    private void onlyTheOrdersQueueUsesTheDeadLetterQueue() {
        Map<String, Object> allow = map(properties("OrdersDeadLetterQueue").get("RedriveAllowPolicy"));
        Object ordersName = properties("OrdersQueue").get("QueueName");
        String expectedArn = "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:"
                + String.valueOf(map(ordersName).get("Fn::Sub"));
        if (!"byQueue".equals(allow.get("redrivePermission"))
                || !List.of(Map.of("Fn::Sub", expectedArn)).equals(allow.get("sourceQueueArns"))) {
            violations.add("OrdersDeadLetterQueue's RedriveAllowPolicy does not allow the orders queue alone");
        }
    }

    /**
     * A body the door accepts must fit the queue with its attributes, in the orders queue and in the DLQ (where a
     * dead letter also carries its reason): otherwise it is answered 503 for good, and the sender retries in vain.
     */
    private void queuesHoldTheLargestAcceptedBody() {
        for (String queue : List.of("OrdersQueue", "OrdersDeadLetterQueue")) {
            if (!Integer.valueOf(SQS_LARGEST_MESSAGE).equals(properties(queue).get("MaximumMessageSize"))) {
                violations.add(queue + " does not hold messages of 1 MiB (MaximumMessageSize 1048576)");
            }
        }
        Map<String, Object> maxBody = map(parameters().get("MaxBodyBytes"));
        if (!(maxBody.get("MaxValue") instanceof Integer most) || most > IngestSettings.MAX_BODY_BYTES_LIMIT) {
            violations.add("MaxBodyBytes may exceed " + IngestSettings.MAX_BODY_BYTES_LIMIT
                    + ", leaving no room in a 1 MiB message for the attributes");
        }
    }

    /**
     * With the defaults, an outage of the database shorter than 15 minutes (a reboot, a minor upgrade, a failover)
     * sends nothing to the DLQ: the worker gets the outage backoff, and its delays over MaxReceiveCount receives
     * add up to at least that.
     */
    private void defaultsWaitOutAFifteenMinuteOutage() {
        Map<String, Object> variables = environment("WorkerFunction");
        if (!Map.of("Ref", "OutageBackoffBaseSeconds").equals(variables.get(Settings.OUTAGE_BACKOFF_BASE_SECONDS))
                || !Map.of("Ref", "OutageBackoffCapSeconds")
                        .equals(variables.get(Settings.OUTAGE_BACKOFF_CAP_SECONDS))) {
            violations.add("the worker's outage backoff is not OutageBackoffBaseSeconds-OutageBackoffCapSeconds");
            return;
        }
        RetryBackoff outage = new RetryBackoff(
                Duration.ofSeconds(defaultOf("OutageBackoffBaseSeconds")),
                Duration.ofSeconds(defaultOf("OutageBackoffCapSeconds")));
        Duration covered = outage.shortestTotal(defaultOf("MaxReceiveCount"));
        if (covered.compareTo(Duration.ofMinutes(15)) < 0) {
            violations.add("with the defaults, an outage of " + covered.toSeconds() + " s can send messages to the "
                    + "DLQ: less than 15 minutes");
        }
    }

    /** The largest SQS message, body and attributes together. */
    static final int SQS_LARGEST_MESSAGE = 1_048_576;

    private void databaseIsProtected() {
        Map<String, Object> cluster = properties("DatabaseCluster");
        if (!Boolean.TRUE.equals(cluster.get("StorageEncrypted"))) {
            violations.add("DatabaseCluster's storage is not encrypted");
        }
        if (!Map.of("Ref", "DatabaseDeletionProtection").equals(cluster.get("DeletionProtection"))
                || !"true"
                        .equals(String.valueOf(map(parameters().get("DatabaseDeletionProtection"))
                                .get("Default")))) {
            violations.add("DatabaseCluster's DeletionProtection is not DatabaseDeletionProtection, on by default");
        }
        Map<String, Object> backups = map(parameters().get("DatabaseBackupRetentionDays"));
        if (!Map.of("Ref", "DatabaseBackupRetentionDays").equals(cluster.get("BackupRetentionPeriod"))
                || !(backups.get("MinValue") instanceof Integer min)
                || min < 7
                || !(backups.get("Default") instanceof Integer days)
                || days < min) {
            violations.add("DatabaseCluster's BackupRetentionPeriod is not DatabaseBackupRetentionDays, at least 7");
        }
        if (!Boolean.FALSE.equals(properties("DatabaseInstance").get("PubliclyAccessible"))) {
            violations.add("DatabaseInstance is not PubliclyAccessible: false");
        }
    }

    /**
     * Each function writes to /aws/lambda/its-name unless LoggingConfig.LogGroup says otherwise; that group is the
     * template's, with a retention, and goes with the stack.
     */
    private void everyFunctionLogsToAGroupWithRetention() {
        Map<String, Object> globals = map(map(map(template.get("Globals")).get("Function")));
        for (String function : functions()) {
            Object config = properties(function).getOrDefault("LoggingConfig", globals.get("LoggingConfig"));
            if (map(config).get("LogGroup") != null) {
                violations.add(function + " sets LoggingConfig.LogGroup, so it does not log to /aws/lambda/${"
                        + function + "}");
            }
            Object name = Map.of("Fn::Sub", "/aws/lambda/${" + function + "}");
            boolean kept = resourcesOfType("AWS::Logs::LogGroup").stream()
                    .filter(group -> name.equals(properties(group).get("LogGroupName")))
                    .anyMatch(group -> Map.of("Ref", "LogRetentionDays")
                                    .equals(properties(group).get("RetentionInDays"))
                            && "Delete".equals(map(resources().get(group)).getOrDefault("DeletionPolicy", "Delete")));
            if (!kept) {
                violations.add(function + " has no log group /aws/lambda/${" + function
                        + "} kept LogRetentionDays and deleted with the stack");
            }
        }
        Map<String, Object> retention = map(parameters().get("LogRetentionDays"));
        List<?> allowed = list(retention.get("AllowedValues"));
        for (Object days : allowed) {
            if (!LOG_RETENTION_DAYS.contains(days)) {
                violations.add("LogRetentionDays allows " + days + ", which CloudWatch Logs does not accept");
            }
        }
        if (allowed.isEmpty() || !allowed.contains(retention.get("Default"))) {
            violations.add("LogRetentionDays does not list the retentions allowed, its default among them");
        }
    }

    private void alarmsWatchTheFiveSignals() {
        alarmOn(
                "AWS/SQS",
                "ApproximateNumberOfMessagesVisible",
                Map.of("QueueName", Map.of("Fn::GetAtt", List.of("OrdersDeadLetterQueue", "QueueName"))),
                "messages in the DLQ");
        alarmOn(
                "AWS/SQS",
                "ApproximateAgeOfOldestMessage",
                Map.of("QueueName", Map.of("Fn::GetAtt", List.of("OrdersQueue", "QueueName"))),
                "the age of the oldest message in OrdersQueue");
        alarmOn(
                "AWS/Lambda",
                "Errors",
                Map.of("FunctionName", Map.of("Ref", "WorkerFunction")),
                "WorkerFunction's errors");
        alarmOn(
                "AWS/Lambda",
                "Errors",
                Map.of("FunctionName", Map.of("Ref", "IngestFunction")),
                "IngestFunction's errors");
        alarmOn(
                "AWS/ApiGateway",
                "5xx",
                Map.of("ApiId", Map.of("Ref", "WebhookApi"), "Stage", Map.of("Ref", "Stage")),
                "WebhookApi's 5xx answers");
    }

    private void alarmOn(String namespace, String metric, Map<String, Object> dimensions, String what) {
        boolean found = resourcesOfType("AWS::CloudWatch::Alarm").stream()
                .map(this::properties)
                .anyMatch(alarm -> {
                    Map<String, Object> actual = new HashMap<>();
                    for (Object dimension : list(alarm.get("Dimensions"))) {
                        actual.put(
                                String.valueOf(map(dimension).get("Name")),
                                map(dimension).get("Value"));
                    }
                    return namespace.equals(alarm.get("Namespace"))
                            && metric.equals(String.valueOf(alarm.get("MetricName")))
                            && dimensions.equals(actual);
                });
        if (!found) {
            violations.add("no alarm on " + what + " (" + namespace + " " + metric + ")");
        }
    }

    private void webhookSecretsLiveInSecretsManager() {
        // The default source's keys and the named sources' keys: each a NoEcho parameter that only seeds its secret.
        secretLivesInSecretsManager("WebhookSecrets", "WebhookSigningSecret", Wiring.WEBHOOK_SECRETS_ARN);
        secretLivesInSecretsManager("SourceSecrets", "SourceSigningSecrets", Wiring.SOURCE_SECRETS_ARN);
        for (String function : functions()) {
            if (environment(function).containsKey(Settings.WEBHOOK_SECRETS)) {
                violations.add(function + " sets WEBHOOK_SECRETS: the signing secrets belong in Secrets Manager");
            }
        }
        if (!List.of(Map.of("Ref", "WebhookSigningSecret"), Map.of("Ref", "SourceSigningSecrets"))
                .equals(granted("IngestFunction", "secretsmanager:GetSecretValue"))) {
            violations.add("IngestFunction's secretsmanager:GetSecretValue is not on exactly WebhookSigningSecret"
                    + " and SourceSigningSecrets");
        }
    }

    private void secretLivesInSecretsManager(String parameter, String secretResource, String variable) {
        Object noEcho = map(parameters().get(parameter)).get("NoEcho");
        if (!Boolean.TRUE.equals(noEcho) && !"true".equals(noEcho)) {
            violations.add("the " + parameter + " parameter is not NoEcho");
        }
        Map<String, Object> secret = map(resources().get(secretResource));
        if (!"AWS::SecretsManager::Secret".equals(secret.get("Type"))
                || !Map.of("Ref", parameter)
                        .equals(map(secret.get("Properties")).get("SecretString"))) {
            violations.add(secretResource + " is not a Secrets Manager secret holding " + parameter);
        }
        walk(
                resources(),
                (path, key, value) -> {
                    boolean used = Map.of("Ref", parameter).equals(value)
                            || value instanceof String text && text.contains("${" + parameter + "}");
                    if (used && !(path + "/" + key).equals("/" + secretResource + "/Properties/SecretString")) {
                        violations.add(parameter + " is used at " + path + "/" + key + ", outside " + secretResource);
                    }
                },
                "");
        if (!Map.of("Ref", secretResource).equals(environment("IngestFunction").get(variable))) {
            violations.add("IngestFunction's " + variable + " is not " + secretResource);
        }
    }

    private void workerLogsInAsItsOwnRotatedRole() {
        Map<String, Object> secret = map(resources().get("DatabaseWorkerSecret"));
        Map<String, Object> generate = map(map(secret.get("Properties")).get("GenerateSecretString"));
        if (!"AWS::SecretsManager::Secret".equals(secret.get("Type"))
                || !"CreatingDatabase".equals(secret.get("Condition"))
                || !String.valueOf(generate.get("SecretStringTemplate")).contains("\"username\"")
                || !"password".equals(generate.get("GenerateStringKey"))
                || !(generate.get("PasswordLength") instanceof Integer length)
                || length < 32) {
            violations.add("DatabaseWorkerSecret does not generate the worker's password (a username, "
                    + "GenerateStringKey password, at least 32 characters, when CreatingDatabase)");
        }
        List<String> attachments = resourcesOfType("AWS::SecretsManager::SecretTargetAttachment").stream()
                .filter(a -> Map.of("Ref", "DatabaseWorkerSecret")
                                .equals(properties(a).get("SecretId"))
                        && Map.of("Ref", "DatabaseCluster").equals(properties(a).get("TargetId")))
                .toList();
        if (attachments.isEmpty()) {
            violations.add("DatabaseWorkerSecret is not attached to DatabaseCluster (host, port, dbname)");
        }
        boolean rotated = items(template.get("Transform")).stream()
                        .anyMatch(transform -> String.valueOf(transform).startsWith("AWS::SecretsManager-"))
                && resourcesOfType("AWS::SecretsManager::RotationSchedule").stream()
                        .map(this::properties)
                        .anyMatch(rotation -> rotatesTheWorkerSecret(rotation, attachments));
        if (!rotated) {
            violations.add("DatabaseWorkerSecret is not rotated (hosted PostgreSQLSingleUser, at least every 30 days, "
                    + "with the AWS::SecretsManager transform)");
        }
        if (!WORKER_SECRET.equals(environment("WorkerFunction").get(Wiring.DB_SECRET_ARN))) {
            violations.add("WorkerFunction's DB_SECRET_ARN is not its own role's secret");
        }
        if (!List.of(WORKER_SECRET).equals(granted("WorkerFunction", "secretsmanager:GetSecretValue"))) {
            violations.add("WorkerFunction's secretsmanager:GetSecretValue is not on exactly its own role's secret");
        }
        Map<String, Object> setup = environment("DatabaseSetupFunction");
        if (!OWNER_SECRET.equals(setup.get(Wiring.DB_SECRET_ARN))
                || !WORKER_SECRET.equals(setup.get(Wiring.DB_WORKER_SECRET_ARN))) {
            violations.add("DatabaseSetupFunction's DB_SECRET_ARN is not the owner's secret or its "
                    + "DB_WORKER_SECRET_ARN not the worker's");
        }
        if (!Set.of(OWNER_SECRET, WORKER_SECRET)
                .equals(Set.copyOf(granted("DatabaseSetupFunction", "secretsmanager:GetSecretValue")))) {
            violations.add("DatabaseSetupFunction's secretsmanager:GetSecretValue is not on exactly the owner's "
                    + "and the worker's secrets");
        }
        if (resources().containsKey("DatabaseProxy")
                && list(properties("DatabaseProxy").get("Auth")).stream()
                        .noneMatch(auth -> Map.of("Ref", "DatabaseWorkerSecret")
                                .equals(map(auth).get("SecretArn")))) {
            violations.add("DatabaseProxy does not know DatabaseWorkerSecret, so the workers cannot log in through it");
        }
    }

    private boolean rotatesTheWorkerSecret(Map<String, Object> rotation, List<String> attachments) {
        Object secretId = rotation.get("SecretId");
        boolean theWorkers = Map.of("Ref", "DatabaseWorkerSecret").equals(secretId)
                || attachments.stream().anyMatch(a -> Map.of("Ref", a).equals(secretId));
        Map<String, Object> hosted = map(rotation.get("HostedRotationLambda"));
        Map<String, Object> rules = map(rotation.get("RotationRules"));
        Integer days = rules.get("AutomaticallyAfterDays") instanceof Integer after
                ? after
                : String.valueOf(rules.get("ScheduleExpression")).matches("rate\\(\\d+ days?\\)")
                        ? Integer.valueOf(
                                String.valueOf(rules.get("ScheduleExpression")).replaceAll("\\D", ""))
                        : null;
        return theWorkers
                && "PostgreSQLSingleUser".equals(hosted.get("RotationType"))
                && reachesTheDatabase(hosted.get("VpcSecurityGroupIds"))
                && days != null
                && days <= 30;
    }

    /** The rotation Lambda logs into the database and calls Secrets Manager through its endpoint. */
    private boolean reachesTheDatabase(Object securityGroup) {
        if (!(map(securityGroup).get("Ref") instanceof String group)) {
            return false;
        }
        return List.of("DatabaseSecurityGroup", "EndpointSecurityGroup").stream()
                .allMatch(target -> list(properties(target).get("SecurityGroupIngress")).stream()
                        .anyMatch(rule -> Map.of("Ref", group).equals(map(rule).get("SourceSecurityGroupId"))));
    }

    private void databaseConnectionsVerifyTls() {
        for (String function : List.of("WorkerFunction", "DatabaseSetupFunction")) {
            if (!"verify-full".equals(environment(function).get(Wiring.DB_SSL_MODE))) {
                violations.add(function + "'s DB_SSL_MODE is not verify-full");
            }
        }
        if (resources().containsKey("DatabaseProxy")
                && !Boolean.TRUE.equals(properties("DatabaseProxy").get("RequireTLS"))) {
            violations.add("DatabaseProxy does not require TLS");
        }
    }

    /**
     * On delete, nothing else depends on the S3 gateway endpoint, the Secrets Manager endpoint or the route table
     * associations, so CloudFormation may remove them before DatabaseSetup; the setup's Delete then cannot put its
     * answer to the pre-signed S3 URL, and the stack waits ServiceTimeout for it, then fails. DatabaseSetup refers
     * to them in a property (DependsOn cannot be conditional), and CloudFormation waits no longer than the setup's
     * Timeout and Lambda's one retry.
     */
    private void setupAnswersThroughItsNetwork() {
        Set<String> referenced = referencedResources(properties("DatabaseSetup"));
        List<String> needed = new ArrayList<>(resourcesOfType("AWS::EC2::SubnetRouteTableAssociation"));
        for (String endpoint : resourcesOfType("AWS::EC2::VPCEndpoint")) {
            Map<String, Object> properties = properties(endpoint);
            if ("Gateway".equals(properties.get("VpcEndpointType"))
                    || String.valueOf(properties.get("ServiceName")).contains("secretsmanager")) {
                needed.add(endpoint);
            }
        }
        if (needed.stream()
                .noneMatch(n ->
                        "AWS::EC2::VPCEndpoint".equals(map(resources().get(n)).get("Type"))
                                && "Gateway".equals(properties(n).get("VpcEndpointType")))) {
            violations.add(
                    "no S3 gateway endpoint, so the setup cannot answer CloudFormation from the private subnets");
        }
        for (String resource : needed) {
            if (!referenced.contains(resource)) {
                violations.add("DatabaseSetup does not refer to " + resource
                        + ", so a stack deletion may remove it before the setup answers");
            }
        }
        Object serviceTimeout = properties("DatabaseSetup").get("ServiceTimeout");
        Object timeout = properties("DatabaseSetupFunction").get("Timeout");
        if (!(serviceTimeout instanceof Integer waited)
                || !(timeout instanceof Integer runs)
                || waited <= runs
                || waited > 2 * runs) {
            violations.add("DatabaseSetup's ServiceTimeout " + serviceTimeout + " is not above the setup function's "
                    + "Timeout " + timeout + " and at most twice it (one Lambda retry)");
        }
    }

    /** Function properties a published version does not hold: they apply to every version, without a new one. */
    static final Set<String> NOT_IN_A_VERSION = Set.of(
            "Events",
            "ReservedConcurrentExecutions",
            "Policies",
            "VersionDescription",
            "AutoPublishAlias",
            "AutoPublishCodeSha256",
            "AutoPublishAliasAllProperties",
            "DeploymentPreference",
            "ProvisionedConcurrencyConfig");

    /**
     * SAM publishes a new version only when its hash of the code, environment and memory changes, and it hashes
     * !Ref expressions, not their values: each parameter a version holds must be in the function's
     * VersionDescription, whose change replaces the version (and so moves the alias). No NoEcho parameter there.
     */
    private void versionsFollowTheirParameters() {
        for (String function : functions()) {
            Set<String> described = parametersIn(properties(function).get("VersionDescription"), Map.of());
            for (String parameter : versionParameters(template, function)) {
                if (!described.contains(parameter)) {
                    violations.add(function + "'s VersionDescription does not hold " + parameter
                            + ", so changing it alone publishes no new version");
                }
            }
            for (String parameter : described) {
                Object noEcho = map(parameters().get(parameter)).get("NoEcho");
                if (Boolean.TRUE.equals(noEcho) || "true".equals(noEcho)) {
                    violations.add(function + "'s VersionDescription shows the NoEcho parameter " + parameter);
                }
            }
        }
    }

    /** The parameters (but NoEcho ones) that reach what a function's published version holds, Globals included. */
    static Set<String> versionParameters(Map<String, Object> template, String function) {
        Map<String, Object> properties =
                new HashMap<>(map(map(template.get("Globals")).get("Function")));
        properties.putAll(map(map(map(template.get("Resources")).get(function)).get("Properties")));
        NOT_IN_A_VERSION.forEach(properties::remove);
        Set<String> found = parametersIn(properties, map(template.get("Conditions")));
        Map<String, Object> parameters = map(template.get("Parameters"));
        found.retainAll(parameters.keySet());
        found.removeIf(p -> Boolean.TRUE.equals(map(parameters.get(p)).get("NoEcho"))
                || "true".equals(map(parameters.get(p)).get("NoEcho")));
        return found;
    }

    /** Names a tree refers to by Ref or ${Name} in a Sub, and the parameters of the conditions it uses. */
    static Set<String> parametersIn(Object node, Map<String, Object> conditions) {
        Set<String> found = new TreeSet<>();
        walk(
                Map.of("", node == null ? "" : node),
                (path, key, value) -> {
                    if (key.equals("Ref") && value instanceof String name) {
                        found.add(name);
                    }
                    if (key.equals("Fn::Sub")) {
                        Object text = value instanceof List<?> list && !list.isEmpty() ? list.get(0) : value;
                        if (text instanceof String string) {
                            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$\\{([A-Za-z0-9.:]+)}")
                                    .matcher(string);
                            while (m.find()) {
                                found.add(m.group(1));
                            }
                        }
                    }
                    if (key.equals("Fn::If")
                            && !list(value).isEmpty()
                            && conditions.containsKey(list(value).get(0))) {
                        found.addAll(parametersIn(conditions.get(list(value).get(0)), conditions));
                    }
                    if (key.equals("Condition") && value instanceof String name && conditions.containsKey(name)) {
                        found.addAll(parametersIn(conditions.get(name), conditions));
                    }
                },
                "");
        return found;
    }

    /**
     * Migrations before new code: the worker function itself (not only its event source) refers to DatabaseSetup, so
     * on an update CloudFormation updates its code, publishes its version and moves its alias only after the setup
     * has migrated; and the setup runs again for every new worker jar (the same jar, its version its CodeVersion).
     */
    private void workerCodeFollowsTheMigrations() {
        Map<String, Object> worker = new HashMap<>(properties("WorkerFunction"));
        worker.remove("Events");
        if (!referencedResources(worker).contains("DatabaseSetup")) {
            violations.add("WorkerFunction does not refer to DatabaseSetup outside its events, so its new code may be "
                    + "published before the migrations ran");
        }
        if (!Map.of("Ref", "DatabaseSetupFunction.Version")
                        .equals(properties("DatabaseSetup").get("CodeVersion"))
                || !String.valueOf(properties("WorkerFunction").get("CodeUri"))
                        .equals(String.valueOf(
                                properties("DatabaseSetupFunction").get("CodeUri")))) {
            violations.add("DatabaseSetup does not run again for every new worker jar (CodeVersion from "
                    + "DatabaseSetupFunction.Version, the worker's CodeUri)");
        }
    }

    /** The seed's connection limit is the database's: a cluster parameter group sets max_connections from it. */
    private void databaseEnforcesTheConnectionBudget() {
        Object group = map(properties("DatabaseCluster").get("DBClusterParameterGroupName"))
                .get("Ref");
        Map<String, Object> resource = map(resources().get(String.valueOf(group)));
        if (!"AWS::RDS::DBClusterParameterGroup".equals(resource.get("Type"))
                || !Map.of("Ref", "DbMaxConnections")
                        .equals(map(map(resource.get("Properties")).get("Parameters"))
                                .get("max_connections"))) {
            violations.add("DatabaseCluster's parameter group does not set max_connections from DbMaxConnections");
        }
    }

    private void engineVersionIsAParameter() {
        Map<String, Object> cluster = properties("DatabaseCluster");
        Map<String, Object> parameter = map(parameters().get("DatabaseEngineVersion"));
        Object group = map(cluster.get("DBClusterParameterGroupName")).get("Ref");
        String family = String.valueOf(properties(String.valueOf(group)).get("Family"));
        String major = family.replaceFirst("^aurora-postgresql", "");
        String pattern = String.valueOf(parameter.get("AllowedPattern"));
        String version = String.valueOf(parameter.get("Default"));
        if (!Map.of("Ref", "DatabaseEngineVersion").equals(cluster.get("EngineVersion"))
                || !version.matches(pattern)
                || !version.startsWith(major + ".")
                || !pattern.startsWith(major + "\\.")) {
            violations.add("DatabaseCluster's EngineVersion is not DatabaseEngineVersion, a " + family
                    + " version by its pattern and default");
        }
    }

    /**
     * The proxy has a security group of its own that admits the workers; the database and the Secrets Manager
     * endpoint admit it (the database's group admits the workers, not itself).
     */
    private void proxyIsReachable() {
        if (!resources().containsKey("DatabaseProxy")) {
            return;
        }
        List<?> groups = list(properties("DatabaseProxy").get("VpcSecurityGroupIds"));
        Object proxy = groups.size() == 1 ? map(groups.get(0)).get("Ref") : null;
        if (!(proxy instanceof String group)
                || group.equals("DatabaseSecurityGroup")
                || !admits(group, "WorkerSecurityGroup", 5432)) {
            violations.add("DatabaseProxy has no security group of its own admitting the workers on 5432");
            return;
        }
        if (!admits("DatabaseSecurityGroup", group, 5432)) {
            violations.add("DatabaseSecurityGroup does not admit " + group + " on 5432, so the proxy cannot reach "
                    + "the cluster");
        }
        if (!admits("EndpointSecurityGroup", group, 443)) {
            violations.add("EndpointSecurityGroup does not admit " + group + " on 443, so the proxy cannot read its "
                    + "secrets");
        }
    }

    /** Whether a security group admits another on a TCP port, in its own rules or by a separate ingress. */
    private boolean admits(String group, String source, int port) {
        List<Map<String, Object>> rules = new ArrayList<>();
        list(properties(group).get("SecurityGroupIngress")).forEach(rule -> rules.add(map(rule)));
        resourcesOfType("AWS::EC2::SecurityGroupIngress").stream()
                .map(this::properties)
                .filter(rule -> Map.of("Ref", group).equals(rule.get("GroupId")))
                .forEach(rules::add);
        return rules.stream()
                .anyMatch(rule -> Map.of("Ref", source).equals(rule.get("SourceSecurityGroupId"))
                        && "tcp".equals(rule.get("IpProtocol"))
                        && rule.get("FromPort") instanceof Integer from
                        && from <= port
                        && rule.get("ToPort") instanceof Integer to
                        && to >= port);
    }

    private void alarmsNotifyTheTopic() {
        if (!"AWS::SNS::Topic".equals(map(resources().get("AlarmTopic")).get("Type"))) {
            violations.add("there is no AlarmTopic (AWS::SNS::Topic) for the alarms to notify");
        }
        for (String alarm : resourcesOfType("AWS::CloudWatch::Alarm")) {
            for (String actions : List.of("AlarmActions", "OKActions")) {
                if (!items(properties(alarm).get(actions)).contains(Map.of("Ref", "AlarmTopic"))) {
                    violations.add(alarm + "'s " + actions + " do not notify AlarmTopic");
                }
            }
        }
        boolean mailed = resourcesOfType("AWS::SNS::Subscription").stream().anyMatch(subscription -> {
            Map<String, Object> properties = properties(subscription);
            Object condition = map(resources().get(subscription)).get("Condition");
            return Map.of("Ref", "AlarmTopic").equals(properties.get("TopicArn"))
                    && "email".equals(properties.get("Protocol"))
                    && Map.of("Ref", "AlarmEmail").equals(properties.get("Endpoint"))
                    && Map.of("Fn::Not", List.of(Map.of("Fn::Equals", List.of(Map.of("Ref", "AlarmEmail"), ""))))
                            .equals(map(template.get("Conditions")).get(String.valueOf(condition)));
        });
        if (!mailed || !"".equals(map(parameters().get("AlarmEmail")).get("Default"))) {
            violations.add("AlarmTopic has no e-mail subscription to AlarmEmail only when AlarmEmail is given");
        }
    }

    /** The resources a tree refers to by Ref, GetAtt or ${Name} in a Sub ("X.Alias" and "X.Version" count as X). */
    private Set<String> referencedResources(Object node) {
        Set<String> names = new TreeSet<>();
        for (String name : parametersIn(node, Map.of())) {
            names.add(name.split("\\.")[0]);
        }
        walk(
                Map.of("", node == null ? "" : node),
                (path, key, value) -> {
                    if (key.equals("Fn::GetAtt") && !list(value).isEmpty()) {
                        names.add(String.valueOf(list(value).get(0)));
                    }
                },
                "");
        names.retainAll(resources().keySet());
        return names;
    }

    // ---- reading the tree ----

    private List<String> resourcesOfType(String type) {
        return resourcesOfType(template, type);
    }

    /** The logical ids of {@code template}'s resources of {@code type}, sorted: for every rule set over a template. */
    static List<String> resourcesOfType(Map<String, Object> template, String type) {
        return map(template.get("Resources")).entrySet().stream()
                .filter(e -> type.equals(map(e.getValue()).get("Type")))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    /**
     * The deploy refuses an account whose Lambda quota cannot give what the stack reserves, first: before the cluster
     * is created and before anything reserves concurrency, so that a refused first deploy has nothing to roll back
     * that protects itself from deletion.
     */
    private void setupChecksTheAccountsConcurrencyQuota() {
        Map<String, Object> check = properties("ConcurrencyCheck");
        for (String parameter :
                List.of("DbMaxConnections", "DbReservedConnections", "WorkerPoolSize", "IngestReservedConcurrency")) {
            if (!Map.of("Ref", parameter).equals(check.get(parameter))) {
                violations.add("ConcurrencyCheck is not given " + parameter + " to check against the account's quota");
            }
        }
        if (!"com.webhookbuffer.bootstrap.lambda.worker.ConcurrencyCheckFunction::handleRequest"
                .equals(properties("ConcurrencyCheckFunction").get("Handler"))) {
            violations.add("ConcurrencyCheck is not run by ConcurrencyCheckFunction");
        }
        if (granted("ConcurrencyCheckFunction", "lambda:GetAccountSettings").isEmpty()) {
            violations.add("ConcurrencyCheckFunction may not read the account's Lambda concurrency quota "
                    + "(lambda:GetAccountSettings)");
        }
        if (properties("ConcurrencyCheckFunction").containsKey("VpcConfig")) {
            violations.add("ConcurrencyCheckFunction is in a VPC: it would wait for the stack's network");
        }
        if (!String.valueOf(map(resources().get("DatabaseCluster")).get("DependsOn"))
                .contains("ConcurrencyCheck")) {
            violations.add("DatabaseCluster does not wait for ConcurrencyCheck: a refused first deploy would meet a "
                    + "cluster that refuses deletion");
        }
    }

    /** An RDS Proxy opens no more of the database's connections than the workers' share of the budget. */
    private void proxyKeepsWithinTheBudget() {
        Object percent = map(properties("DatabaseProxyTargets").get("ConnectionPoolConfigurationInfo"))
                .get("MaxConnectionsPercent");
        if (!Map.of("Fn::GetAtt", List.of("DatabaseSetup", "WorkerConnectionsPercent"))
                .equals(percent)) {
            violations.add("DatabaseProxyTargets' MaxConnectionsPercent is not the budget's "
                    + "(DatabaseSetup.WorkerConnectionsPercent): the proxy could take the reserved connections");
        }
    }

    /** The resources a function's policies allow an action on, in order. */
    private List<Object> granted(String function, String action) {
        List<Object> resources = new ArrayList<>();
        for (Object policy : list(properties(function).get("Policies"))) {
            for (Object statement : items(map(policy).get("Statement"))) {
                Map<String, Object> s = map(statement);
                if ("Allow".equals(s.get("Effect")) && items(s.get("Action")).contains(action)) {
                    resources.addAll(items(s.get("Resource")));
                }
            }
        }
        return resources;
    }

    /** A field that holds one value or a list of them, as a list. */
    static List<?> items(Object value) {
        return value == null ? List.of() : value instanceof List<?> list ? list : List.of(value);
    }

    private Map<String, Object> resources() {
        return map(template.get("Resources"));
    }

    private Map<String, Object> parameters() {
        return map(template.get("Parameters"));
    }

    private int defaultOf(String parameter) {
        return Integer.parseInt(map(parameters().get(parameter)).get("Default").toString());
    }

    private List<String> functions() {
        return resourcesOfType("AWS::Serverless::Function");
    }

    private Map<String, Object> properties(String resource) {
        return map(map(resources().get(resource)).get("Properties"));
    }

    private Map<String, Object> environment(String function) {
        return map(map(properties(function).get("Environment")).get("Variables"));
    }

    private Map<String, Object> workerSqsEvent() {
        for (Object event : map(properties("WorkerFunction").get("Events")).values()) {
            if ("SQS".equals(map(event).get("Type"))) {
                return map(map(event).get("Properties"));
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    @FunctionalInterface
    private interface Visitor {
        void visit(String path, String key, Object value);
    }

    private static void walk(Object node, Visitor visitor, String path) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                visitor.visit(path, key.toString(), value);
                walk(value, visitor, path + "/" + key);
            });
        } else if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, visitor, path + "[" + i++ + "]");
            }
        }
    }
}
