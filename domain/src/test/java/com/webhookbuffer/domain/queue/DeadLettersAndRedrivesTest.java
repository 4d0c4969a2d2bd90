package com.webhookbuffer.domain.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeadLettersAndRedrivesTest {

    private static final Envelope ENVELOPE = new Envelope("{}", Map.of());

    @Test
    void aReasonIsKeptWholeUpToItsLimitAndShortenedPastIt() {
        String atLimit = "r".repeat(DeadLetter.MAX_REASON_LENGTH);
        String pastLimit = atLimit + "x";

        assertThat(DeadLetter.shortened(atLimit)).isSameAs(atLimit);
        assertThat(DeadLetter.shortened(pastLimit))
                .hasSize(DeadLetter.MAX_REASON_LENGTH)
                .endsWith("...")
                .startsWith("r".repeat(DeadLetter.MAX_REASON_LENGTH - 3));
        assertThat(DeadLetter.shortened("")).isEmpty();
    }

    @Test
    void aDeadLetterMayHaveBeenReceivedNeverButNotFewerTimes() {
        assertThat(new DeadLetter("m-1", 0, ENVELOPE).receiveCount()).isZero();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DeadLetter("m-1", -1, ENVELOPE))
                .withMessage("receiveCount must be >= 0, was: -1");
        assertThat(new DeadLetter("m-1", 3, ENVELOPE).reason()).isEmpty();
        assertThat(new DeadLetter("m-1", 3, ENVELOPE.with(Envelope.DEAD_LETTER_REASON, "poison")).reason())
                .contains("poison");
    }

    @Test
    void aRedriveOfAnEmptyQueueIsARedriveButOfFewerThanNothingIsNot() {
        assertThat(new Redrive("task", "orders-dlq", "orders", 0).aboutToMove()).isZero();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Redrive("task", "orders-dlq", "orders", -1))
                .withMessage("aboutToMove must be >= 0, was: -1");
    }

    @Test
    void onlyAFinishedFailedOrCancelledMoveIsOver() {
        assertThat(RedriveProgress.State.COMPLETED.isOver()).isTrue();
        assertThat(RedriveProgress.State.FAILED.isOver()).isTrue();
        assertThat(RedriveProgress.State.CANCELLED.isOver()).isTrue();
        assertThat(RedriveProgress.State.RUNNING.isOver()).isFalse();
        assertThat(RedriveProgress.State.CANCELLING.isOver()).isFalse();
    }

    @Test
    void progressCountsFromZeroAndNeverBelow() {
        assertThat(new RedriveProgress(RedriveProgress.State.RUNNING, 0, 0, Optional.empty()).moved())
                .isZero();
        assertThat(new RedriveProgress(RedriveProgress.State.COMPLETED, 5, 5, Optional.empty()).toMove())
                .isEqualTo(5);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RedriveProgress(RedriveProgress.State.RUNNING, -1, 0, Optional.empty()))
                .withMessage("moved and toMove must be >= 0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RedriveProgress(RedriveProgress.State.RUNNING, 0, -1, Optional.empty()))
                .withMessage("moved and toMove must be >= 0");
    }
}
