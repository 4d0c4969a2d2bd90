package com.webhookbuffer.bootstrap.lambda;

import com.webhookbuffer.domain.processing.ConnectionBudget;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
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
            "IngestFunction", "com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent",
            "WorkerFunction", "com.amazonaws.services.lambda.runtime.events.SQSEvent",
            "DatabaseSetupFunction", "com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent");

    /**
     * Variables the functions read that the template does not set, and why: on AWS the database credentials come
     * from the secret, Lambda sets AWS_REGION itself, and the SQS endpoint is only overridden for a local SQS.
     */
    static final Set<String> NOT_SET_ON_AWS = Set.of(
            Wiring.DB_USER, Wiring.DB_PASSWORD, Wiring.AWS_ENDPOINT_URL_SQS, Wiring.AWS_REGION);

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
        rules.noPolicyGrantsAWildcardAction();
        rules.handlersExistInTheirJarsAndTakeTheirEvents();
        rules.environmentVariablesMatchWhatTheWiringReads();
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
        if (!Map.of("Ref", "WorkerTimeoutSeconds").equals(properties("WorkerFunction").get("Timeout"))) {
            violations.add("WorkerFunction.Timeout is not WorkerTimeoutSeconds");
        }
    }

    private void workersStayWithinTheConnectionBudget() {
        Map<String, Object> sqs = workerSqsEvent();
        Object concurrency = sqs == null ? null : map(sqs.get("ScalingConfig")).get("MaximumConcurrency");
        if (!Map.of("Fn::GetAtt", List.of("DatabaseSetup", "WorkerMaxConcurrency")).equals(concurrency)) {
            violations.add("ScalingConfig.MaximumConcurrency is not the connection budget's (DatabaseSetup)");
        }
        Map<String, Object> setup = properties("DatabaseSetup");
        for (String parameter : List.of("DbMaxConnections", "DbReservedConnections", "WorkerPoolSize")) {
            if (!Map.of("Ref", parameter).equals(setup.get(parameter))) {
                violations.add("DatabaseSetup." + parameter + " is not the " + parameter + " parameter");
            }
        }
        if (!Map.of("Ref", "WorkerPoolSize").equals(environment("WorkerFunction").get(Wiring.DB_POOL_SIZE))) {
            violations.add("the worker's DB_POOL_SIZE is not WorkerPoolSize, so the budget counts another pool");
        }
        if (!"com.webhookbuffer.bootstrap.lambda.DatabaseSetupFunction::handleRequest"
                .equals(properties("DatabaseSetupFunction").get("Handler"))) {
            violations.add("DatabaseSetup is not computed by DatabaseSetupFunction");
        }
        int max = defaultOf("DbMaxConnections");
        int reserved = defaultOf("DbReservedConnections");
        int pool = defaultOf("WorkerPoolSize");
        int workers = new ConnectionBudget(max, reserved, pool).eventSourceMaximumConcurrency();
        if (workers * pool > max - reserved) {
            violations.add("with the defaults, " + workers + " workers x " + pool + " connections exceed "
                    + (max - reserved));
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

    private void snapStartIsOnForEveryFunction() {
        Map<String, Object> globals = map(map(map(template.get("Globals")).get("Function")));
        for (String function : functions()) {
            Map<String, Object> properties = properties(function);
            Object snapStart = properties.getOrDefault("SnapStart", globals.get("SnapStart"));
            Object alias = properties.getOrDefault("AutoPublishAlias", globals.get("AutoPublishAlias"));
            if (!"PublishedVersions".equals(map(snapStart).get("ApplyOn")) || alias == null) {
                violations.add(function + " has no SnapStart on published versions (with AutoPublishAlias)");
            }
        }
    }

    private void noPolicyGrantsAWildcardAction() {
        walk(template, (path, key, value) -> {
            if (key.equals("Action") || key.equals("NotAction")) {
                for (Object action : value instanceof List<?> actions ? actions : List.of(value)) {
                    if (action.toString().contains("*")) {
                        violations.add("wildcard action " + action + " at " + path);
                    }
                }
            }
        }, "");
    }

    private void handlersExistInTheirJarsAndTakeTheirEvents() {
        for (String function : functions()) {
            Map<String, Object> properties = properties(function);
            Path jar = templateDirectory.resolve(properties.get("CodeUri").toString()).normalize();
            if (!Files.exists(jar)) {
                violations.add(function + ".CodeUri " + jar + " does not exist (./mvnw package builds it)");
                continue;
            }
            String className = properties.get("Handler").toString().split("::")[0];
            try (URLClassLoader loader =
                    new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
                Class<?> handler = loader.loadClass(className);
                String eventType = requestHandlerEventType(handler);
                if (!EVENT_TYPES.get(function).equals(eventType)) {
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
            if (type instanceof ParameterizedType parameterized && parameterized.getRawType().getTypeName()
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

    // ---- reading the tree ----

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
        return resources().entrySet().stream()
                .filter(e -> "AWS::Serverless::Function".equals(map(e.getValue()).get("Type")))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
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
