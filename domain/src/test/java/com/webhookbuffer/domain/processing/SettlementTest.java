package com.webhookbuffer.domain.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SettlementTest {

    @Test
    void aBackoffIsAlwaysSomeTimeSoItCannotStandForTheQueuesOwnTimeout() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Settlement.ReturnToQueue.AfterBackoff(Duration.ZERO))
                .withMessage("backoff must be > 0, was: PT0S");
        assertThat(new Settlement.ReturnToQueue.AfterBackoff(Duration.ofSeconds(1)))
                .isNotEqualTo(Settlement.ReturnToQueue.AFTER_VISIBILITY_TIMEOUT)
                .isInstanceOf(Settlement.ReturnToQueue.class);
    }
}
