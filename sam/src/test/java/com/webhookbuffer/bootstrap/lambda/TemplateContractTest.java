package com.webhookbuffer.bootstrap.lambda;

import static com.webhookbuffer.bootstrap.lambda.TemplateRules.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SAM template's AWS rules, checked in the build without an AWS account: on the template as it is (no
 * violation), and on copies broken one rule at a time (each caught, so no check here can pass by accident).
 */
class TemplateContractTest {

    private static final Path DIRECTORY = Path.of("").toAbsolutePath();
    private static Map<String, Object> template;

    @BeforeAll
    static void read() throws Exception {
        template = CloudFormationYaml.read(DIRECTORY.resolve("template.yaml"));
    }

    @Test
    void theTemplateKeepsEveryRule() {
        assertThat(TemplateRules.check(template, DIRECTORY)).isEmpty();
    }

    @Test
    void shortFormTagsReadAsTheLongForm() {
        Map<String, Object> queue =
                map(map(map(template.get("Resources")).get("OrdersQueue")).get("Properties"));

        assertThat(map(queue.get("RedrivePolicy")).get("deadLetterTargetArn"))
                .isEqualTo(Map.of("Fn::GetAtt", List.of("OrdersDeadLetterQueue", "Arn")));
        assertThat(map(queue.get("RedrivePolicy")).get("maxReceiveCount")).isEqualTo(Map.of("Ref", "MaxReceiveCount"));
    }

    private static List<String> violationsAfter(Consumer<Map<String, Object>> breakIt) {
        Map<String, Object> copy = CloudFormationYaml.copy(template);
        breakIt.accept(copy);
        return TemplateRules.check(copy, DIRECTORY);
    }

    private static Map<String, Object> resource(Map<String, Object> template, String name) {
        return map(map(map(template.get("Resources")).get(name)).get("Properties"));
    }

    private static Map<String, Object> workerSqsEvent(Map<String, Object> template) {
        return map(map(map(resource(template, "WorkerFunction").get("Events")).get("Orders"))
                .get("Properties"));
    }

    @Test
    void aVisibilityTimeoutShorterThanSixWorkerTimeoutsIsCaught() {
        assertThat(violationsAfter(t -> map(map(map(t.get("Mappings")).get("VisibilityByWorkerTimeout"))
                                .get("60"))
                        .put("VisibilityTimeout", 300)))
                .containsExactly("visibility timeout 300 is less than 6 x worker timeout 60");
    }

    @Test
    void aConcurrencyThatIgnoresTheBudgetIsCaught() {
        assertThat(violationsAfter(
                        t -> map(workerSqsEvent(t).get("ScalingConfig")).put("MaximumConcurrency", 90)))
                .containsExactlyInAnyOrder(
                        "ScalingConfig.MaximumConcurrency is not the connection budget's (DatabaseSetup)",
                        "WorkerFunction's reserved concurrency is not its event source's MaximumConcurrency");
        assertThat(violationsAfter(t -> map(resource(t, "WorkerFunction").get("Environment"))
                        .put("Variables", new LinkedHashMap<>(Map.of("DB_POOL_SIZE", "4")))))
                .contains("the worker's DB_POOL_SIZE is not WorkerPoolSize, so the budget counts another pool");
    }

    @Test
    void aWorkerWithoutBatchItemFailuresIsCaught() {
        assertThat(violationsAfter(t -> workerSqsEvent(t).remove("FunctionResponseTypes")))
                .containsExactly(
                        "the worker's SQS event does not have FunctionResponseTypes: [ReportBatchItemFailures]");
    }

    @Test
    void aQueueWithoutItsRedrivePolicyIsCaught() {
        assertThat(violationsAfter(t -> resource(t, "OrdersQueue").remove("RedrivePolicy")))
                .containsExactly(
                        "OrdersQueue's RedrivePolicy is not OrdersDeadLetterQueue after MaxReceiveCount receives");
    }

    @Test
    void aFunctionWithoutSnapStartIsCaught() {
        assertThat(violationsAfter(t -> resource(t, "IngestFunction").put("SnapStart", Map.of("ApplyOn", "None"))))
                .containsExactly("IngestFunction has no SnapStart on published versions (with AutoPublishAlias)");
    }

    @Test
    void aWildcardActionIsCaught() {
        assertThat(violationsAfter(t -> {
                    Map<String, Object> statement = map(((List<?>)
                                    map(((List<?>) resource(t, "IngestFunction").get("Policies")).get(0))
                                            .get("Statement"))
                            .get(0));
                    statement.put("Action", List.of("sqs:*"));
                }))
                .containsExactly(
                        "wildcard action sqs:* at /Resources/IngestFunction/Properties/Policies[0]/Statement[0]");
    }

