package com.webhookbuffer.domain.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import com.webhookbuffer.domain.testing.SeededRandom;
import java.time.Duration;
import java.util.Random;
import java.util.random.RandomGenerator;
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
    void theShortestTotalAddsTheLowEndOfEachDelay() {
        // 60 s doubling to 15 min: 30 + 60 + 120 + 240 + 450.
        RetryBackoff outage = new RetryBackoff(Duration.ofSeconds(60), Duration.ofMinutes(15));
        assertThat(outage.shortestTotal(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(outage.shortestTotal(5)).isEqualTo(Duration.ofMinutes(15));
        assertThat(outage.shortestTotal(6)).isEqualTo(Duration.ofSeconds(900 + 450));
        // A delay is never under a second, nor is its low end.
        RetryBackoff second = new RetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThat(second.shortestTotal(3)).isEqualTo(Duration.ofSeconds(3));
        assertThatIllegalArgumentException().isThrownBy(() -> outage.shortestTotal(0));
    }

    @Test
    void theShortestTotalIsNeverMoreThanTheDelaysDrawn() {
        RetryBackoff outage = new RetryBackoff(Duration.ofSeconds(7), Duration.ofSeconds(100));
        Random random = new Random(3);
        for (int run = 0; run < 200; run++) {
            long drawn = 0;
            for (int receive = 1; receive <= 6; receive++) {
                drawn += outage.delayFor(receive, random).toSeconds();
            }
            assertThat(drawn).isGreaterThanOrEqualTo(outage.shortestTotal(6).toSeconds());
        }
    }

    @Test
    void theDefaultPolicyWaitsOutFifteenMinutesOverFiveReceives() {
        assertThat(RetryPolicy.DEFAULT.storeOutage().shortestTotal(5)).isGreaterThanOrEqualTo(Duration.ofMinutes(15));
        assertThat(RetryPolicy.DEFAULT.transientFailure()).isEqualTo(RetryBackoff.DEFAULT);
        assertThatNullPointerException().isThrownBy(() -> new RetryPolicy(null, RetryBackoff.DEFAULT));
        assertThatNullPointerException().isThrownBy(() -> new RetryPolicy(RetryBackoff.DEFAULT, null));
    }

    @Test
    void refusesBoundsSqsCannotHonour() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetryBackoff(Duration.ofMillis(500), Duration.ofMinutes(1)))
                .withMessageStartingWith("backoff base must be >= 1s");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetryBackoff(Duration.ofSeconds(10), Duration.ofSeconds(5)))
                .withMessageStartingWith("backoff cap must be >= base");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetryBackoff(Duration.ofSeconds(1), Duration.ofHours(13)))
                .withMessageStartingWith("backoff cap must be <= 12h");
        assertThat(new RetryBackoff(Duration.ofSeconds(1), RetryBackoff.MAX_CAP).ceilingSeconds(60))
                .isEqualTo(12 * 3600);
    }

    @Test
    void aCapEqualToTheBaseIsAllowedAndHoldsEveryDelayAtTheBase() {
        RetryBackoff flat = new RetryBackoff(Duration.ofSeconds(5), Duration.ofSeconds(5));

        assertThat(flat.ceilingSeconds(1)).isEqualTo(5);
        assertThat(flat.ceilingSeconds(30)).isEqualTo(5);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetryBackoff(
                        Duration.ofSeconds(5), Duration.ofSeconds(5).minusMillis(1)))
                .withMessageStartingWith("backoff cap must be >= base");
    }

    @Test
    void aBaseOfExactlyOneSecondIsAllowedButNotAMillisecondLess() {
        assertThat(new RetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(1)).ceilingSeconds(1))
                .isEqualTo(1);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetryBackoff(Duration.ofMillis(999), Duration.ofSeconds(1)))
                .withMessageStartingWith("backoff base must be >= 1s");
    }

    @Test
    void aCapOfExactlyTwelveHoursIsAllowedButNotASecondMore() {
        assertThat(new RetryBackoff(Duration.ofSeconds(1), Duration.ofHours(12)).cap())
                .isEqualTo(RetryBackoff.MAX_CAP);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetryBackoff(
                        Duration.ofSeconds(1), Duration.ofHours(12).plusSeconds(1)))
                .withMessageStartingWith("backoff cap must be <= 12h");
    }

    @Test
    void theCeilingStopsExactlyAtTheCapWhenADoublingWouldPassIt() {
        RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(3), Duration.ofSeconds(10));

        assertThat(backoff.ceilingSeconds(2)).isEqualTo(6);
        assertThat(backoff.ceilingSeconds(3)).isEqualTo(10);
        assertThat(backoff.ceilingSeconds(4)).isEqualTo(10);
    }

    @Test
    void theFirstReceiveHasADelayAndAReceiveCountBelowOneIsRefused() {
        RandomGenerator highest = new FixedRandom(Long.MAX_VALUE);

        assertThat(backoff.delayFor(1, highest)).isEqualTo(Duration.ofSeconds(2));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> backoff.delayFor(0, highest))
                .withMessage("receiveCount must be >= 1, was: 0");
    }

    @Test
    void theJitterSpansExactlyFromTheUpperHalfOfTheCeilingToTheCeiling() {
        // ceilingSeconds(3) = 8: the delay is 8 - 4 + a draw from 0..4.
        assertThat(backoff.delayFor(3, new FixedRandom(0))).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.delayFor(3, new FixedRandom(Long.MAX_VALUE))).isEqualTo(Duration.ofSeconds(8));
        // An odd ceiling keeps its larger half: 5 - 2 + 0..2.
        RetryBackoff odd = new RetryBackoff(Duration.ofSeconds(5), Duration.ofMinutes(1));
        assertThat(odd.delayFor(1, new FixedRandom(0))).isEqualTo(Duration.ofSeconds(3));
        assertThat(odd.delayFor(1, new FixedRandom(Long.MAX_VALUE))).isEqualTo(Duration.ofSeconds(5));
    }

    /** Answers every bounded draw with the bound's lowest value (0) or its highest (bound - 1). */
    private record FixedRandom(long pick) implements RandomGenerator {

        @Override
        public long nextLong() {
            return pick;
        }

        @Override
        public long nextLong(long bound) {
            return pick == 0 ? 0 : bound - 1;
        }
    }
}
