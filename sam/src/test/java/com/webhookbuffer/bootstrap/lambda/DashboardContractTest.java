package com.webhookbuffer.bootstrap.lambda;

import static com.webhookbuffer.bootstrap.lambda.TemplateRules.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The stack's dashboard, LagAlarm and the functions' metrics settings, checked in the build against the template and
 * the metrics contract ({@link DashboardRules}): on the template as it is (no violation), and on copies broken one
 * way at a time (each caught, so no check here can pass by accident).
 */
class DashboardContractTest {

    private static final Map<String, Boolean> CREATING_DATABASE =
            Map.of("CreatingDatabase", true, "UsingProxy", false, "MailingAlarms", false);
    private static final Map<String, Boolean> EXISTING_DATABASE =
            Map.of("CreatingDatabase", false, "UsingProxy", false, "MailingAlarms", false);

    private static Map<String, Object> template;

    @BeforeAll
    static void read() throws Exception {
        template = CloudFormationYaml.read(Path.of("template.yaml").toAbsolutePath());
    }

    @Test
    void theTemplateKeepsEveryDashboardRule() {
        assertThat(DashboardRules.check(template)).isEmpty();
    }

    @Test
    void theBodyResolvesToJsonThatKeepsItsReferences() {
        JsonSub.Resolved created = JsonSub.resolve(dashboard(template).get("DashboardBody"), CREATING_DATABASE);
        assertThat(created.text())
                .contains(
                        "[\"WebhookBuffer/${AWS::StackName}\", \"Lag\", \"Function\", \"worker\", {\"stat\": \"p99\"",
                        "\"QueueName\", \"${OrdersQueue.QueueName}\"",
                        "\"value\": \"${DatabaseSetup.WorkerMaxConcurrency}\"",
                        "\"DBInstanceIdentifier\", \"${DatabaseInstance}\"",
                        "\"value\": \"${DbMaxConnections}\"",
                        "\"value\": \"${LagAlarmSeconds}000\"");

        JsonSub.Resolved existing = JsonSub.resolve(dashboard(template).get("DashboardBody"), EXISTING_DATABASE);
        assertThat(existing.references())
                .extracting(JsonSub.Reference::name)
                .doesNotContain("DatabaseInstance")
                .contains("DbMaxConnections", "OrdersQueue.QueueName", "DatabaseSetup.WorkerMaxConcurrency");
        assertThat(existing.text()).contains("CreateDatabase=false");
    }

    @Test
    void aWidgetNamingAQueueThatDoesNotExistIsCaught() {
        assertThat(violationsAfter(t -> editBody(
                        t, body -> body.replace("${OrdersDeadLetterQueue.QueueName}", "${OrdersDlq.QueueName}"))))
                .containsExactlyInAnyOrder(
                        "the dashboard refers to ${OrdersDlq.QueueName}, which is neither a parameter, a resource "
                                + "nor a pseudo parameter",
                        "widget 'Dead-letter queue: messages' graphs AWS/SQS ApproximateNumberOfMessagesVisible "
                                + "{QueueName=${OrdersDlq.QueueName}}: ${OrdersDlq.QueueName} is no AWS::SQS::Queue's "
                                + "QueueName of the template's",
                        "the dashboard does not show OrdersDeadLetterQueue's ApproximateNumberOfMessagesVisible");
    }

    @Test
    void aQueuesUrlWhereItsNameBelongsIsCaught() {
        // !Ref of a queue is its URL; the metric's dimension is the queue's name.
        assertThat(violationsAfter(t -> editBody(
                        t,
                        body -> body.replace(
                                "\"ApproximateAgeOfOldestMessage\", \"QueueName\", \"${OrdersQueue.QueueName}\"",
                                "\"ApproximateAgeOfOldestMessage\", \"QueueName\", \"${OrdersQueue}\""))))
                .containsExactlyInAnyOrder(
                        "widget 'Orders queue: age of the oldest message (s)' graphs AWS/SQS "
                                + "ApproximateAgeOfOldestMessage {QueueName=${OrdersQueue}}: ${OrdersQueue} is no "
                                + "AWS::SQS::Queue's QueueName of the template's",
                        "the dashboard does not show OrdersQueue's ApproximateAgeOfOldestMessage against its alarm's "
                                + "threshold ${OldestMessageAlarmSeconds}");
    }

