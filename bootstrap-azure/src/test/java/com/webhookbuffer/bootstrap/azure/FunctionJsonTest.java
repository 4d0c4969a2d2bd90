package com.webhookbuffer.bootstrap.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import com.microsoft.azure.functions.annotation.QueueTrigger;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The function.json files the package carries say what the annotations on {@link WebhookFunctions} say (the host
 * reads the files; the Maven plugin that would write them from the annotations is not used), so they cannot drift.
 */
class FunctionJsonTest {

    private static JsonNode functionJson(String function) throws IOException {
        return new ObjectMapper()
                .readTree(Path.of("src/main/azure", function, "function.json").toFile());
    }

    private static Method method(String function) {
        return Arrays.stream(WebhookFunctions.class.getMethods())
                .filter(m -> m.isAnnotationPresent(FunctionName.class)
                        && m.getAnnotation(FunctionName.class).value().equals(function))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theHttpFunctionsFileIsItsAnnotation() throws IOException {
        JsonNode json = functionJson("webhooks");
        Method method = method("webhooks");
        HttpTrigger trigger = Arrays.stream(method.getParameters())
                .map(p -> p.getAnnotation(HttpTrigger.class))
                .filter(a -> a != null)
                .findFirst()
                .orElseThrow();
        JsonNode binding = json.path("bindings").get(0);

        assertThat(json.path("entryPoint").asText())
                .isEqualTo(WebhookFunctions.class.getName() + "." + method.getName());
        assertThat(binding.path("type").asText()).isEqualTo("httpTrigger");
        assertThat(binding.path("name").asText()).isEqualTo(trigger.name());
        assertThat(binding.path("route").asText()).isEqualTo(trigger.route());
        assertThat(binding.path("dataType").asText()).isEqualTo(trigger.dataType());
        assertThat(binding.path("authLevel").asText())
                .isEqualTo(trigger.authLevel().name());
        assertThat(binding.path("methods").get(0).asText()).isEqualTo(trigger.methods()[0].name());
    }

    @Test
    void theWorkersFileIsItsAnnotationAndReadsTheTemplatesSettings() throws IOException {
        JsonNode json = functionJson("worker");
        Method method = method("worker");
        Parameter message = Arrays.stream(method.getParameters())
                .filter(p -> p.isAnnotationPresent(QueueTrigger.class))
                .findFirst()
                .orElseThrow();
        QueueTrigger trigger = message.getAnnotation(QueueTrigger.class);
        JsonNode binding = json.path("bindings").get(0);

        assertThat(json.path("entryPoint").asText())
                .isEqualTo(WebhookFunctions.class.getName() + "." + method.getName());
        assertThat(binding.path("type").asText()).isEqualTo("queueTrigger");
        assertThat(binding.path("name").asText()).isEqualTo(trigger.name());
        assertThat(binding.path("queueName").asText())
                .isEqualTo(trigger.queueName())
                .isEqualTo("%" + AzureWiring.QUEUE_NAME + "%");
        assertThat(binding.path("connection").asText())
                .isEqualTo(trigger.connection())
                .isEqualTo(AzureWiring.STORAGE_CONNECTION);
    }
}
