package com.webhookbuffer.bootstrap.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.webhookbuffer.bootstrap.pipeline.Settings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The Azure template's rules, checked without an Azure account: the worker app scales out no further than the
 * connection budget allows, with host.json's concurrency as its pool; the queue has its poison queue and its
 * container of large bodies; every secret is a Key Vault reference; the door never sees the database; each app runs
 * only its own function. Each rule is also shown a broken copy of the template, which it must catch.
 */
class AzureTemplateContractTest {

    private static final Path TEMPLATE = Path.of("azuredeploy.json");
    private static final String BUDGET =
            "[div(sub(parameters('dbMaxConnections'), parameters('dbReservedConnections')), "
                    + "variables('concurrentMessages'))]";
    /** Azure Database for PostgreSQL keeps 15 connections for itself. */
    private static final int AZURE_RESERVED_CONNECTIONS = 15;

    private static final Set<String> SECRET_SETTINGS = Set.of(
            "AzureWebJobsStorage", AzureWiring.STORAGE_CONNECTION, Settings.WEBHOOK_SECRETS, Settings.DB_PASSWORD);
    private static final Set<String> DATABASE_SETTINGS =
            Set.of(Settings.DB_URL, Settings.DB_USER, Settings.DB_PASSWORD, Settings.DB_POOL_SIZE);

    private static ObjectNode template() throws IOException {
        return (ObjectNode) new ObjectMapper().readTree(TEMPLATE.toFile());
    }

    /** What is wrong with {@code template}, one sentence a rule. */
    static List<String> violations(JsonNode template) {
        List<String> violations = new ArrayList<>();
        JsonNode variables = template.path("variables");
        JsonNode parameters = template.path("parameters");
        if (variables.path("concurrentMessages").asInt() != HostSettings.concurrentMessages()) {
            violations.add("concurrentMessages is not host.json's batchSize + newBatchThreshold ("
                    + HostSettings.concurrentMessages() + ")");
        }
        if (variables.path("maxDequeueCount").asInt() != HostSettings.MAX_DEQUEUE_COUNT) {
            violations.add("maxDequeueCount is not host.json's (" + HostSettings.MAX_DEQUEUE_COUNT + ")");
        }
        JsonNode worker = site(template, "workerAppName");
        JsonNode door = site(template, "ingestAppName");
        if (!BUDGET.equals(worker.path("properties")
                .path("siteConfig")
                .path("functionAppScaleLimit")
                .asText())) {
            violations.add("the worker app's functionAppScaleLimit is not the connection budget " + BUDGET);
        }
        if (door.path("properties").path("siteConfig").has("functionAppScaleLimit")) {
            violations.add("the door's app is scale-limited: it must take webhooks at any rate");
        }
        int max = parameters.path("dbMaxConnections").path("defaultValue").asInt();
        int reserved =
                parameters.path("dbReservedConnections").path("defaultValue").asInt();
        try {
            HostSettings.maxInstances(max, reserved);
        } catch (IllegalArgumentException e) {
            violations.add("the default budget leaves no worker instance: " + e.getMessage());
        }
        if (parameters.path("dbReservedConnections").path("minValue").asInt() < AZURE_RESERVED_CONNECTIONS) {
            violations.add("dbReservedConnections may be below the 15 connections Azure keeps for itself");
        }
        JsonNode maxConnections =
                resource(template, "Microsoft.DBforPostgreSQL/flexibleServers/configurations", "/max_connections')]");
        if (!"[string(parameters('dbMaxConnections'))]"
                .equals(maxConnections.path("properties").path("value").asText())) {
            violations.add("the server's max_connections is not dbMaxConnections, so the budget counts another number");
        }
        for (String suffix : List.of("'-poison')]", "'-bodies')]")) {
            boolean found = false;
            for (JsonNode resource : template.path("resources")) {
                found |= resource.path("name").asText().endsWith("variables('queueName'), " + suffix);
            }
            if (!found) {
                violations.add("no " + suffix.substring(1, suffix.indexOf('\'', 1)) + " beside the queue");
            }
        }
        Map<String, String> doorSettings = settings(door);
        Map<String, String> workerSettings = settings(worker);
        for (Map.Entry<String, Map<String, String>> app :
                Map.of("door", doorSettings, "worker", workerSettings).entrySet()) {
            app.getValue().forEach((name, value) -> {
                if (SECRET_SETTINGS.contains(name) && !value.startsWith("[concat('@Microsoft.KeyVault(SecretUri=")) {
                    violations.add("the " + app.getKey() + "'s " + name + " is not a Key Vault reference");
                }
                if (value.contains("listKeys(") || value.contains("Password')")) {
                    violations.add("the " + app.getKey() + "'s " + name + " holds a secret in plain text");
                }
            });
        }
        if (!"[string(variables('concurrentMessages'))]".equals(workerSettings.get(Settings.DB_POOL_SIZE))) {
            violations.add("the worker's DB_POOL_SIZE is not concurrentMessages, so the budget counts another pool");
        }
        if (!"[string(variables('maxDequeueCount'))]".equals(workerSettings.get(AzureWiring.MAX_DEQUEUE_COUNT))) {
            violations.add("the worker's MAX_DEQUEUE_COUNT is not host.json's maxDequeueCount");
        }
        for (String name : DATABASE_SETTINGS) {
            if (doorSettings.containsKey(name)) {
                violations.add("the door's app has " + name + ": it never needs the database");
            }
        }
        if (!"true".equals(doorSettings.get("AzureWebJobs.worker.Disabled"))
                || !"true".equals(workerSettings.get("AzureWebJobs.webhooks.Disabled"))) {
            violations.add("an app runs the other's function (AzureWebJobs.<function>.Disabled)");
        }
        for (String name : AzureWiring.VARIABLES) {
            boolean optional = name.startsWith("RETRY_")
                    || name.equals(Settings.WEBHOOK_TOLERANCE_SECONDS)
                    || name.equals(Settings.MAX_BODY_BYTES);
            if (!optional && !doorSettings.containsKey(name) && !workerSettings.containsKey(name)) {
                violations.add(name + " is read by the functions but set by neither app");
            }
        }
        return violations;
    }