    @Test
    void aHandlerThatIsNotInItsJarOrTakesAnotherEventIsCaught() {
        assertThat(violationsAfter(t -> resource(t, "IngestFunction")
                        .put("Handler", "com.webhookbuffer.bootstrap.lambda.ingest.IngestRestFunction::handleRequest")))
                .containsExactly("IngestFunction handler com.webhookbuffer.bootstrap.lambda.ingest.IngestRestFunction "
                        + "takes com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent, not "
                        + "com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent");
        assertThat(violationsAfter(t -> resource(t, "WorkerFunction")
                        .put("Handler", "com.webhookbuffer.bootstrap.lambda.worker.OrderWorker::handleRequest")))
                .containsExactly("WorkerFunction handler com.webhookbuffer.bootstrap.lambda.worker.OrderWorker is not "
                        + "in bootstrap-lambda-0.1.0-SNAPSHOT-worker.jar");
        // Each jar holds only its own function: the worker's class is not in the ingest jar.
        assertThat(violationsAfter(t -> resource(t, "IngestFunction")
                        .put("Handler", "com.webhookbuffer.bootstrap.lambda.worker.WorkerFunction::handleRequest")))
                .containsExactly("IngestFunction handler com.webhookbuffer.bootstrap.lambda.worker.WorkerFunction is "
                        + "not in bootstrap-lambda-0.1.0-SNAPSHOT-ingest.jar");
    }

    @Test
    void anEnvironmentVariableNobodyReadsOrOneNobodySetsIsCaught() {
        assertThat(violationsAfter(t -> map(map(resource(t, "IngestFunction").get("Environment"))
                                .get("Variables"))
                        .put("QUEUE_NAME", "orders")))
                .containsExactly("the template sets QUEUE_NAME, which no function reads");
        assertThat(violationsAfter(t -> map(map(resource(t, "IngestFunction").get("Environment"))
                                .get("Variables"))
                        .remove("MAX_BODY_BYTES")))
                .containsExactly("the functions read MAX_BODY_BYTES, which the template never sets");
    }

    @Test
    void anUnthrottledApiOrIngestIsCaught() {
        assertThat(violationsAfter(t -> resource(t, "WebhookApi").remove("DefaultRouteSettings")))
                .containsExactly("WebhookApi's stage is not throttled by ApiRateLimit and ApiBurstLimit");
        assertThat(violationsAfter(t -> map(resource(t, "WebhookApi").get("DefaultRouteSettings"))
                        .put("ThrottlingRateLimit", 10000)))
                .containsExactly("WebhookApi's stage is not throttled by ApiRateLimit and ApiBurstLimit");
        assertThat(violationsAfter(t -> resource(t, "IngestFunction").remove("ReservedConcurrentExecutions")))
                .containsExactly(INGEST_RESERVATION);
        // Reserved straight from the parameter, it would be reserved before the account's quota was checked.
        assertThat(violationsAfter(t -> resource(t, "IngestFunction")
                        .put("ReservedConcurrentExecutions", Map.of("Ref", "IngestReservedConcurrency"))))
                .containsExactly(INGEST_RESERVATION);
    }

    private static final String INGEST_RESERVATION =
            "IngestFunction's reserved concurrency is not IngestReservedConcurrency as ConcurrencyCheck answered it";

    @Test
    void aJarSamBuildWouldTakeForASourceFolderIsCaught() {
        assertThat(violationsAfter(
                        t -> map(map(t.get("Resources")).get("WorkerFunction")).remove("Metadata")))
                .containsExactly("WorkerFunction's CodeUri is a built jar but it is not marked Metadata.SkipBuild: "
                        + "sam build would fail");
    }

    @Test
    void aWorkerReservedConcurrencyOtherThanItsMaximumConcurrencyIsCaught() {
        // Also caught as worker code that may come before the migrations: the reserved concurrency is what orders it.
        assertThat(violationsAfter(t -> resource(t, "WorkerFunction").put("ReservedConcurrentExecutions", 10)))
                .containsExactlyInAnyOrder(
                        "WorkerFunction's reserved concurrency is not its event source's MaximumConcurrency",
                        MIGRATIONS_FIRST);
        assertThat(violationsAfter(t -> resource(t, "WorkerFunction").remove("ReservedConcurrentExecutions")))
                .containsExactlyInAnyOrder(
                        "WorkerFunction's reserved concurrency is not its event source's MaximumConcurrency",
                        MIGRATIONS_FIRST);
    }

    @Test
    void anUnencryptedQueueOrOneThatTakesPlainTextIsCaught() {
        assertThat(violationsAfter(t -> resource(t, "OrdersDeadLetterQueue").remove("SqsManagedSseEnabled")))
                .containsExactly(
                        "OrdersDeadLetterQueue is not encrypted at rest (SqsManagedSseEnabled or KmsMasterKeyId)");
        assertThat(violationsAfter(t -> map(t.get("Resources")).remove("OrdersQueuePolicy")))
                .containsExactly("OrdersQueue has no policy denying sqs:* without TLS (aws:SecureTransport false)");
        assertThat(violationsAfter(t -> map(map(queuePolicyStatement(t, "OrdersDeadLetterQueuePolicy")
                                        .get("Condition"))
                                .get("Bool"))
                        .put("aws:SecureTransport", "true")))
                .containsExactly(
                        "OrdersDeadLetterQueue has no policy denying sqs:* without TLS (aws:SecureTransport false)");
        assertThat(violationsAfter(
                        t -> queuePolicyStatement(t, "OrdersQueuePolicy").put("Effect", "Allow")))
                .containsExactlyInAnyOrder(
                        "wildcard action sqs:* at /Resources/OrdersQueuePolicy/Properties/PolicyDocument/Statement[0]",
                        "OrdersQueue has no policy denying sqs:* without TLS (aws:SecureTransport false)");
    }

