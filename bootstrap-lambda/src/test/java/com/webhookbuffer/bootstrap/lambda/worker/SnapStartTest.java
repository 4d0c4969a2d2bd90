package com.webhookbuffer.bootstrap.lambda.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.webhookbuffer.domain.processing.RetryBackoff;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What a SnapStart snapshot must not share between the environments restored from it. Two wirings built with the
 * same jitter seed stand for two copies of one snapshot: before a restore they would draw the same backoff, after
 * {@code afterRestore} each draws its own.
 */
class SnapStartTest {

    private static final RetryBackoff BACKOFF = new RetryBackoff(Duration.ofSeconds(2), Duration.ofMinutes(15));

    private static Map<String, String> worker() {
        Map<String, String> env = new HashMap<>();
        env.put("QUEUE_URL", "http://127.0.0.1:9/000000000000/orders");
        env.put("DLQ_URL", "http://127.0.0.1:9/000000000000/orders-dlq");
        env.put("AWS_ENDPOINT_URL_SQS", "http://127.0.0.1:9");
        env.put("DB_URL", "jdbc:postgresql://127.0.0.1:9/orders");
        env.put("DB_USER", "worker");
        env.put("DB_PASSWORD", "secret");
        return env;
    }

    private static List<Duration> backoffs(RandomGenerator jitter) {
        return IntStream.rangeClosed(1, 8)
                .mapToObj(receives -> BACKOFF.delayFor(receives, jitter))
                .toList();
    }

    @Test
    void twoEnvironmentsRestoredFromOneSnapshotDrawDifferentBackoffs() {
        WorkerWiring first =
                WorkerWiring.from(worker(), DatabaseCredentials.fromEnvironment(), SnapStartRandom.seededWith(2026));
        WorkerWiring second =
                WorkerWiring.from(worker(), DatabaseCredentials.fromEnvironment(), SnapStartRandom.seededWith(2026));
        try {
            first.beforeCheckpoint(null);
            second.beforeCheckpoint(null);
            // Unrestored, the copies are the same generator: their retries would line up after an outage.
            assertThat(backoffs(first.jitter())).isEqualTo(backoffs(second.jitter()));

            first.afterRestore(null);
            second.afterRestore(null);

            assertThat(backoffs(first.jitter())).isNotEqualTo(backoffs(second.jitter()));
        } finally {
            first.dataSource().close();
            second.dataSource().close();
        }
    }

    @Test
    void aReseededGeneratorLeavesTheSequenceItWasOn() {
        SnapStartRandom copy = SnapStartRandom.seededWith(7);
        SnapStartRandom snapshot = SnapStartRandom.seededWith(7);
        copy.reseed();
        assertThat(IntStream.range(0, 4).mapToLong(i -> copy.nextLong()).toArray())
                .isNotEqualTo(IntStream.range(0, 4)
                        .mapToLong(i -> snapshot.nextLong())
                        .toArray());
    }
}
