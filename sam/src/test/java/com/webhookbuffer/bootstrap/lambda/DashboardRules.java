package com.webhookbuffer.bootstrap.lambda;

import static com.webhookbuffer.bootstrap.lambda.TemplateRules.list;
import static com.webhookbuffer.bootstrap.lambda.TemplateRules.map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stack's dashboard, LagAlarm and the functions' metrics settings, against the template and the metrics contract
 * ({@link MetricsContract}): every reference in the dashboard's body names something the template has, in every
 * shape its conditions give the stack; every metric it graphs is one that the queues, the functions, the database
 * or the metrics code publish, by the dimensions they publish it with; and it shows what an operator is told to
 * watch, against the limits the template itself sets. Each check names what it found wrong.
 */
final class DashboardRules {

    static final Set<String> PSEUDO_PARAMETERS = Set.of(
            "AWS::AccountId",
            "AWS::NotificationARNs",
            "AWS::NoValue",
            "AWS::Partition",
            "AWS::Region",
            "AWS::StackId",
            "AWS::StackName",
            "AWS::URLSuffix");

    /** Attributes the template uses as numbers: the setup answers them as an integer's digits. */
    static final Set<String> NUMERIC_ATTRIBUTES = Set.of("DatabaseSetup.WorkerMaxConcurrency");