    private static Map<String, Object> queuePolicyStatement(Map<String, Object> template, String policy) {
        return map(
                ((List<?>) map(resource(template, policy).get("PolicyDocument")).get("Statement")).get(0));
    }

    @Test
    void aDeadLetterQueueThatDropsRedrivenMessagesIsCaught() {
        assertThat(violationsAfter(t -> resource(t, "OrdersQueue").put("MessageRetentionPeriod", 1209600)))
                .containsExactly("OrdersDeadLetterQueue keeps messages 1209600 s, not longer than OrdersQueue's "
                        + "1209600 s (a dead letter keeps its enqueue time)");
    }

    @Test
    void defaultsThatCouldDeadLetterAShortOutageAreCaught() {
        // 2 s doubling to 15 min over 5 receives: 1 + 2 + 4 + 8 + 16 = 31 s.
        assertThat(violationsAfter(t -> parameter(t, "OutageBackoffBaseSeconds").put("Default", 2)))
                .containsExactly(
                        "with the defaults, an outage of 31 s can send messages to the DLQ: less than 15 " + "minutes");
        assertThat(violationsAfter(t -> parameter(t, "MaxReceiveCount").put("Default", 4)))
                .containsExactly("with the defaults, an outage of 450 s can send messages to the DLQ: less than 15 "
                        + "minutes");
        assertThat(violationsAfter(t -> map(map(resource(t, "WorkerFunction").get("Environment"))
                                .get("Variables"))
                        .remove("OUTAGE_BACKOFF_BASE_SECONDS")))
                .contains("the worker's outage backoff is not OutageBackoffBaseSeconds-OutageBackoffCapSeconds");
    }

    @Test
    void aDeadLetterQueueAnyQueueMayUseIsCaught() {
        String violation = "OrdersDeadLetterQueue's RedriveAllowPolicy does not allow the orders queue alone";
        assertThat(violationsAfter(t -> resource(t, "OrdersDeadLetterQueue").remove("RedriveAllowPolicy")))
                .containsExactly(violation);
        assertThat(violationsAfter(t -> map(resource(t, "OrdersDeadLetterQueue").get("RedriveAllowPolicy"))
                        .put("redrivePermission", "allowAll")))
                .containsExactly(violation);
        assertThat(violationsAfter(t -> resource(t, "OrdersQueue")
                        .put("QueueName", Map.of("Fn::Sub", "webhook-buffer-${Stage}-renamed"))))
                .contains(violation);
    }

    @Test
    void aQueueTooSmallForTheLargestAcceptedBodyIsCaught() {
        assertThat(violationsAfter(t -> resource(t, "OrdersQueue").remove("MaximumMessageSize")))
                .containsExactly("OrdersQueue does not hold messages of 1 MiB (MaximumMessageSize 1048576)");
        assertThat(violationsAfter(t -> resource(t, "OrdersDeadLetterQueue").put("MaximumMessageSize", 262144)))
                .containsExactly("OrdersDeadLetterQueue does not hold messages of 1 MiB (MaximumMessageSize 1048576)");
        assertThat(violationsAfter(t -> parameter(t, "MaxBodyBytes").put("MaxValue", 1048576)))
                .containsExactly(
                        "MaxBodyBytes may exceed 1044480, leaving no room in a 1 MiB message for the " + "attributes");
    }

    @Test
    void anUnprotectedDatabaseIsCaught() {
        assertThat(violationsAfter(t -> resource(t, "DatabaseCluster").put("StorageEncrypted", false)))
                .containsExactly("DatabaseCluster's storage is not encrypted");
        assertThat(violationsAfter(
                        t -> parameter(t, "DatabaseDeletionProtection").put("Default", "false")))
                .containsExactly(DELETION_PROTECTION);
        assertThat(violationsAfter(t -> resource(t, "DatabaseCluster").remove("DeletionProtection")))
                .containsExactly(DELETION_PROTECTION);
        assertThat(violationsAfter(
                        t -> parameter(t, "DatabaseBackupRetentionDays").put("MinValue", 1)))
                .containsExactly(BACKUPS);
        assertThat(violationsAfter(t -> resource(t, "DatabaseCluster").put("BackupRetentionPeriod", 1)))
                .containsExactly(BACKUPS);
        assertThat(violationsAfter(t -> resource(t, "DatabaseInstance").put("PubliclyAccessible", true)))
                .containsExactly("DatabaseInstance is not PubliclyAccessible: false");
    }

    private static final String DELETION_PROTECTION =
            "DatabaseCluster's DeletionProtection is not DatabaseDeletionProtection, on by default";
    private static final String BACKUPS =
            "DatabaseCluster's BackupRetentionPeriod is not DatabaseBackupRetentionDays, at least 7";

    private static Map<String, Object> parameter(Map<String, Object> template, String name) {
        return map(map(template.get("Parameters")).get(name));
    }