    @Test
    void aMetricTheFunctionsDoNotPublishIsCaught() {
        assertThat(violationsAfter(t -> editBody(
                        t,
                        body -> body.replace(
                                "\"Written\", \"Function\", \"worker\"", "\"Written\", \"Function\", \"ingest\""))))
                .containsExactlyInAnyOrder(
                        "widget 'Requests accepted and rejected, orders written (per minute)' graphs "
                                + "WebhookBuffer/${AWS::StackName} Written {Function=ingest}, which the functions do "
                                + "not publish (MetricsContract)",
                        "the dashboard does not show requests accepted and rejected beside orders written, per "
                                + "minute (Sum, 60 s)");
        assertThat(violationsAfter(t -> editBody(t, body -> body.replace("\"queue-unavailable\"", "\"queue-down\""))))
                .containsExactly("widget 'Requests rejected, by reason (per minute)' graphs "
                        + "WebhookBuffer/${AWS::StackName} Rejected {Function=ingest, Reason=queue-down}, which the "
                        + "functions do not publish (MetricsContract)");
        assertThat(violationsAfter(t -> editBody(t, body -> body.replace("{\"stat\": \"p50\"", "{\"stat\": \"P50\""))))
                .containsExactlyInAnyOrder(
                        "widget 'Lag: webhook accepted to order written (ms)' graphs WebhookBuffer/${AWS::StackName} "
                                + "Lag {Function=worker} as P50, which is no CloudWatch statistic",
                        "the dashboard does not show Lag's p50 and p99 against LagAlarm's threshold "
                                + "${LagAlarmSeconds}000");
        assertThat(violationsAfter(t -> variables(t).put("Namespace", Map.of("Fn::Sub", "WebhookBuffer/${Stage}"))))
                .contains("widget 'Lag: webhook accepted to order written (ms)' graphs WebhookBuffer/${Stage} Lag "
                        + "{Function=worker}: nothing in the stack publishes to WebhookBuffer/${Stage}");
    }

    @Test
    void anAnnotationAtAnotherLimitIsCaught() {
        assertThat(violationsAfter(t -> editBody(
                        t,
                        body -> body.replace("${DatabaseSetup.WorkerMaxConcurrency}", "${IngestReservedConcurrency}"))))
                .containsExactly("the dashboard does not show WorkerFunction's ConcurrentExecutions (Maximum) against "
                        + "its MaximumConcurrency ${DatabaseSetup.WorkerMaxConcurrency}");
        assertThat(violationsAfter(t -> editDatabaseWidget(
                        t,
                        1,
                        widget -> widget.replace(
                                "\"value\": ${DbMaxConnections}", "\"value\": ${DbReservedConnections}"))))
                .containsExactly("the dashboard does not show DatabaseInstance's DatabaseConnections (Maximum) against "
                        + "its max_connections ${DbMaxConnections}");
        assertThat(violationsAfter(
                        t -> editBody(t, body -> body.replace("${LagAlarmSeconds}000", "${LagAlarmSeconds}"))))
                .containsExactly("the dashboard does not show Lag's p50 and p99 against LagAlarm's threshold "
                        + "${LagAlarmSeconds}000");
        assertThat(violationsAfter(t -> editBody(
                        t, body -> body.replace("\"value\": ${OldestMessageAlarmSeconds}", "\"value\": ${Stage}"))))
                .containsExactlyInAnyOrder(
                        "the dashboard puts ${Stage} where a number stands, and it is no number",
                        "the dashboard does not show OrdersQueue's ApproximateAgeOfOldestMessage against its alarm's "
                                + "threshold ${OldestMessageAlarmSeconds}");
    }

    @Test
    void aResourceOutsideItsConditionIsCaught() {
        // The database's widget without its Fn::If: with CreateDatabase=false there is no DatabaseInstance to name.
        assertThat(violationsAfter(t -> variables(t)
                        .put(
                                "DatabaseConnectionsWidget",
                                ((List<?>) map(variables(t).get("DatabaseConnectionsWidget"))
                                                .get("Fn::If"))
                                        .get(1))))
                .containsExactly("the dashboard refers to DatabaseInstance, which exists only when CreatingDatabase");
    }

    @Test
    void aBodyThatIsNotJsonOrOverlapsIsCaught() {
        assertThat(violationsAfter(t -> editBody(
                        t, body -> body.replace("${DatabaseConnectionsWidget},", "${DatabaseConnectionsWidget}"))))
                .isNotEmpty()
                .allSatisfy(violation -> assertThat(violation).startsWith("Dashboard's DashboardBody is not JSON"));
        assertThat(violationsAfter(t -> editBody(
                        t,
                        body -> body.replace(
                                "{\"type\": \"metric\", \"x\": 16, \"y\": 14",
                                "{\"type\": \"metric\", \"x\": 12, \"y\": 14"))))
                .containsExactly("widgets 'Orders queue: age of the oldest message (s)' and 'Dead-letter queue: "
                        + "messages' overlap");
    }

    @Test
    void aDashboardNameOtherStacksCanShareIsCaught() {
        assertThat(violationsAfter(t -> dashboard(t).put("DashboardName", Map.of("Ref", "AWS::StackName"))))
                .containsExactly("Dashboard's DashboardName does not hold the stack's name and region (a dashboard is "
                        + "global to the account: stacks of one name in two regions would share it)");
    }

