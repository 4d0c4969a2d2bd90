package com.webhookbuffer.domain.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.webhookbuffer.domain.testing.SeededRandom;
import java.time.Duration;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

class RetryBackoffTest {

    private final RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(2), Duration.ofMinutes(5));

    @Test
    void ceilingDoublesWithEachReceiveUpToTheCap() {
        assertThat(backoff.ceilingSeconds(1)).isEqualTo(2);
        assertThat(backoff.ceilingSeconds(2)).isEqualTo(4);
        assertThat(backoff.ceilingSeconds(5)).isEqualTo(32);
        assertThat(backoff.ceilingSeconds(9)).isEqualTo(300);
        assertThat(backoff.ceilingSeconds(Integer.MAX_VALUE)).isEqualTo(300);
    }

    @Test
    @ExtendWith(SeededRandom.class)
    void delayIsBetweenHalfTheCeilingAndTheCeiling(Random random) {
        for (int receiveCount = 1; receiveCount < 40; receiveCount++) {
            long ceiling = backoff.ceilingSeconds(receiveCount);
            for (int i = 0; i < 50; i++) {
                long seconds = backoff.delayFor(receiveCount, random).toSeconds();
                assertThat(seconds).isBetween(Math.max(1, ceiling - ceiling / 2), ceiling);
            }
        }
    }

    @Test
    void jitterSpreadsMessagesThatFailedTogether() {
        Random random = new Random(42);
        long distinct = IntStream.range(0, 100)
                .mapToObj(i -> backoff.delayFor(8, random))
                .distinct()
                .count();

        assertThat(distinct).isGreaterThan(10);
    }

    @Test
    void refusesBoundsSqsCannotHonour() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RetryBackoff(Duration.ofMillis(500), Duration.ofMinutes(1)))
                .withMessageStartingWith("backoff base must be >= 1s");
        assertThatIllegalArgumentException().isThrownBy(() -> new RetryBackoff(Duration.ofSeconds(10), Duration.ofSeconds(5)))
                .withMessageStartingWith("backoff cap must be >= base");
        assertThatIllegalArgumentException().isThrownBy(() -> new RetryBackoff(Duration.ofSeconds(1), Duration.ofHours(13)))
                .withMessageStartingWith("backoff cap must be <= 12h");
        assertThat(new RetryBackoff(Duration.ofSeconds(1), RetryBackoff.MAX_CAP).ceilingSeconds(60))
                .isEqualTo(12 * 3600);
    }
}