    @Test
    void aFunctionWithoutItsLogGroupOrRetentionIsCaught() {
        assertThat(violationsAfter(t -> map(t.get("Resources")).remove("WorkerFunctionLogGroup")))
                .containsExactly("WorkerFunction has no log group /aws/lambda/${WorkerFunction} kept LogRetentionDays "
                        + "and deleted with the stack");
        assertThat(violationsAfter(t -> map(map(t.get("Resources")).get("IngestFunctionLogGroup"))
                        .put("DeletionPolicy", "Retain")))
                .containsExactly("IngestFunction has no log group /aws/lambda/${IngestFunction} kept LogRetentionDays "
                        + "and deleted with the stack");
        assertThat(violationsAfter(
                        t -> resource(t, "DatabaseSetupFunctionLogGroup").put("RetentionInDays", 3653)))
                .containsExactly("DatabaseSetupFunction has no log group /aws/lambda/${DatabaseSetupFunction} kept "
                        + "LogRetentionDays and deleted with the stack");
        assertThat(violationsAfter(
                        t -> map(map(map(t.get("Globals")).get("Function")).get("LoggingConfig"))
                                .put("LogGroup", "/webhook-buffer/shared")))
                .containsExactlyInAnyOrder(
                        "DatabaseSetupFunction sets LoggingConfig.LogGroup, so it does not log to "
                                + "/aws/lambda/${DatabaseSetupFunction}",
                        "ConcurrencyCheckFunction sets LoggingConfig.LogGroup, so it does not log to "
                                + "/aws/lambda/${ConcurrencyCheckFunction}",
                        "IngestFunction sets LoggingConfig.LogGroup, so it does not log to "
                                + "/aws/lambda/${IngestFunction}",
                        "WorkerFunction sets LoggingConfig.LogGroup, so it does not log to "
                                + "/aws/lambda/${WorkerFunction}");
        assertThat(violationsAfter(t -> allowedValues(t, "LogRetentionDays").add(2)))
                .containsExactly("LogRetentionDays allows 2, which CloudWatch Logs does not accept");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> allowedValues(Map<String, Object> template, String parameter) {
        return (List<Object>) parameter(template, parameter).get("AllowedValues");
    }

    @Test
    void aMissingAlarmIsCaught() {
        assertThat(violationsAfter(t -> map(t.get("Resources")).remove("IngestErrorsAlarm")))
                .containsExactly("no alarm on IngestFunction's errors (AWS/Lambda Errors)");
        assertThat(violationsAfter(t -> map(t.get("Resources")).remove("ApiServerErrorsAlarm")))
                .containsExactly("no alarm on WebhookApi's 5xx answers (AWS/ApiGateway 5xx)");
        assertThat(violationsAfter(
                        t -> ((List<?>) resource(t, "ApiServerErrorsAlarm").get("Dimensions")).remove(1)))
                .containsExactly("no alarm on WebhookApi's 5xx answers (AWS/ApiGateway 5xx)");
        assertThat(violationsAfter(t -> map(t.get("Resources")).remove("DeadLettersAlarm")))
                .containsExactly("no alarm on messages in the DLQ (AWS/SQS ApproximateNumberOfMessagesVisible)");
    }

    @Test
    void webhookSecretsOutsideSecretsManagerAreCaught() {
        assertThat(violationsAfter(
                        t -> environment(t, "IngestFunction").put("WEBHOOK_SECRETS", Map.of("Ref", "WebhookSecrets"))))
                .containsExactlyInAnyOrder(
                        "WebhookSecrets is used at /IngestFunction/Properties/Environment/Variables/WEBHOOK_SECRETS, "
                                + "outside WebhookSigningSecret",
                        "IngestFunction sets WEBHOOK_SECRETS: the signing secrets belong in Secrets Manager");
        assertThat(violationsAfter(t -> parameter(t, "WebhookSecrets").remove("NoEcho")))
                .containsExactly("the WebhookSecrets parameter is not NoEcho");
        assertThat(violationsAfter(t -> environment(t, "IngestFunction")
                        .put("WEBHOOK_SECRETS_ARN", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:other")))
                .containsExactly("IngestFunction's WEBHOOK_SECRETS_ARN is not WebhookSigningSecret");
        assertThat(violationsAfter(t -> secretStatement(t, "IngestFunction").put("Resource", "*")))
                .containsExactly("IngestFunction's secretsmanager:GetSecretValue is not on exactly "
                        + "WebhookSigningSecret and SourceSigningSecrets");
    }

    @Test
    void namedSourcesKeysOutsideTheirSecretAreCaught() {
        assertThat(violationsAfter(t ->
                        environment(t, "IngestFunction").put("SOURCE_PARTNER_SECRETS", Map.of("Ref", "SourceSecrets"))))
                .containsExactlyInAnyOrder(
                        "SourceSecrets is used at /IngestFunction/Properties/Environment/Variables/"
                                + "SOURCE_PARTNER_SECRETS, outside SourceSigningSecrets",
                        "the template sets SOURCE_PARTNER_SECRETS, which no function reads");
        assertThat(violationsAfter(t -> parameter(t, "SourceSecrets").remove("NoEcho")))
                .containsExactly("the SourceSecrets parameter is not NoEcho");
        assertThat(violationsAfter(t -> environment(t, "IngestFunction")
                        .put("SOURCE_SECRETS_ARN", Map.of("Ref", "WebhookSigningSecret"))))
                .containsExactly("IngestFunction's SOURCE_SECRETS_ARN is not SourceSigningSecrets");
    }

    private static Map<String, Object> environment(Map<String, Object> template, String function) {
        return map(map(resource(template, function).get("Environment")).get("Variables"));
    }

    /** The statement of a function's policy that allows secretsmanager:GetSecretValue. */
    private static Map<String, Object> secretStatement(Map<String, Object> template, String function) {
        return ((List<?>) map(((List<?>) resource(template, function).get("Policies")).get(0))
                        .get("Statement"))
                .stream()
                        .map(TemplateRules::map)
                        .filter(s -> TemplateRules.items(s.get("Action")).contains("secretsmanager:GetSecretValue"))
                        .findFirst()
                        .orElseThrow();
    }

    @Test
    void aWorkerThatLogsInAsTheOwnerOrAnUnrotatedSecretIsCaught() {
        assertThat(violationsAfter(
                        t -> environment(t, "WorkerFunction").put("DB_SECRET_ARN", TemplateRules.OWNER_SECRET)))
                .containsExactlyInAnyOrder(
                        "WorkerFunction's DB_SECRET_ARN is not its own role's secret",
                        "WorkerFunction's VersionDescription does not hold ExistingDbSecretArn, so changing it alone "
                                + "publishes no new version");
        assertThat(violationsAfter(t -> secretStatement(t, "WorkerFunction")
                        .put("Resource", List.of(TemplateRules.WORKER_SECRET, TemplateRules.OWNER_SECRET))))
                .containsExactly(
                        "WorkerFunction's secretsmanager:GetSecretValue is not on exactly its own role's secret");
        assertThat(violationsAfter(t -> environment(t, "DatabaseSetupFunction").remove("DB_WORKER_SECRET_ARN")))
                .containsExactlyInAnyOrder(
                        "DatabaseSetupFunction's DB_SECRET_ARN is not the owner's secret or its DB_WORKER_SECRET_ARN "
                                + "not the worker's",
                        "the functions read DB_WORKER_SECRET_ARN, which the template never sets");
        assertThat(violationsAfter(
                        t -> secretStatement(t, "DatabaseSetupFunction").put("Resource", TemplateRules.OWNER_SECRET)))
                .containsExactly("DatabaseSetupFunction's secretsmanager:GetSecretValue is not on exactly the owner's "
                        + "and the worker's secrets");
        assertThat(violationsAfter(t -> map(resource(t, "DatabaseWorkerSecret").get("GenerateSecretString"))
                        .put("PasswordLength", 16)))
                .containsExactly("DatabaseWorkerSecret does not generate the worker's password (a username, "
                        + "GenerateStringKey password, at least 32 characters, when CreatingDatabase)");
        assertThat(violationsAfter(t -> map(t.get("Resources")).remove("DatabaseWorkerSecretAttachment")))
                .containsExactlyInAnyOrder(
                        "DatabaseWorkerSecret is not attached to DatabaseCluster (host, port, dbname)", ROTATION);
        assertThat(violationsAfter(t -> map(t.get("Resources")).remove("DatabaseWorkerSecretRotation")))
                .containsExactly(ROTATION);
        assertThat(violationsAfter(
                        t -> map(resource(t, "DatabaseWorkerSecretRotation").get("RotationRules"))
                                .put("ScheduleExpression", "rate(90 days)")))
                .containsExactly(ROTATION);
        assertThat(violationsAfter(
                        t -> map(resource(t, "DatabaseWorkerSecretRotation").get("HostedRotationLambda"))
                                .put("VpcSecurityGroupIds", Map.of("Ref", "EndpointSecurityGroup"))))
                .containsExactly(ROTATION);
        assertThat(violationsAfter(t -> t.put("Transform", "AWS::Serverless-2016-10-31")))
                .containsExactly(ROTATION);
        assertThat(violationsAfter(t -> ((List<?>) resource(t, "DatabaseProxy").get("Auth")).remove(1)))
                .containsExactly("DatabaseProxy does not know DatabaseWorkerSecret, so the workers cannot log in "
                        + "through it");
    }

    private static final String ROTATION = "DatabaseWorkerSecret is not rotated (hosted PostgreSQLSingleUser, at least "
            + "every 30 days, with the AWS::SecretsManager transform)";

    @Test
    void aDatabaseConnectionThatDoesNotVerifyTlsIsCaught() {
        assertThat(violationsAfter(t -> environment(t, "WorkerFunction").put("DB_SSL_MODE", "require")))
                .containsExactly("WorkerFunction's DB_SSL_MODE is not verify-full");
        assertThat(violationsAfter(t -> environment(t, "DatabaseSetupFunction").remove("DB_SSL_MODE")))
                .containsExactly("DatabaseSetupFunction's DB_SSL_MODE is not verify-full");
        assertThat(violationsAfter(t -> resource(t, "DatabaseProxy").put("RequireTLS", false)))
                .containsExactly("DatabaseProxy does not require TLS");
    }

    @Test
    void aSetupThatCannotAnswerOnDeleteIsCaught() {
        assertThat(violationsAfter(t -> setupNetwork(t).remove(Map.of("Ref", "S3Endpoint"))))
                .containsExactly("DatabaseSetup does not refer to S3Endpoint, so a stack deletion may remove it before "
                        + "the setup answers");
        assertThat(violationsAfter(t -> setupNetwork(t).remove(Map.of("Ref", "PrivateSubnetBRoutes"))))
                .containsExactly("DatabaseSetup does not refer to PrivateSubnetBRoutes, so a stack deletion may "
                        + "remove it before the setup answers");
        assertThat(violationsAfter(t -> resource(t, "DatabaseSetup").remove("Network")))
                .containsExactlyInAnyOrder(
                        "DatabaseSetup does not refer to PrivateSubnetARoutes, so a stack deletion may remove it "
                                + "before the setup answers",
                        "DatabaseSetup does not refer to PrivateSubnetBRoutes, so a stack deletion may remove it "
                                + "before the setup answers",
                        "DatabaseSetup does not refer to S3Endpoint, so a stack deletion may remove it before the "
                                + "setup answers",
                        "DatabaseSetup does not refer to SecretsManagerEndpoint, so a stack deletion may remove it "
                                + "before the setup answers");
        assertThat(violationsAfter(t -> resource(t, "DatabaseSetup").remove("ServiceTimeout")))
                .containsExactly("DatabaseSetup's ServiceTimeout null is not above the setup function's Timeout 300 "
                        + "and at most twice it (one Lambda retry)");
        assertThat(violationsAfter(t -> resource(t, "DatabaseSetup").put("ServiceTimeout", 3600)))
                .containsExactly("DatabaseSetup's ServiceTimeout 3600 is not above the setup function's Timeout 300 "
                        + "and at most twice it (one Lambda retry)");
    }

    @Test
    void aProxyThatCouldTakeTheReservedConnectionsIsCaught() {
        assertThat(violationsAfter(t -> resource(t, "DatabaseProxyTargets").remove("ConnectionPoolConfigurationInfo")))
                .containsExactly("DatabaseProxyTargets' MaxConnectionsPercent is not the budget's "
                        + "(DatabaseSetup.WorkerConnectionsPercent): the proxy could take the reserved connections");
    }

    @Test
    void aQuotaCheckedTooLateOrNotAtAllIsCaught() {
        assertThat(violationsAfter(t -> resource(t, "ConcurrencyCheck").remove("IngestReservedConcurrency")))
                .containsExactlyInAnyOrder(
                        "ConcurrencyCheck is not given IngestReservedConcurrency to check against the account's quota",
                        INGEST_RESERVATION);
        assertThat(violationsAfter(t -> resource(t, "ConcurrencyCheck").remove("DbMaxConnections")))
                .containsExactly("ConcurrencyCheck is not given DbMaxConnections to check against the account's quota");
        assertThat(violationsAfter(t -> {
                    List<?> policies =
                            (List<?>) resource(t, "ConcurrencyCheckFunction").get("Policies");
                    ((List<?>) map(policies.get(0)).get("Statement"))
                            .removeIf(statement ->
                                    String.valueOf(map(statement).get("Action")).contains("lambda:GetAccountSettings"));
                }))
                .containsExactly("ConcurrencyCheckFunction may not read the account's Lambda concurrency quota "
                        + "(lambda:GetAccountSettings)");
        // In the stack's VPC it would wait for the network, and the cluster with it.
        assertThat(violationsAfter(t -> resource(t, "ConcurrencyCheckFunction")
                        .put("VpcConfig", resource(t, "WorkerFunction").get("VpcConfig"))))
                .contains("ConcurrencyCheckFunction is in a VPC: it would wait for the stack's network");
        assertThat(violationsAfter(
                        t -> map(map(t.get("Resources")).get("DatabaseCluster")).remove("DependsOn")))
                .containsExactly("DatabaseCluster does not wait for ConcurrencyCheck: a refused first deploy would "
                        + "meet a cluster that refuses deletion");
        assertThat(violationsAfter(t -> resource(t, "ConcurrencyCheckFunction")
                        .put("SnapStart", Map.of("ApplyOn", "PublishedVersions"))))
                .containsExactly("ConcurrencyCheckFunction runs once per deploy but has SnapStart on");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> setupNetwork(Map<String, Object> template) {
        return (List<Object>) ((List<?>)
                        map(resource(template, "DatabaseSetup").get("Network")).get("Fn::If"))
                .get(1);
    }

    @Test
    void aParameterAVersionHoldsButItsDescriptionDoesNotIsCaught() {
        assertThat(violationsAfter(t -> resource(t, "IngestFunction")
                        .put(
                                "VersionDescription",
                                Map.of(
                                        "Fn::Sub",
                                        "ingest ${JavaRuntime} ${IngestMemorySize}MB"
                                                + " ${WebhookToleranceSeconds}s ${Sources}"))))
                .containsExactly("IngestFunction's VersionDescription does not hold MaxBodyBytes, so changing it "
                        + "alone publishes no new version");
        assertThat(violationsAfter(t -> resource(t, "WorkerFunction").put("MemorySize", Map.of("Ref", "BatchSize"))))
                .containsExactly("WorkerFunction's VersionDescription does not hold BatchSize, so changing it alone "
                        + "publishes no new version");
        assertThat(violationsAfter(t -> map(map(t.get("Globals")).get("Function"))
                        .put("Runtime", Map.of("Fn::If", List.of("UsingProxy", "java25", "java21")))))
                .containsExactlyInAnyOrder(
                        "IngestFunction's VersionDescription does not hold CreateDatabase, so changing it alone "
                                + "publishes no new version",
                        "IngestFunction's VersionDescription does not hold UseRdsProxy, so changing it alone "
                                + "publishes no new version",
                        "DatabaseSetupFunction's VersionDescription does not hold UseRdsProxy, so changing it alone "
                                + "publishes no new version",
                        "ConcurrencyCheckFunction's VersionDescription does not hold CreateDatabase, so changing it "
                                + "alone publishes no new version",
                        "ConcurrencyCheckFunction's VersionDescription does not hold UseRdsProxy, so changing it "
                                + "alone publishes no new version");
        assertThat(violationsAfter(t -> resource(t, "IngestFunction")
                        .put(
                                "VersionDescription",
                                Map.of(
                                        "Fn::Sub",
                                        "ingest ${JavaRuntime} ${IngestMemorySize} ${WebhookToleranceSeconds}"
                                                + " ${MaxBodyBytes} ${Sources} ${WebhookSecrets}"))))
                .containsExactlyInAnyOrder(
                        "IngestFunction's VersionDescription shows the NoEcho parameter WebhookSecrets",
                        "WebhookSecrets is used at /IngestFunction/Properties/VersionDescription/Fn::Sub, outside "
                                + "WebhookSigningSecret");
    }

    /** What an existing database's parameters look like at their longest likely, for the description's length. */
    private static final Map<String, Object> EXISTING = Map.of(
            "ExistingDbEndpoint",
            "webhook-buffer-orders.cluster-c9akciq32xyz.eu-central-1.rds.amazonaws.com:5432/orders",
            "ExistingDbSecretArn",
            "arn:aws:secretsmanager:eu-central-1:123456789012:secret:webhook-buffer/orders/owner-AbCdEf",
            "ExistingWorkerSecretArn",
            "arn:aws:secretsmanager:eu-central-1:123456789012:secret:webhook-buffer/orders/worker-AbCdEf",
            "ExistingSubnetIds",
            List.of("subnet-0123456789abcdef0", "subnet-0123456789abcdef1", "subnet-0123456789abcdef2"),
            "ExistingSecurityGroupId",
            "sg-0123456789abcdef0",
            "CreateDatabase",
            "false");

    /**
     * CloudFormation replaces a version whose description changed, so a parameter in it publishes a new version when
     * its value changes: the description is evaluated with the defaults (and an existing database's values), then
     * with each parameter its version holds changed, and must differ; and it fits Lambda's 256 characters, with
     * every parameter at its longest too (a MaxLength string, a MaxValue number, the longest allowed value).
     */
    @Test
    void changingAParameterAVersionHoldsChangesItsDescription() {
        Map<String, Object> parameters = map(template.get("Parameters"));
        for (String function : List.of("IngestFunction", "WorkerFunction", "DatabaseSetupFunction")) {
            Object description = resource(template, function).get("VersionDescription");
            Set<String> held = TemplateRules.versionParameters(template, function);
            assertThat(held).as(function).isNotEmpty();
            String longest = (String) Intrinsics.evaluate(description, longest(parameters));
            assertThat(longest.length())
                    .as("%s's longest description %s", function, longest)
                    .isLessThanOrEqualTo(256);
            for (Map<String, Object> base : List.of(defaults(parameters, Map.of()), defaults(parameters, EXISTING))) {
                String before = (String) Intrinsics.evaluate(description, base);
                assertThat(before.length())
                        .as("%s's description %s", function, before)
                        .isLessThanOrEqualTo(256);
                for (String parameter : held) {
                    Map<String, Object> changed = new LinkedHashMap<>(base);
                    changed.put(parameter, another(parameter, map(parameters.get(parameter)), base.get(parameter)));
                    assertThat(Intrinsics.evaluate(description, changed))
                            .as(
                                    "%s's description with %s changed from %s to %s",
                                    function, parameter, base.get(parameter), changed.get(parameter))
                            .isNotEqualTo(before);
                }
            }
        }
    }

    private static Map<String, Object> defaults(Map<String, Object> parameters, Map<String, Object> overrides) {
        Map<String, Object> values = new LinkedHashMap<>();
        parameters.forEach((name, parameter) -> {
            Object value = map(parameter).get("Default");
            values.put(
                    name,
                    "CommaDelimitedList".equals(map(parameter).get("Type"))
                            ? value == null || value.toString().isEmpty()
                                    ? List.of("")
                                    : List.of(value.toString().split(","))
                            : value == null ? "" : value.toString());
        });
        values.putAll(overrides);
        return values;
    }

    /** Each parameter at its longest: its longest allowed value, its MaxLength in characters, its MaxValue. */
    private static Map<String, Object> longest(Map<String, Object> parameters) {
        Map<String, Object> values = defaults(parameters, EXISTING);
        parameters.forEach((name, declared) -> {
            Map<String, Object> parameter = map(declared);
            List<?> allowed = TemplateRules.list(parameter.get("AllowedValues"));
            if (!allowed.isEmpty()) {
                values.put(
                        name,
                        allowed.stream()
                                .map(Object::toString)
                                .max(Comparator.comparingInt(String::length))
                                .orElseThrow());
            } else if (parameter.get("MaxLength") != null) {
                values.put(
                        name,
                        "x".repeat(Integer.parseInt(parameter.get("MaxLength").toString())));
            } else if (parameter.get("MaxValue") != null) {
                values.put(name, parameter.get("MaxValue").toString());
            }
        });
        return values;
    }

    /** Another value the parameter may take: another allowed one, one more, or a longer one. */
    private static Object another(String name, Map<String, Object> parameter, Object value) {
        List<?> allowed = TemplateRules.list(parameter.get("AllowedValues"));
        if (!allowed.isEmpty()) {
            return allowed.stream()
                    .map(Object::toString)
                    .filter(v -> !v.equals(value))
                    .findFirst()
                    .orElseThrow();
        }
        if (value instanceof List<?> list) {
            List<Object> longer = new ArrayList<>(list);
            longer.add("subnet-0fedcba9876543210");
            return longer;
        }
        if (value.toString().matches("\\d+")) {
            return Long.toString(Long.parseLong(value.toString()) + 1);
        }
        if (value.toString().isEmpty() && EXISTING.get(name) instanceof String existing) {
            return existing;
        }
        return value.toString().matches("17\\.\\d+") ? "17.99" : value + "x";
    }

    @Test
    void workerCodeThatMayComeBeforeTheMigrationsIsCaught() {
        assertThat(violationsAfter(t -> resource(t, "WorkerFunction").put("ReservedConcurrentExecutions", 80)))
                .containsExactlyInAnyOrder(
                        "WorkerFunction's reserved concurrency is not its event source's MaximumConcurrency",
                        MIGRATIONS_FIRST);
        assertThat(violationsAfter(t -> resource(t, "DatabaseSetup").remove("CodeVersion")))
                .containsExactly("DatabaseSetup does not run again for every new worker jar (CodeVersion from "
                        + "DatabaseSetupFunction.Version, the worker's CodeUri)");
    }

    private static final String MIGRATIONS_FIRST = "WorkerFunction does not refer to DatabaseSetup outside its "
            + "events, so its new code may be published before the migrations ran";

    @Test
    void aDatabaseWithoutTheBudgetsConnectionLimitOrAFixedEngineVersionIsCaught() {
        assertThat(violationsAfter(
                        t -> map(resource(t, "DatabaseClusterParameters").get("Parameters"))
                                .put("max_connections", 500)))
                .containsExactly(
                        "DatabaseCluster's parameter group does not set max_connections from DbMaxConnections");
        assertThat(violationsAfter(t -> resource(t, "DatabaseCluster").remove("DBClusterParameterGroupName")))
                .contains("DatabaseCluster's parameter group does not set max_connections from DbMaxConnections");
        assertThat(violationsAfter(t -> resource(t, "DatabaseCluster").put("EngineVersion", "17.4")))
                .containsExactly(ENGINE);
        assertThat(violationsAfter(t -> parameter(t, "DatabaseEngineVersion").put("Default", "16.8")))
                .containsExactly(ENGINE);
        assertThat(violationsAfter(t -> resource(t, "DatabaseClusterParameters").put("Family", "aurora-postgresql16")))
                .containsExactly("DatabaseCluster's EngineVersion is not DatabaseEngineVersion, a aurora-postgresql16 "
                        + "version by its pattern and default");
    }

    private static final String ENGINE = "DatabaseCluster's EngineVersion is not DatabaseEngineVersion, a "
            + "aurora-postgresql17 version by its pattern and default";

    @Test
    void aProxyThatCannotBeReachedOrCannotReachIsCaught() {
        assertThat(violationsAfter(t -> resource(t, "DatabaseProxy")
                        .put("VpcSecurityGroupIds", List.of(Map.of("Ref", "DatabaseSecurityGroup")))))
                .containsExactly("DatabaseProxy has no security group of its own admitting the workers on 5432");
        assertThat(violationsAfter(t -> map(t.get("Resources")).remove("DatabaseAdmitsProxy")))
                .containsExactly("DatabaseSecurityGroup does not admit DatabaseProxySecurityGroup on 5432, so the "
                        + "proxy cannot reach the cluster");
        assertThat(violationsAfter(t -> resource(t, "EndpointsAdmitProxy").put("FromPort", 5432)))
                .containsExactly("EndpointSecurityGroup does not admit DatabaseProxySecurityGroup on 443, so the proxy "
                        + "cannot read its secrets");
        assertThat(violationsAfter(
                        t -> resource(t, "DatabaseProxySecurityGroup").remove("SecurityGroupIngress")))
                .containsExactly("DatabaseProxy has no security group of its own admitting the workers on 5432");
    }

    @Test
    void anAlarmThatNotifiesNobodyIsCaught() {
        assertThat(violationsAfter(t -> resource(t, "WorkerErrorsAlarm").remove("AlarmActions")))
                .containsExactly("WorkerErrorsAlarm's AlarmActions do not notify AlarmTopic");
        assertThat(violationsAfter(t -> resource(t, "DeadLettersAlarm").put("OKActions", List.of())))
                .containsExactly("DeadLettersAlarm's OKActions do not notify AlarmTopic");
        assertThat(violationsAfter(t -> map(map(t.get("Resources")).get("AlarmEmailSubscription"))
                        .remove("Condition")))
                .containsExactly("AlarmTopic has no e-mail subscription to AlarmEmail only when AlarmEmail is given");
        assertThat(violationsAfter(t -> map(t.get("Resources")).remove("AlarmTopic")))
                .containsExactly("there is no AlarmTopic (AWS::SNS::Topic) for the alarms to notify");
    }
}
