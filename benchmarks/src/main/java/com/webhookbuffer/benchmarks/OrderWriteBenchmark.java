package com.webhookbuffer.benchmarks;

import com.webhookbuffer.adapter.persistence.ConnectionPool;
import com.webhookbuffer.adapter.persistence.DatabaseSettings;
import com.webhookbuffer.adapter.persistence.MyBatisOrderRepository;
import com.webhookbuffer.domain.processing.OrderWrite;
import com.webhookbuffer.domain.processing.ProcessingOutcome;
import com.webhookbuffer.domain.testing.TestOrders;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Batches of order writes per second through {@code MyBatisOrderRepository} or the plain-JDBC baseline, with K
 * connections and K writer threads (the runner sets both). Each writer cycles over 1000 orders of its own, so the
 * first thousand writes insert and the rest replace a lower version: the worker's steady state.
 */
@State(Scope.Benchmark)
public class OrderWriteBenchmark {

    static final String JDBC_URL_PROPERTY = "benchmark.jdbcUrl";
    private static final int ORDERS_PER_WRITER = 1000;

    @Param({"1"})
    public int connections;

    @Param({"1", "10", "100"})
    public int batchSize;

    @Param({"mybatis", "jdbc"})
    public String writer;

    private HikariDataSource pool;
    private MyBatisOrderRepository repository;
    private PlainJdbcUpsert baseline;
    private final AtomicInteger writers = new AtomicInteger();

    @Setup(Level.Trial)
    public void openPool() throws SQLException {
        DatabaseSettings settings = DatabaseSettings.of(System.getProperty(JDBC_URL_PROPERTY), "postgres", "postgres")
                .withPoolSize(connections);
        pool = ConnectionPool.open(settings);
        try (Connection connection = pool.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE orders, order_items, processed_webhooks");
            connection.commit();
        }
        repository = new MyBatisOrderRepository(pool);
        baseline = new PlainJdbcUpsert(pool);
    }

    @TearDown(Level.Trial)
    public void closePool() {
        pool.close();
    }

    /** One writer thread's ids: unique webhook ids, and versions that only go up. */
    @State(Scope.Thread)
    public static class Writer {
        int id;
        long sequence;

        @Setup(Level.Trial)
        public void register(OrderWriteBenchmark benchmark) {
            id = benchmark.writers.incrementAndGet();
        }

        List<OrderWrite> nextBatch(int size) {
            List<OrderWrite> batch = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                long n = sequence++;
                String orderId = "o-" + id + "-" + (n % ORDERS_PER_WRITER);
                batch.add(TestOrders.write("w-" + id + "-" + n, orderId, n / ORDERS_PER_WRITER + 1));
            }
            return batch;
        }
    }

    @Benchmark
    public Object writeBatch(Writer writer) throws SQLException {
        List<OrderWrite> batch = writer.nextBatch(batchSize);
        if (this.writer.equals("jdbc")) {
            baseline.write(batch);
            return batch;
        }
        List<ProcessingOutcome> outcomes = repository.write(batch);
        if (!(outcomes.getFirst() instanceof ProcessingOutcome.Written)) {
            throw new IllegalStateException("benchmark write was not written: " + outcomes.getFirst());
        }
        return outcomes;
    }
}
