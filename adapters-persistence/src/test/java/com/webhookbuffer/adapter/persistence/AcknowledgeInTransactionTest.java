package com.webhookbuffer.adapter.persistence;

import static com.webhookbuffer.domain.testing.TestOrders.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.webhookbuffer.domain.order.OrderId;
import com.webhookbuffer.domain.processing.OrderWrite;
import com.webhookbuffer.domain.processing.ProcessingOutcome;
import com.webhookbuffer.domain.queue.Delivery;
import com.webhookbuffer.domain.queue.Envelope;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The hook that lets the queue delete what a batch acknowledged in the batch's own transaction. */
class AcknowledgeInTransactionTest {

    private static HikariDataSource pool;
    private static DatabaseSettings settings;

    @BeforeAll
    static void openPool() {
        settings = TestPostgres.shared().withPoolSize(2).withApplicationName("webhook-buffer-test");
        pool = ConnectionPool.open(settings);
    }

    @AfterAll
    static void closePool() {
        pool.close();
    }

    @BeforeEach
    void empty() {
        TestPostgres.truncate(settings);
    }

    private static Delivery delivery(String id) {
        return new Delivery(id, "receipt-" + id, 1, new Envelope("{}", Map.of()));
    }

    @Test
    void theHookGetsTheDeliveriesOfEveryAcknowledgedItemInsideTheTransaction() {
        List<String> seen = new ArrayList<>();
        List<Boolean> inTransaction = new ArrayList<>();
        var repository = new MyBatisOrderRepository(pool, (connection, acknowledged) -> {
            acknowledged.forEach(delivery -> seen.add(delivery.messageId()));
            inTransaction.add(!connection.getAutoCommit());
        });
        repository.write(List.of(write("wh_0", "ord_1", 5)));

        List<ProcessingOutcome> outcomes = repository.write(
                List.of(write("wh_1", "ord_1", 6), write("wh_1", "ord_1", 6), write("wh_2", "ord_1", 4)),
                List.of(delivery("1"), delivery("2"), delivery("3")));

        assertThat(outcomes)
                .hasExactlyElementsOfTypes(
                        ProcessingOutcome.Written.class,
                        ProcessingOutcome.Duplicate.class,
                        ProcessingOutcome.Stale.class);
        assertThat(seen).containsExactly("1", "2", "3");
        assertThat(inTransaction).containsExactly(true);
    }

    @Test
    void aHookThatFailsRetryablyRollsTheWholeBatchBack() {
        var repository = new MyBatisOrderRepository(pool, (connection, acknowledged) -> {
            throw new SQLException("the receipt expired", "40001");
        });

        List<ProcessingOutcome> outcomes = repository.write(List.of(write("wh_1", "ord_1", 1)), List.of(delivery("1")));

        assertThat(outcomes).singleElement().isInstanceOf(ProcessingOutcome.RetryLater.class);
        assertThat(repository.find(OrderId.of("ord_1"))).isEmpty();
        assertThat(TestPostgres.count(settings, "SELECT count(*) FROM processed_webhooks"))
                .isZero();
    }

    @Test
    void poisonIsLeftOutOfWhatTheHookDeletes() {
        List<String> seen = new ArrayList<>();
        var repository = new MyBatisOrderRepository(
                pool, (connection, acknowledged) -> acknowledged.forEach(d -> seen.add(d.messageId())));
        TestPostgres.execute(
                settings, "ALTER TABLE orders ADD CONSTRAINT test_refuses_poison CHECK (order_id <> 'ord_poison')");
        try {
            OrderWrite poison = write("wh_2", "ord_poison", 1);

            List<ProcessingOutcome> outcomes =
                    repository.write(List.of(write("wh_1", "ord_1", 1), poison), List.of(delivery("1"), delivery("2")));

            assertThat(outcomes.get(0)).isInstanceOf(ProcessingOutcome.Written.class);
            assertThat(outcomes.get(1)).isInstanceOf(ProcessingOutcome.Poison.class);
            assertThat(seen).containsExactly("1");
        } finally {
            TestPostgres.execute(settings, "ALTER TABLE orders DROP CONSTRAINT test_refuses_poison");
        }
    }
}
