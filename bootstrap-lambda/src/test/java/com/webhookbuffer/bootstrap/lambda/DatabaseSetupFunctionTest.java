package com.webhookbuffer.bootstrap.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.webhookbuffer.adapter.persistence.TestPostgres;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The deploy-time setup against a real PostgreSQL and a real HTTP socket standing in for CloudFormation's
 * pre-signed response URL.
 */
class DatabaseSetupFunctionTest {

    private final CloudFormationStub cloudFormation = new CloudFormationStub();

    @AfterEach
    void stop() {
        cloudFormation.close();
    }

    private CloudFormationCustomResourceEvent event(String type, Map<String, Object> properties) {
        return cloudFormation.event(type, properties);
    }

    private JsonNode answer() throws Exception {
        return cloudFormation.answer();
    }

    @Test
    void createMigratesAndAnswersTheWorkersMaximumConcurrency() throws Exception {
        new DatabaseSetupFunction(TestPostgres::shared).handleRequest(event("Create",
                Map.of("DbMaxConnections", "90", "DbReservedConnections", "10", "WorkerPoolSize", "2")), null);

        JsonNode answer = answer();
        assertThat(answer.get("Status").asText()).isEqualTo("SUCCESS");
        assertThat(answer.get("Data").get("WorkerMaxConcurrency").asText()).isEqualTo("40");
        assertThat(answer.get("LogicalResourceId").asText()).isEqualTo("DatabaseSetup");
    }

    @Test
    void aBudgetWithoutRoomForTwoWorkersFailsTheDeployWithItsNumbers() throws Exception {
        new DatabaseSetupFunction(TestPostgres::shared).handleRequest(event("Update",
                Map.of("DbMaxConnections", "10", "DbReservedConnections", "5", "WorkerPoolSize", "4")), null);

        JsonNode answer = answer();
        assertThat(answer.get("Status").asText()).isEqualTo("FAILED");
        assertThat(answer.get("Reason").asText()).startsWith("connection budget allows 1 worker(s)")
                .contains("dbMaxConnections (10)");
    }

    @Test
    void deleteLeavesTheSchemaAlone() throws Exception {
        new DatabaseSetupFunction(() -> {
            throw new AssertionError("delete must not touch the database");
        }).handleRequest(event("Delete", Map.of()), null);

        assertThat(answer().get("Status").asText()).isEqualTo("SUCCESS");
    }
}