    private static JsonNode site(JsonNode template, String nameVariable) {
        return resource(template, "Microsoft.Web/sites", "[variables('" + nameVariable + "')]");
    }

    private static JsonNode resource(JsonNode template, String type, String nameEnding) {
        for (JsonNode resource : template.path("resources")) {
            if (resource.path("type").asText().equals(type)
                    && resource.path("name").asText().endsWith(nameEnding)) {
                return resource;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static Map<String, String> settings(JsonNode site) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (JsonNode setting : site.path("properties").path("siteConfig").path("appSettings")) {
            settings.put(setting.path("name").asText(), setting.path("value").asText());
        }
        return settings;
    }

    private static List<String> violationsAfter(Consumer<ObjectNode> breakIt) throws IOException {
        ObjectNode copy = template();
        breakIt.accept(copy);
        return violations(copy);
    }

    private static ObjectNode workerSiteConfig(ObjectNode template) {
        return (ObjectNode) site(template, "workerAppName").path("properties").path("siteConfig");
    }

    private static void setWorkerSetting(ObjectNode template, String name, String value) {
        for (JsonNode setting : workerSiteConfig(template).path("appSettings")) {
            if (setting.path("name").asText().equals(name)) {
                ((ObjectNode) setting).put("value", value);
            }
        }
    }

    @Test
    void theTemplateKeepsEveryRule() throws IOException {
        assertThat(violations(template())).isEmpty();
    }

    @Test
    void aScaleLimitBesideTheBudgetIsCaught() throws IOException {
        assertThat(violationsAfter(t -> workerSiteConfig(t).put("functionAppScaleLimit", 200)))
                .containsExactly("the worker app's functionAppScaleLimit is not the connection budget " + BUDGET);
    }

    @Test
    void aPoolOrAConcurrencyBesideHostJsonIsCaught() throws IOException {
        assertThat(violationsAfter(t -> setWorkerSetting(t, Settings.DB_POOL_SIZE, "30")))
                .containsExactly(
                        "the worker's DB_POOL_SIZE is not concurrentMessages, so the budget counts another pool");
        assertThat(violationsAfter(t -> ((ObjectNode) t.path("variables")).put("concurrentMessages", 20)))
                .containsExactly("concurrentMessages is not host.json's batchSize + newBatchThreshold ("
                        + HostSettings.concurrentMessages() + ")");
    }

    @Test
    void aSecretInPlainTextIsCaught() throws IOException {
        assertThat(violationsAfter(t -> setWorkerSetting(t, Settings.DB_PASSWORD, "[parameters('dbAdminPassword')]")))
                .containsExactly(
                        "the worker's DB_PASSWORD is not a Key Vault reference",
                        "the worker's DB_PASSWORD holds a secret in plain text");
    }

    @Test
    void aMissingPoisonQueueAndAReserveBelowAzuresAreCaught() throws IOException {
        assertThat(violationsAfter(t -> {
                    var resources = (com.fasterxml.jackson.databind.node.ArrayNode) t.path("resources");
                    for (int i = 0; i < resources.size(); i++) {
                        if (resources.get(i).path("name").asText().endsWith("'-poison')]")) {
                            resources.remove(i);
                            return;
                        }
                    }
                }))
                .containsExactly("no -poison beside the queue");
        assertThat(violationsAfter(
                        t -> ((ObjectNode) t.path("parameters").path("dbReservedConnections")).put("minValue", 0)))
                .containsExactly("dbReservedConnections may be below the 15 connections Azure keeps for itself");
    }

    @Test
    void theDoorWithTheDatabaseOrBothFunctionsInOneAppIsCaught() throws IOException {
        assertThat(violationsAfter(t -> {
                    var door = (com.fasterxml.jackson.databind.node.ArrayNode) site(t, "ingestAppName")
                            .path("properties")
                            .path("siteConfig")
                            .path("appSettings");
                    door.addObject().put("name", Settings.DB_USER).put("value", "webhookbuffer");
                    for (JsonNode setting : door) {
                        if (setting.path("name").asText().equals("AzureWebJobs.worker.Disabled")) {
                            ((ObjectNode) setting).put("value", "false");
                        }
                    }
                }))
                .containsExactly(
                        "the door's app has DB_USER: it never needs the database",
                        "an app runs the other's function (AzureWebJobs.<function>.Disabled)");
    }
}
