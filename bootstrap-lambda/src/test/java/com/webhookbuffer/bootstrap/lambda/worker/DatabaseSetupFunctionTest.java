package com.webhookbuffer.bootstrap.lambda.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.webhookbuffer.adapter.persistence.DatabaseLogin;
import com.webhookbuffer.adapter.persistence.DatabaseSettings;
import com.webhookbuffer.adapter.persistence.TestPostgres;
import com.webhookbuffer.bootstrap.lambda.CloudFormationStub;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        // The test server's max_connections in force is 60: 50 asked is what the budget counts.
        new DatabaseSetupFunction(TestPostgres::shared)
                .handleRequest(
                        event(
                                "Create",
                                Map.of("DbMaxConnections", "50", "DbReservedConnections", "10", "WorkerPoolSize", "2")),
                        null);

        JsonNode answer = answer();
        assertThat(answer.get("Status").asText()).isEqualTo("SUCCESS");
        assertThat(answer.get("Data").get("WorkerMaxConcurrency").asText()).isEqualTo("20");
        assertThat(answer.get("Data").get("SchemaVersion").asText()).isEqualTo("3");
        assertThat(answer.get("Data").get("WorkerConnectionsPercent").asText())
                .as("40 of 50")
                .isEqualTo("80");
        assertThat(answer.get("LogicalResourceId").asText()).isEqualTo("DatabaseSetup");
    }

    @Test
    void aMaxConnectionsNotYetInForceIsNotCounted() throws Exception {
        // 90 asked (a parameter group changed, the reboot still to come), 60 in force: the budget counts 60.
        new DatabaseSetupFunction(TestPostgres::shared)
                .handleRequest(
                        event(
                                "Update",
                                Map.of("DbMaxConnections", "90", "DbReservedConnections", "10", "WorkerPoolSize", "2")),
                        null);

        JsonNode answer = answer();
        assertThat(answer.get("Status").asText()).isEqualTo("SUCCESS");
        assertThat(answer.get("Data").get("WorkerMaxConcurrency").asText())
                .as("(60 - 10) / 2, not (90 - 10) / 2")
                .isEqualTo("25");
        assertThat(answer.get("Data").get("WorkerConnectionsPercent").asText())
                .as("50 of 60")
                .isEqualTo("83");
    }

    @Test
    void theWorkersRoleCannotOpenMoreConnectionsThanItsShareOfTheBudget() throws Exception {
        DatabaseSettings owner = TestPostgres.shared();
        DatabaseLogin worker = new DatabaseLogin("limited_worker", "limited-worker-password");
        // 2 workers of 2 connections, plus the rotation's one login: 5.
        new DatabaseSetupFunction(() -> owner, () -> Optional.of(worker))
                .handleRequest(
                        event(
                                "Create",
                                Map.of("DbMaxConnections", "14", "DbReservedConnections", "10", "WorkerPoolSize", "2")),
                        null);
        assertThat(answer().get("Status").asText()).isEqualTo("SUCCESS");
        assertThat(TestPostgres.count(owner, "SELECT rolconnlimit FROM pg_roles WHERE rolname = 'limited_worker'"))
                .isEqualTo(5);

        // The embedded server's URL names its owner; the worker logs in as itself.
        String url = owner.jdbcUrl().replace("?user=postgres", "");
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                held.add(DriverManager.getConnection(url, worker.user(), worker.password()));
            }
            assertThatThrownBy(() -> DriverManager.getConnection(url, worker.user(), worker.password())
                            .close())
                    .as("the database itself refuses the sixth")
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("too many connections for role \"limited_worker\"");
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
    }

    @Test
    void aBudgetWithoutRoomForTwoWorkersFailsTheDeployWithItsNumbers() throws Exception {
        new DatabaseSetupFunction(TestPostgres::shared)
                .handleRequest(
                        event(
                                "Update",
                                Map.of("DbMaxConnections", "10", "DbReservedConnections", "5", "WorkerPoolSize", "4")),
                        null);

        JsonNode answer = answer();
        assertThat(answer.get("Status").asText()).isEqualTo("FAILED");
        assertThat(answer.get("Reason").asText())
                .startsWith("connection budget allows 1 worker(s)")
                .contains("dbMaxConnections (10)");
    }

    @Test
    void deleteLeavesTheSchemaAlone() throws Exception {
        new DatabaseSetupFunction(() -> {
                    throw new AssertionError("delete must not touch the database");
                })
                .handleRequest(event("Delete", Map.of()), null);

        assertThat(answer().get("Status").asText()).isEqualTo("SUCCESS");
    }

    @Test
    void anErrorNotJustAnExceptionIsAnsweredFailed() throws Exception {
        new DatabaseSetupFunction(() -> {
                    throw new NoClassDefFoundError("org/example/Missing");
                })
                .handleRequest(
                        event(
                                "Create",
                                Map.of("DbMaxConnections", "90", "DbReservedConnections", "10", "WorkerPoolSize", "1")),
                        null);

        JsonNode answer = answer();
        assertThat(answer.get("Status").asText()).isEqualTo("FAILED");
        assertThat(answer.get("Reason").asText()).isEqualTo("org/example/Missing");
    }

    @Test
    void aSetupThatWouldOutliveTheFunctionIsAnsweredFailedWhileThereIsTimeToAnswer() throws Exception {
        long started = System.nanoTime();
        new DatabaseSetupFunction(() -> {
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return TestPostgres.shared();
                })
                .handleRequest(
                        event(
                                "Update",
                                Map.of("DbMaxConnections", "90", "DbReservedConnections", "10", "WorkerPoolSize", "1")),
                        withRemainingTime(CustomResourceAnswer.ANSWER_MARGIN.plusSeconds(2)));

        JsonNode answer = answer();
        assertThat(answer.get("Status").asText()).isEqualTo("FAILED");
        assertThat(answer.get("Reason").asText()).startsWith("the database setup did not finish within 2 s");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    /** A Lambda context that knows only how much time is left: all the setup asks of it. */
    private static Context withRemainingTime(Duration remaining) {
        return new Context() {
            @Override
            public String getAwsRequestId() {
                return "req-1";
            }

            @Override
            public String getLogGroupName() {
                return null;
            }

            @Override
            public String getLogStreamName() {
                return null;
            }

            @Override
            public String getFunctionName() {
                return "DatabaseSetupFunction";
            }

            @Override
            public String getFunctionVersion() {
                return "1";
            }

            @Override
            public String getInvokedFunctionArn() {
                return null;
            }

            @Override
            public CognitoIdentity getIdentity() {
                return null;
            }

            @Override
            public ClientContext getClientContext() {
                return null;
            }

            @Override
            public int getRemainingTimeInMillis() {
                return (int) remaining.toMillis();
            }

            @Override
            public int getMemoryLimitInMB() {
                return 1024;
            }

            @Override
            public LambdaLogger getLogger() {
                return null;
            }
        };
    }
}