    @Test
    void aLagAlarmOnAnotherStatisticFunctionOrUnitIsCaught() {
        assertThat(violationsAfter(t -> {
                    lagAlarm(t).remove("ExtendedStatistic");
                    lagAlarm(t).put("Statistic", "Average");
                }))
                .containsExactly(LAG_ALARM_METRIC);
        assertThat(violationsAfter(
                        t -> lagAlarm(t).put("Dimensions", List.of(Map.of("Name", "Function", "Value", "ingest")))))
                .containsExactly(LAG_ALARM_METRIC);
        // Seconds compared with the metric's milliseconds: the alarm would fire 1000 times too early.
        assertThat(violationsAfter(t -> lagAlarm(t).put("Threshold", Map.of("Ref", "LagAlarmSeconds"))))
                .containsExactlyInAnyOrder(
                        LAG_ALARM_THRESHOLD,
                        "the dashboard does not show Lag's p50 and p99 "
                                + "against LagAlarm's threshold ${LagAlarmSeconds}");
        // A Number may be 1.5, and "1.5000" is 1.5 ms.
        assertThat(violationsAfter(t -> {
                    Map<String, Object> parameter = map(map(t.get("Parameters")).get("LagAlarmSeconds"));
                    parameter.put("Type", "Number");
                    parameter.remove("AllowedPattern");
                }))
                .containsExactlyInAnyOrder(
                        LAG_ALARM_THRESHOLD,
                        "the dashboard appends digits to ${LagAlarmSeconds}, which multiplies only a whole number, and "
                                + "its pattern does not make it one");
    }

    @Test
    void aLagAlarmThatPagesOnQuietOrPagesNobodyIsCaught() {
        assertThat(violationsAfter(t -> lagAlarm(t).put("TreatMissingData", "breaching")))
                .containsExactly("LagAlarm does not treat missing data as not breaching: a quiet stack writes no Lag");
        assertThat(violationsAfter(t -> lagAlarm(t).remove("OKActions")))
                .containsExactly("LagAlarm's OKActions do not notify AlarmTopic");
        assertThat(violationsAfter(t -> map(t.get("Resources")).remove("LagAlarm")))
                .containsExactly("no alarm on the worker's Lag (p99 of WebhookBuffer/${AWS::StackName} Lag, "
                        + "Function=worker)");
    }

    @Test
    void aFunctionPublishingElsewhereOrNotAtAllIsCaught() {
        assertThat(violationsAfter(t -> environment(t, "IngestFunction")
                        .put("METRICS_NAMESPACE", Map.of("Fn::Sub", "WebhookBuffer/${Stage}"))))
                .containsExactly("IngestFunction's METRICS_NAMESPACE is not WebhookBuffer/${AWS::StackName}, the "
                        + "namespace the dashboard and LagAlarm read");
        assertThat(violationsAfter(t -> environment(t, "WorkerFunction").remove("METRICS")))
                .containsExactly("WorkerFunction's METRICS is not \"on\"");
    }

    private static final String LAG_ALARM_METRIC =
            "LagAlarm does not watch p99 of WebhookBuffer/${AWS::StackName} Lag with the dimensions [Function=worker] "
                    + "alone";
    private static final String LAG_ALARM_THRESHOLD = "LagAlarm's threshold is not LagAlarmSeconds in the metric's "
            + "milliseconds (${LagAlarmSeconds}000, the parameter whole seconds by its pattern)";

    private static List<String> violationsAfter(Consumer<Map<String, Object>> breakIt) {
        Map<String, Object> copy = CloudFormationYaml.copy(template);
        breakIt.accept(copy);
        return DashboardRules.check(copy);
    }

    private static Map<String, Object> resource(Map<String, Object> template, String name) {
        return map(map(map(template.get("Resources")).get(name)).get("Properties"));
    }

    private static Map<String, Object> dashboard(Map<String, Object> template) {
        return resource(template, "Dashboard");
    }

    private static Map<String, Object> lagAlarm(Map<String, Object> template) {
        return resource(template, "LagAlarm");
    }

    private static Map<String, Object> environment(Map<String, Object> template, String function) {
        return map(map(resource(template, function).get("Environment")).get("Variables"));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> sub(Map<String, Object> template) {
        return (List<Object>) map(dashboard(template).get("DashboardBody")).get("Fn::Sub");
    }

    private static void editBody(Map<String, Object> template, UnaryOperator<String> edit) {
        String body = (String) sub(template).get(0);
        String edited = edit.apply(body);
        assertThat(edited).as("the edit changes the body").isNotEqualTo(body);
        sub(template).set(0, edited);
    }

    private static Map<String, Object> variables(Map<String, Object> template) {
        return map(sub(template).get(1));
    }

    /** Edits the database widget's branch: 1 with CreateDatabase=true, 2 without. */
    private static void editDatabaseWidget(Map<String, Object> template, int branch, UnaryOperator<String> edit) {
        Map<String, Object> widget = map(((List<?>) map(variables(template).get("DatabaseConnectionsWidget"))
                        .get("Fn::If"))
                .get(branch));
        String text = (String) widget.get("Fn::Sub");
        String edited = edit.apply(text);
        assertThat(edited).as("the edit changes the widget").isNotEqualTo(text);
        widget.put("Fn::Sub", edited);
    }
}