    private static final Pattern STATISTIC =
            Pattern.compile("Sum|Average|Minimum|Maximum|SampleCount|p\\d{1,2}(\\.\\d+)?");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9:.]+)}");
    /** An AllowedPattern made of digit classes only ("[1-9][0-9]{0,5}"): its values are whole numbers. */
    private static final Pattern DIGITS_ONLY = Pattern.compile("(\\[[0-9]-[0-9]](\\{\\d+(,\\d+)?})?)+");

    private static final int COLUMNS = 24;

    /** How the stack's metrics in an AWS namespace are told apart: one dimension, naming a resource of a type. */
    private record Dimension(String name, String type, String attribute) {}

    private static final Map<String, Dimension> AWS_DIMENSIONS = Map.of(
            "AWS/SQS", new Dimension("QueueName", "AWS::SQS::Queue", "QueueName"),
            "AWS/Lambda", new Dimension("FunctionName", "AWS::Serverless::Function", null),
            "AWS/RDS", new Dimension("DBInstanceIdentifier", "AWS::RDS::DBInstance", null));

    private record Row(String namespace, String metric, Map<String, String> dimensions, String stat, int period) {}

    private record Widget(String title, int x, int y, int width, int height, List<Row> rows, List<String> annotations) {

        boolean shows(String namespace, String metric, Map<String, String> dimensions, String stat, Integer period) {
            return rows.stream()
                    .anyMatch(row -> row.namespace().equals(namespace)
                            && row.metric().equals(metric)
                            && row.dimensions().equals(dimensions)
                            && (stat == null || stat.equals(row.stat()))
                            && (period == null || period == row.period()));
        }
    }

    private final Map<String, Object> template;
    private final Set<String> violations = new LinkedHashSet<>();

    private DashboardRules(Map<String, Object> template) {
        this.template = template;
    }

    static List<String> check(Map<String, Object> template) {
        DashboardRules rules = new DashboardRules(template);
        rules.functionsPublishToTheContractsNamespace();
        rules.dashboardShowsTheBufferAtWork();
        rules.lagAlarmWatchesTheWorkersP99();
        return List.copyOf(rules.violations);
    }

    private void functionsPublishToTheContractsNamespace() {
        Map<String, Object> globals =
                map(map(map(map(template.get("Globals")).get("Function")).get("Environment"))
                        .get("Variables"));
        for (String function :
                MetricsContract.FUNCTIONS.keySet().stream().sorted().toList()) {
            Map<String, Object> environment = new HashMap<>(globals);
            environment.putAll(map(map(properties(function).get("Environment")).get("Variables")));
            if (!Map.of("Fn::Sub", MetricsContract.NAMESPACE)
                    .equals(environment.get(MetricsContract.NAMESPACE_VARIABLE))) {
                violations.add(function + "'s " + MetricsContract.NAMESPACE_VARIABLE + " is not "
                        + MetricsContract.NAMESPACE + ", the namespace the dashboard and LagAlarm read");
            }
            if (!"on".equals(environment.get(MetricsContract.SWITCH_VARIABLE))) {
                violations.add(function + "'s " + MetricsContract.SWITCH_VARIABLE + " is not \"on\"");
            }
        }
    }

    private void dashboardShowsTheBufferAtWork() {
        List<String> dashboards = resourcesOfType("AWS::CloudWatch::Dashboard");
        if (dashboards.size() != 1) {
            violations.add("there is not exactly one dashboard (AWS::CloudWatch::Dashboard) but " + dashboards);
            return;
        }
        String dashboard = dashboards.get(0);
        String name =
                String.valueOf(map(properties(dashboard).get("DashboardName")).get("Fn::Sub"));
        if (!name.contains("${AWS::StackName}") || !name.contains("${AWS::Region}")) {
            violations.add(dashboard + "'s DashboardName does not hold the stack's name and region (a dashboard is "
                    + "global to the account: stacks of one name in two regions would share it)");
        }
        Object body = properties(dashboard).get("DashboardBody");
        if (!map(body).containsKey("Fn::Sub")) {
            violations.add(dashboard + "'s DashboardBody is not a Fn::Sub of JSON text");
            return;
        }
        for (Map<String, Boolean> conditions : Conditions.everyCase(template)) {
            JsonSub.Resolved resolved;
            try {
                resolved = JsonSub.resolve(body, conditions);
            } catch (IllegalArgumentException e) {
                violations.add(dashboard + "'s DashboardBody cannot be resolved: " + e.getMessage());
                return;
            }
            resolved.references().forEach(reference -> referenceExists(reference, conditions));
            List<Widget> widgets;
            try {
                widgets = widgets(new ObjectMapper().readTree(resolved.text()));
            } catch (JsonProcessingException e) {
                violations.add(
                        dashboard + "'s DashboardBody is not JSON with " + conditions + ": " + e.getOriginalMessage());
                continue;
            }
            widgetsFitTheGrid(widgets);
            showsWhatToWatch(widgets, conditions);
        }
    }

    private void referenceExists(JsonSub.Reference reference, Map<String, Boolean> conditions) {
        String name = reference.name();
        if (name.startsWith("AWS::")) {
            if (!PSEUDO_PARAMETERS.contains(name)) {
                violations.add("the dashboard refers to ${" + name + "}, which is no pseudo parameter");
            }
            return;
        }
        if (parameters().containsKey(name)) {
            if (reference.asNumber() && !numbers(name)) {
                violations.add("the dashboard puts ${" + name + "} where a number stands, and it is no number");
            } else if (reference.followedByDigits() && !wholeNumbers(name)) {
                violations.add("the dashboard appends digits to ${" + name + "}, which multiplies only a whole "
                        + "number, and its pattern does not make it one");
            }
            return;
        }
        String resource = name.split("\\.")[0];
        if (!resources().containsKey(resource)) {
            violations.add("the dashboard refers to ${" + name + "}, which is neither a parameter, a resource nor a "
                    + "pseudo parameter");
            return;
        }
        Object condition = map(resources().get(resource)).get("Condition");
        if (condition != null && !conditions.getOrDefault(String.valueOf(condition), false)) {
            violations.add("the dashboard refers to " + resource + ", which exists only when " + condition);
        }
        if (reference.asNumber() && !NUMERIC_ATTRIBUTES.contains(name)) {
            violations.add("the dashboard puts ${" + name + "} where a number stands, and it is no number");
        }
    }

    private boolean numbers(String parameter) {
        return "Number".equals(map(parameters().get(parameter)).get("Type")) || wholeNumbers(parameter);
    }

    /** Whether a parameter's pattern admits whole numbers only, so digits appended to it multiply it. */
    private boolean wholeNumbers(String parameter) {
        Object pattern = map(parameters().get(parameter)).get("AllowedPattern");
        return pattern != null && DIGITS_ONLY.matcher(pattern.toString()).matches();
    }

    private List<Widget> widgets(JsonNode body) {
        List<Widget> widgets = new ArrayList<>();
        for (JsonNode widget : body.path("widgets")) {
            JsonNode properties = widget.path("properties");
            String title = properties
                    .path("title")
                    .asText(widget.path("type").asText() + " widget at "
                            + widget.path("x").asInt() + "," + widget.path("y").asInt());
            List<Row> rows = "metric".equals(widget.path("type").asText()) ? rows(title, properties) : List.of();
            if (!rows.isEmpty()
                    && !"${AWS::Region}".equals(properties.path("region").asText())) {
                violations.add("widget '" + title + "' does not graph the stack's region (${AWS::Region})");
            }
            List<String> annotations = new ArrayList<>();
            properties
                    .path("annotations")
                    .path("horizontal")
                    .forEach(a -> annotations.add(a.path("value").asText()));
            widgets.add(new Widget(
                    title,
                    widget.path("x").asInt(),
                    widget.path("y").asInt(),
                    widget.path("width").asInt(6),
                    widget.path("height").asInt(6),
                    rows,
                    annotations));
        }
        return widgets;
    }

    private List<Row> rows(String title, JsonNode properties) {
        List<Row> rows = new ArrayList<>();
        List<String> previous = List.of();
        for (JsonNode metric : properties.path("metrics")) {
            List<String> fields = new ArrayList<>();
            JsonNode options = null;
            for (JsonNode item : metric) {
                if (item.isObject()) {
                    options = item;
                } else {
                    fields.add(item.asText());
                }
            }
            if (fields.isEmpty() && options != null && options.has("expression")) {
                continue;
            }
            // CloudWatch's shorthand: "." repeats what the metric above has in that place.
            for (int i = 0; i < fields.size(); i++) {
                if (fields.get(i).equals(".") && i < previous.size()) {
                    fields.set(i, previous.get(i));
                }
            }
            previous = fields;
            if (fields.size() < 2 || fields.size() % 2 != 0) {
                violations.add("widget '" + title + "' has a metric that is not [namespace, name, dimension, value, "
                        + "...]: " + metric);
                continue;
            }
            Map<String, String> dimensions = new LinkedHashMap<>();
            for (int i = 2; i < fields.size(); i += 2) {
                dimensions.put(fields.get(i), fields.get(i + 1));
            }
            JsonNode own = options == null ? properties : options;
            String stat = own.path("stat").asText(properties.path("stat").asText("Average"));
            int period = own.path("period").asInt(properties.path("period").asInt(300));
            Row row = new Row(fields.get(0), fields.get(1), dimensions, stat, period);
            rowIsPublished(title, row);
            rows.add(row);
        }
        return rows;
    }

    private void rowIsPublished(String title, Row row) {
        String what = "widget '" + title + "' graphs " + row.namespace() + " " + row.metric() + " " + row.dimensions();
        Dimension dimension = AWS_DIMENSIONS.get(row.namespace());
        if (row.namespace().equals(MetricsContract.NAMESPACE)) {
            if (!MetricsContract.publishes(row.metric(), row.dimensions())) {
                violations.add(what + ", which the functions do not publish (MetricsContract)");
            }
        } else if (dimension == null) {
            violations.add(what + ": nothing in the stack publishes to " + row.namespace());
        } else if (!row.dimensions().keySet().equals(Set.of(dimension.name()))) {
            violations.add(what + ", not by " + dimension.name() + " alone");
        } else if (!names(row.dimensions().get(dimension.name()), dimension)) {
            violations.add(what + ": " + row.dimensions().get(dimension.name()) + " is no " + dimension.type()
                    + (dimension.attribute() == null ? "" : "'s " + dimension.attribute()) + " of the template's");
        }
        if (!STATISTIC.matcher(row.stat()).matches()) {
            violations.add(what + " as " + row.stat() + ", which is no CloudWatch statistic");
        }
    }

    /** Whether a dimension's value is ${Resource} (or ${Resource.Attribute}) of a resource of the dimension's type. */
    private boolean names(String value, Dimension dimension) {
        Matcher matcher = REFERENCE.matcher(value);
        if (!matcher.matches()) {
            return false;
        }
        String[] parts = matcher.group(1).split("\\.", 2);
        String attribute = parts.length == 2 ? parts[1] : null;
        return dimension.type().equals(map(resources().get(parts[0])).get("Type"))
                && Objects.equals(dimension.attribute(), attribute);
    }

    private void widgetsFitTheGrid(List<Widget> widgets) {
        for (int i = 0; i < widgets.size(); i++) {
            Widget a = widgets.get(i);
            if (a.x() < 0 || a.width() < 1 || a.x() + a.width() > COLUMNS) {
                violations.add("widget '" + a.title() + "' does not fit the dashboard's " + COLUMNS + " columns");
            }
            for (Widget b : widgets.subList(i + 1, widgets.size())) {
                if (a.x() < b.x() + b.width()
                        && b.x() < a.x() + a.width()
                        && a.y() < b.y() + b.height()
                        && b.y() < a.y() + a.height()) {
                    violations.add("widgets '" + a.title() + "' and '" + b.title() + "' overlap");
                }
            }
        }
    }

    /** What docs/aws.md tells an operator to watch, each against the limit the template sets for it. */
    private void showsWhatToWatch(List<Widget> widgets, Map<String, Boolean> conditions) {
        String emf = MetricsContract.NAMESPACE;
        Map<String, String> ingest = Map.of(MetricsContract.FUNCTION, "ingest");
        Map<String, String> worker = Map.of(MetricsContract.FUNCTION, "worker");
        if (widgets.stream()
                .noneMatch(w -> w.shows(emf, "Accepted", ingest, "Sum", 60)
                        && w.shows(emf, "Rejected", ingest, "Sum", 60)
                        && w.shows(emf, "Written", worker, "Sum", 60))) {
            violations.add("the dashboard does not show requests accepted and rejected beside orders written, per "
                    + "minute (Sum, 60 s)");
        }

        String queue = workerQueue();
        String dlq = resourceOf(map(properties(queue).get("RedrivePolicy")).get("deadLetterTargetArn"));
        Map<String, String> queueName = Map.of("QueueName", "${" + queue + ".QueueName}");
        if (widgets.stream()
                .noneMatch(w -> w.shows("AWS/SQS", "ApproximateNumberOfMessagesVisible", queueName, null, null))) {
            violations.add("the dashboard does not show " + queue + "'s ApproximateNumberOfMessagesVisible");
        }
        String oldest = thresholdOfTheAlarmOn("ApproximateAgeOfOldestMessage");
        if (widgets.stream()
                .noneMatch(w -> w.shows("AWS/SQS", "ApproximateAgeOfOldestMessage", queueName, null, null)
                        && (oldest == null || w.annotations().contains(oldest)))) {
            violations.add("the dashboard does not show " + queue + "'s ApproximateAgeOfOldestMessage against its "
                    + "alarm's threshold " + oldest);
        }
        if (widgets.stream()
                .noneMatch(w -> w.shows(
                        "AWS/SQS",
                        "ApproximateNumberOfMessagesVisible",
                        Map.of("QueueName", "${" + dlq + ".QueueName}"),
                        null,
                        null))) {
            violations.add("the dashboard does not show " + dlq + "'s ApproximateNumberOfMessagesVisible");
        }

        String maximumConcurrency =
                reference(map(workerSqsEvent().get("ScalingConfig")).get("MaximumConcurrency"));
        if (widgets.stream()
                .noneMatch(w -> w.shows(
                                "AWS/Lambda",
                                "ConcurrentExecutions",
                                Map.of("FunctionName", "${WorkerFunction}"),
                                "Maximum",
                                null)
                        && w.annotations().contains(maximumConcurrency))) {
            violations.add("the dashboard does not show WorkerFunction's ConcurrentExecutions (Maximum) against its "
                    + "MaximumConcurrency " + maximumConcurrency);
        }

        for (String instance : resourcesOfType("AWS::RDS::DBInstance")) {
            Object condition = map(resources().get(instance)).get("Condition");
            if (condition != null && !conditions.getOrDefault(String.valueOf(condition), false)) {
                continue;
            }
            String maxConnections = maxConnections(instance);
            if (widgets.stream()
                    .noneMatch(w -> w.shows(
                                    "AWS/RDS",
                                    "DatabaseConnections",
                                    Map.of("DBInstanceIdentifier", "${" + instance + "}"),
                                    "Maximum",
                                    null)
                            && w.annotations().contains(maxConnections))) {
                violations.add("the dashboard does not show " + instance + "'s DatabaseConnections (Maximum) against "
                        + "its max_connections " + maxConnections);
            }
        }

        String lag = thresholdOfTheAlarmOn("Lag");
        if (widgets.stream()
                .noneMatch(w -> w.shows(emf, "Lag", worker, "p50", null)
                        && w.shows(emf, "Lag", worker, "p99", null)
                        && (lag == null || w.annotations().contains(lag)))) {
            violations.add("the dashboard does not show Lag's p50 and p99 against LagAlarm's threshold " + lag);
        }
    }

    /** The queue the worker's SQS event reads. */
    private String workerQueue() {
        return resourceOf(workerSqsEvent().get("Queue"));
    }

    /** The max_connections its cluster's parameter group sets, as a reference ("${DbMaxConnections}"). */
    private String maxConnections(String instance) {
        String cluster = resourceOf(properties(instance).get("DBClusterIdentifier"));
        String group = resourceOf(properties(cluster).get("DBClusterParameterGroupName"));
        return reference(map(properties(group).get("Parameters")).get("max_connections"));
    }

    private String thresholdOfTheAlarmOn(String metric) {
        return resourcesOfType("AWS::CloudWatch::Alarm").stream()
                .map(this::properties)
                .filter(alarm -> metric.equals(alarm.get("MetricName")))
                .map(alarm -> reference(alarm.get("Threshold")))
                .findFirst()
                .orElse(null);
    }

    private void lagAlarmWatchesTheWorkersP99() {
        List<String> alarms = resourcesOfType("AWS::CloudWatch::Alarm").stream()
                .filter(alarm -> "Lag".equals(properties(alarm).get("MetricName")))
                .toList();
        if (alarms.isEmpty()) {
            violations.add(
                    "no alarm on the worker's Lag (p99 of " + MetricsContract.NAMESPACE + " Lag, Function=worker)");
        }
        for (String alarm : alarms) {
            Map<String, Object> properties = properties(alarm);
            if (!Map.of("Fn::Sub", MetricsContract.NAMESPACE).equals(properties.get("Namespace"))
                    || !List.of(Map.of("Name", MetricsContract.FUNCTION, "Value", "worker"))
                            .equals(properties.get("Dimensions"))
                    || !"p99".equals(properties.get("ExtendedStatistic"))
                    || properties.containsKey("Statistic")) {
                violations.add(alarm + " does not watch p99 of " + MetricsContract.NAMESPACE
                        + " Lag with the dimensions [Function=worker] alone");
            }
            if (!Map.of("Fn::Sub", "${LagAlarmSeconds}000").equals(properties.get("Threshold"))
                    || !parameters().containsKey("LagAlarmSeconds")
                    || !wholeNumbers("LagAlarmSeconds")) {
                violations.add(alarm + "'s threshold is not LagAlarmSeconds in the metric's milliseconds "
                        + "(${LagAlarmSeconds}000, the parameter whole seconds by its pattern)");
            }
            if (!"notBreaching".equals(properties.get("TreatMissingData"))) {
                violations.add(alarm + " does not treat missing data as not breaching: a quiet stack writes no Lag");
            }
            for (String actions : List.of("AlarmActions", "OKActions")) {
                if (!TemplateRules.items(properties.get(actions)).contains(Map.of("Ref", "AlarmTopic"))) {
                    violations.add(alarm + "'s " + actions + " do not notify AlarmTopic");
                }
            }
        }
    }

    // ---- reading the template ----

    /** A value as the dashboard's body refers to it: "${Name}", "${Resource.Attribute}", a Sub's text, a literal. */
    private static String reference(Object node) {
        Map<String, Object> function = map(node);
        if (function.get("Ref") instanceof String name) {
            return "${" + name + "}";
        }
        if (function.get("Fn::GetAtt") instanceof List<?> attribute && attribute.size() == 2) {
            return "${" + attribute.get(0) + "." + attribute.get(1) + "}";
        }
        if (function.containsKey("Fn::Sub")) {
            return JsonSub.resolveString(function, Map.of()).text();
        }
        return String.valueOf(node);
    }

    /** The resource a Ref or Fn::GetAtt names. */
    private static String resourceOf(Object node) {
        Map<String, Object> function = map(node);
        if (function.get("Ref") instanceof String name) {
            return name;
        }
        List<?> attribute = list(function.get("Fn::GetAtt"));
        return attribute.isEmpty() ? String.valueOf(node) : String.valueOf(attribute.get(0));
    }

    private Map<String, Object> workerSqsEvent() {
        for (Object event : map(properties("WorkerFunction").get("Events")).values()) {
            if ("SQS".equals(map(event).get("Type"))) {
                return map(map(event).get("Properties"));
            }
        }
        return Map.of();
    }

    private List<String> resourcesOfType(String type) {
        return TemplateRules.resourcesOfType(template, type);
    }

    private Map<String, Object> resources() {
        return map(template.get("Resources"));
    }

    private Map<String, Object> parameters() {
        return map(template.get("Parameters"));
    }

    private Map<String, Object> properties(String resource) {
        return map(map(resources().get(resource)).get("Properties"));
    }
}
