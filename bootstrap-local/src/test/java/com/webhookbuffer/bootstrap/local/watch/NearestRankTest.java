package com.webhookbuffer.bootstrap.local.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NearestRankTest {

    @Test
    void theSmallestValueThatAtLeastThatShareOfTheValuesDoNotExceed() {
        assertThat(NearestRank.index(10, 0.50)).as("5th of 1..10").isEqualTo(4);
        assertThat(NearestRank.index(100, 0.99)).as("99th of 100").isEqualTo(98);
        assertThat(NearestRank.index(101, 0.99)).as("100th of 101").isEqualTo(99);
        assertThat(NearestRank.index(1, 0.99)).isZero();
        assertThat(NearestRank.index(3, 1.0)).isEqualTo(2);
    }

    @Test
    void theDashboardsLagPercentilesAreMeasuredValues() {
        List<Double> sorted =
                IntStream.rangeClosed(1, 200).mapToObj(i -> i / 10.0).toList();

        assertThat(DashboardHistory.percentile(sorted, 0.50)).isEqualTo(10.0);
        assertThat(DashboardHistory.percentile(sorted, 0.99)).isEqualTo(19.8);
        assertThat(DashboardHistory.percentile(List.of(), 0.99)).isNull();
    }
}
