package com.webhookbuffer.bootstrap.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import com.webhookbuffer.adapter.persistence.TestPostgres;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The deploy-time setup against a real PostgreSQL and a real HTTP socket standing in for CloudFormation's
 * pre-signed response URL.
 */
class DatabaseSetupFunctionTest {

    private HttpServer cloudFormation;
    private final BlockingQueue<String> responses = new ArrayBlockingQueue<>(4);

    @BeforeEach
    void listen() throws Exception {
        cloudFormation = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        cloudFormation.createContext("/", exchange -> {
            responses.add(exchange.getRequestMethod() + " " + new String(exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        cloudFormation.start();
    }

    @AfterEach
    void stop() {
        cloudFormation.stop(0);
    }

    private CloudFormationCustomResourceEvent event(String type, Map<String, Object> properties) {
        CloudFormationCustomResourceEvent event = new CloudFormationCustomResourceEvent();
        event.setRequestType(type);
        event.setResponseUrl("http://127.0.0.1:" + cloudFormation.getAddress().getPort() + "/response");
        event.setStackId("arn:aws:cloudformation:eu-west-1:123456789012:stack/webhook-buffer/1");
        event.setRequestId("req-1");
        event.setLogicalResourceId("DatabaseSetup");
        event.setResourceProperties(properties);
        return event;
    }

    private JsonNode answer() throws Exception {
        String response = responses.poll(10, TimeUnit.SECONDS);
        assertThat(response).startsWith("PUT ");
        return new ObjectMapper().readTree(response.substring(4));
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
