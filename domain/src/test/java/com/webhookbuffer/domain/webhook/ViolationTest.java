package com.webhookbuffer.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A report of violations holds one to twenty, and says it stopped early only when it holds all twenty. */
class ViolationTest {

    private static List<Violation> violations(int count) {
        return Collections.nCopies(count, new Violation("data.version", "must be >= 1"));
    }

    @Test
    void aReportHoldsOneToTwentyViolations() {
        assertThat(Violation.requireReportable(violations(1), false)).hasSize(1);
        assertThat(Violation.requireReportable(violations(Violation.MAX_REPORTED), false))
                .hasSize(20);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Violation.requireReportable(violations(0), false))
                .withMessage("violations must not be empty");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Violation.requireReportable(violations(21), true))
                .withMessage("violations must hold at most 20, held: 21");
    }

    @Test
    void onlyAFullReportMayHaveStoppedEarly() {
        assertThat(Violation.requireReportable(violations(20), true)).hasSize(20);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Violation.requireReportable(violations(19), true))
                .withMessage("checking may stop early only once 20 violations are found, found: 19");
    }

    @Test
    void theOutcomesCarryTheRule() {
        assertThat(new AcceptOutcome.InvalidPayload(violations(3)).stoppedEarly())
                .isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> new AcceptOutcome.InvalidPayload(violations(2), true));
    }
}
