package com.webhookbuffer.bootstrap.lambda;

import static com.webhookbuffer.bootstrap.lambda.TemplateRules.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        Map<String, Object> queue = map(map(map(template.get("Resources")).get("OrdersQueue")).get("Properties"));

        assertThat(map(queue.get("RedrivePolicy")).get("deadLetterTargetArn"))
                .isEqualTo(Map.of("Fn::GetAtt", List.of("OrdersDeadLetterQueue", "Arn")));
        assertThat(map(queue.get("RedrivePolicy")).get("maxReceiveCount")).isEqualTo(Map.of("Ref", "MaxReceiveCount"));
    }

    private static List<String> violationsAfter(Consumer<Map<String, Object>> breakIt) {
        Map<String, Object> copy = copy(template);
        breakIt.accept(copy);
        return TemplateRules.check(copy, DIRECTORY);
    }

    private static Map<String, Object> resource(Map<String, Object> template, String name) {
        return map(map(map(template.get("Resources")).get(name)).get("Properties"));
    }

    private static Map<String, Object> workerSqsEvent(Map<String, Object> template) {
        return map(map(map(resource(template, "WorkerFunction").get("Events")).get("Orders")).get("Properties"));
    }

    @Test
    void aVisibilityTimeoutShorterThanSixWorkerTimeoutsIsCaught() {
        assertThat(violationsAfter(t -> map(map(map(t.get("Mappings")).get("VisibilityByWorkerTimeout")).get("60"))
                .put("VisibilityTimeout", 300)))
                .containsExactly("visibility timeout 300 is less than 6 x worker timeout 60");
    }

    @Test
    void aConcurrencyThatIgnoresTheBudgetIsCaught() {
        assertThat(violationsAfter(t -> map(workerSqsEvent(t).get("ScalingConfig")).put("MaximumConcurrency", 90)))
                .containsExactly("ScalingConfig.MaximumConcurrency is not the connection budget's (DatabaseSetup)");
        assertThat(violationsAfter(t -> map(resource(t, "WorkerFunction").get("Environment")).put("Variables",
                new LinkedHashMap<>(Map.of("DB_POOL_SIZE", "4"))))).contains(
                "the worker's DB_POOL_SIZE is not WorkerPoolSize, so the budget counts another pool");
    }

    @Test
    void aWorkerWithoutBatchItemFailuresIsCaught() {
        assertThat(violationsAfter(t -> workerSqsEvent(t).remove("FunctionResponseTypes"))).containsExactly(
                "the worker's SQS event does not have FunctionResponseTypes: [ReportBatchItemFailures]");
    }

    @Test
    void aQueueWithoutItsRedrivePolicyIsCaught() {
        assertThat(violationsAfter(t -> resource(t, "OrdersQueue").remove("RedrivePolicy"))).containsExactly(
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
            Map<String, Object> statement =
                    map(((List<?>) map(((List<?>) resource(t, "IngestFunction").get("Policies")).get(0))
                            .get("Statement")).get(0));
            statement.put("Action", List.of("sqs:*"));
        })).containsExactly("wildcard action sqs:* at /Resources/IngestFunction/Properties/Policies[0]/Statement[0]");
    }

    @Test
    void aHandlerThatIsNotInItsJarOrTakesAnotherEventIsCaught() {
        assertThat(violationsAfter(t -> resource(t, "IngestFunction").put("Handler",
                "com.webhookbuffer.bootstrap.lambda.WorkerFunction::handleRequest")))
                .containsExactly("IngestFunction handler com.webhookbuffer.bootstrap.lambda.WorkerFunction takes "
                        + "com.amazonaws.services.lambda.runtime.events.SQSEvent, not "
                        + "com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent");
        assertThat(violationsAfter(t -> resource(t, "WorkerFunction").put("Handler",
                "com.webhookbuffer.bootstrap.lambda.OrderWorker::handleRequest")))
                .containsExactly("WorkerFunction handler com.webhookbuffer.bootstrap.lambda.OrderWorker is not in "
                        + "bootstrap-lambda-0.1.0-SNAPSHOT-worker.jar");
    }

    @Test
    void anEnvironmentVariableNobodyReadsOrOneNobodySetsIsCaught() {
        assertThat(violationsAfter(t -> map(map(resource(t, "IngestFunction").get("Environment")).get("Variables"))
                .put("QUEUE_NAME", "orders")))
                .containsExactly("the template sets QUEUE_NAME, which no function reads");
        assertThat(violationsAfter(t -> map(map(resource(t, "IngestFunction").get("Environment")).get("Variables"))
                .remove("MAX_BODY_BYTES")))
                .containsExactly("the functions read MAX_BODY_BYTES, which the template never sets");
    }

    @SuppressWarnings("unchecked")
    private static <T> T copy(T node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k.toString(), copy(v)));
            return (T) copy;
        }
        if (node instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(copy(item)));
            return (T) copy;
        }
        return node;
    }
}
