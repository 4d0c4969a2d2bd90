package com.webhookbuffer.benchmarks;

import com.webhookbuffer.adapter.persistence.DatabaseMigrations;
import com.webhookbuffer.adapter.persistence.DatabaseSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Orders per second through {@code MyBatisOrderRepository} and through plain JDBC batches, for K = 1, 2, 4
 * connections (and as many writer threads) and batch sizes 1, 10, 100, against an embedded PostgreSQL 17 started
 * here. Prints one table with the ratio per row.
 *
 * <p>Run: {@code ./mvnw -q -pl benchmarks -am -DskipTests -Pbenchmark verify}
 */
public final class OrderWriteBenchmarkMain {

    private OrderWriteBenchmarkMain() {}

    public static void main(String[] args) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
            DatabaseMigrations.migrate(DatabaseSettings.of(jdbcUrl, "postgres", "postgres"));
            List<RunResult> results = new ArrayList<>();
            for (int connections : new int[] {1, 2, 4}) {
                Options options = new OptionsBuilder()
                        .include(OrderWriteBenchmark.class.getName() + ".writeBatch")
                        .param("connections", Integer.toString(connections))
                        .threads(connections)
                        .forks(1)
                        .warmupIterations(3)
                        .warmupTime(TimeValue.seconds(2))
                        .measurementIterations(5)
                        .measurementTime(TimeValue.seconds(3))
                        .jvmArgsAppend("-D" + OrderWriteBenchmark.JDBC_URL_PROPERTY + "=" + jdbcUrl, "-Xmx1g")
                        .build();
                Collection<RunResult> run = new Runner(options).run();
                results.addAll(run);
            }
            print(results);
        }
    }

    private static void print(List<RunResult> results) {
        StringBuilder table = new StringBuilder();
        table.append(String.format(
                Locale.ROOT, "%n%-3s %6s %16s %16s %7s%n", "K", "batch", "MyBatis orders/s", "JDBC orders/s", "ratio"));
        for (int connections : new int[] {1, 2, 4}) {
            for (int batchSize : new int[] {1, 10, 100}) {
                double mybatis = ordersPerSecond(results, connections, batchSize, "mybatis");
                double jdbc = ordersPerSecond(results, connections, batchSize, "jdbc");
                table.append(String.format(
                        Locale.ROOT,
                        "%-3d %6d %16.0f %16.0f %6.2fx%n",
                        connections,
                        batchSize,
                        mybatis,
                        jdbc,
                        mybatis / jdbc));
            }
        }
        System.out.println(table);
    }

    /** JMH scores batches per second (summed over threads); a batch holds {@code batchSize} orders. */
    private static double ordersPerSecond(List<RunResult> results, int connections, int batchSize, String writer) {
        return results.stream()
                .filter(r -> r.getParams().getParam("connections").equals(Integer.toString(connections)))
                .filter(r -> r.getParams().getParam("batchSize").equals(Integer.toString(batchSize)))
                .filter(r -> r.getParams().getParam("writer").equals(writer))
                .mapToDouble(r -> r.getPrimaryResult().getScore() * batchSize)
                .findFirst()
                .orElse(Double.NaN);
    }
}
