package com.webhookbuffer.bootstrap.lambda.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.webhookbuffer.domain.processing.ConnectionBudget;
import org.junit.jupiter.api.Test;

class EventSourceBudgetTest {

    @Test
    void eventSourceConcurrencyIsCappedAtAwssMaximumAndNeverRoundedUpToItsMinimum() {
        assertThat(budget(90, 10, 1).maximum()).isEqualTo(80);
        assertThat(budget(5000, 0, 1).maximum()).isEqualTo(1000);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> budget(90, 10, 80).maximum())
                .withMessageStartingWith("connection budget allows 1 worker(s), but an SQS event source needs");
    }

    @Test
    void eventSourceConcurrencyOfExactlyTwoIsAllowedButNotOne() {
        assertThat(budget(90, 10, 40).maximum()).isEqualTo(2);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> budget(90, 11, 40).maximum())
                .withMessageStartingWith("connection budget allows 1 worker(s)");
    }

    @Test
    void eventSourceConcurrencyOfExactlyAThousandIsKeptAndOneMoreIsCapped() {
        assertThat(budget(1000, 0, 1).maximum()).isEqualTo(1000);
        assertThat(budget(1001, 0, 1).maximum()).isEqualTo(1000);
        assertThat(budget(999, 0, 1).maximum()).isEqualTo(999);
    }

    @Test
    void aPoolerInFrontOfTheDatabaseGetsTheWorkersShareRoundedDown() {
        assertThat(budget(90, 10, 1).percent()).as("80 of 90 is 88.9 %").isEqualTo(88);
        assertThat(budget(100, 10, 1).percent()).isEqualTo(90);
        assertThat(budget(3, 2, 1).percent()).as("1 of 3 is 33.3 %").isEqualTo(33);
        assertThat(budget(1000, 999, 1).percent()).as("never 0").isEqualTo(1);
    }

    private static Translated budget(int max, int reserved, int pool) {
        return new Translated(new ConnectionBudget(max, reserved, pool));
    }

    /** The budget as AWS takes it, read the way the assertions above read. */
    private record Translated(ConnectionBudget budget) {
        int maximum() {
            return EventSourceBudget.maximumConcurrency(budget);
        }

        int percent() {
            return EventSourceBudget.workerConnectionsPercent(budget);
        }
    }
}
