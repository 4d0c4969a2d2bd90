package com.webhookbuffer.domain.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConnectionBudgetTest {

    @ParameterizedTest(name = "({0} - {1}) / {2} = {3}")
    @CsvSource({"90,0,1,90", "90,10,1,80", "90,10,3,26", "90,10,80,1", "4,1,1,3", "1,0,1,1"})
    void workersShareWhatIsLeftAfterTheReserveRoundedDown(int max, int reserved, int pool, int expected) {
        ConnectionBudget budget = new ConnectionBudget(max, reserved, pool);

        assertThat(budget.maxWorkerConcurrency()).isEqualTo(expected);
        assertThat(budget.maxWorkerConcurrency() * pool).isLessThanOrEqualTo(max - reserved);
    }

    @Test
    void aBudgetWithNoRoomForAWorkerIsRefusedWithTheNumbersThatCauseIt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ConnectionBudget(90, 89, 2))
                .withMessage("connection budget leaves no room for a worker: dbMaxConnections (90) - "
                        + "dbReservedConnections (89) must be >= workerPoolSize (2)");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ConnectionBudget(0, 0, 1))
                .withMessage("dbMaxConnections must be >= 1, was: 0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ConnectionBudget(10, -1, 1))
                .withMessage("dbReservedConnections must be >= 0, was: -1");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ConnectionBudget(10, 0, 0))
                .withMessage("workerPoolSize must be >= 1, was: 0");
    }

    @Test
    void aBudgetWithExactlyOneWorkersRoomIsAllowedButNotOneConnectionLess() {
        assertThat(new ConnectionBudget(90, 88, 2).maxWorkerConcurrency()).isEqualTo(1);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ConnectionBudget(90, 89, 2))
                .withMessageStartingWith("connection budget leaves no room for a worker");
        assertThat(new ConnectionBudget(1, 0, 1).workerConnections()).isEqualTo(1);
        assertThat(new ConnectionBudget(10, 0, 10).maxWorkerConcurrency()).isEqualTo(1);
    }
}
