package com.webhookbuffer.bootstrap.lambda.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.webhookbuffer.bootstrap.lambda.CloudFormationStub;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The first step of a deploy, against a real HTTP socket standing in for CloudFormation's pre-signed response URL:
 * an account that cannot reserve what the stack asks is refused with the numbers, before anything is created.
 */
class ConcurrencyCheckFunctionTest {

    private static final Map<String, Object> DEFAULTS = Map.of(
            "DbMaxConnections",
            "90",
            "DbReservedConnections",
            "10",
            "WorkerPoolSize",
            "1",
            "IngestReservedConcurrency",
            "50");

    private final CloudFormationStub cloudFormation = new CloudFormationStub();

    @AfterEach
    void stop() {
        cloudFormation.close();
    }

    @Test
    void anAccountThatCannotReserveWhatTheStackNeedsFailsTheDeployWithTheNumbers() throws Exception {
        // A new account: a quota of 10, where the default budget wants 80 for the worker and 50 for ingest.
        new ConcurrencyCheckFunction(() -> OptionalInt.of(10))
                .handleRequest(cloudFormation.event("Create", DEFAULTS), null);

        JsonNode answer = cloudFormation.answer();
        assertThat(answer.get("Status").asText()).isEqualTo("FAILED");
        assertThat(answer.get("Reason").asText())
                .startsWith("the account's Lambda concurrency quota is 10")
                .contains("reserves 80 for the worker")
                .contains("and 50 for ingest");
    }

    @Test
    void anAccountWithRoomPassesAndAnswersTheIngestReservation() throws Exception {
        new ConcurrencyCheckFunction(() -> OptionalInt.of(230))
                .handleRequest(cloudFormation.event("Update", DEFAULTS), null);

        JsonNode answer = cloudFormation.answer();
        assertThat(answer.get("Status").asText())
                .as("80 + 50 reserved, 100 left unreserved")
                .isEqualTo("SUCCESS");
        assertThat(answer.get("Data").get("IngestReservedConcurrency").asText()).isEqualTo("50");
    }

    @Test
    void oneMoreThanTheAccountCanGiveIsRefused() throws Exception {
        new ConcurrencyCheckFunction(() -> OptionalInt.of(229))
                .handleRequest(cloudFormation.event("Create", DEFAULTS), null);

        assertThat(cloudFormation.answer().get("Status").asText()).isEqualTo("FAILED");
    }

    @Test
    void aQuotaThatCannotBeReadSkipsTheCheck() throws Exception {
        new ConcurrencyCheckFunction(OptionalInt::empty).handleRequest(cloudFormation.event("Create", DEFAULTS), null);

        assertThat(cloudFormation.answer().get("Status").asText()).isEqualTo("SUCCESS");
    }

    @Test
    void deleteChecksNothing() throws Exception {
        new ConcurrencyCheckFunction(() -> {
                    throw new AssertionError("delete must not read the quota");
                })
                .handleRequest(cloudFormation.event("Delete", Map.of()), null);

        assertThat(cloudFormation.answer().get("Status").asText()).isEqualTo("SUCCESS");
    }

    @Test
    void aMissingPropertyIsAnsweredFailedWithItsName() throws Exception {
        new ConcurrencyCheckFunction(() -> OptionalInt.of(1000))
                .handleRequest(
                        cloudFormation.event(
                                "Create",
                                Map.of("DbMaxConnections", "90", "DbReservedConnections", "10", "WorkerPoolSize", "1")),
                        null);

        JsonNode answer = cloudFormation.answer();
        assertThat(answer.get("Status").asText()).isEqualTo("FAILED");
        assertThat(answer.get("Reason").asText()).isEqualTo("IngestReservedConcurrency is required");
    }
}
