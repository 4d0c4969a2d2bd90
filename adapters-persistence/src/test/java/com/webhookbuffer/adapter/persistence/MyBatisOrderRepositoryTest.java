package com.webhookbuffer.adapter.persistence;

import static com.webhookbuffer.domain.testing.TestOrders.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.webhookbuffer.domain.order.Adjustments;
import com.webhookbuffer.domain.order.CustomerId;
import com.webhookbuffer.domain.order.EventType;
import com.webhookbuffer.domain.order.Money;
import com.webhookbuffer.domain.order.Order;
import com.webhookbuffer.domain.order.OrderId;
import com.webhookbuffer.domain.order.OrderStatus;
import com.webhookbuffer.domain.order.OrderUpdate;
import com.webhookbuffer.domain.port.out.OrderRepository;
import com.webhookbuffer.domain.port.out.OrderRepositoryContract;
import com.webhookbuffer.domain.processing.OrderWrite;
import com.webhookbuffer.domain.processing.ProcessingOutcome;
import com.webhookbuffer.domain.testing.TestOrders;
import com.webhookbuffer.domain.webhook.EventId;
import com.webhookbuffer.domain.webhook.SourceName;
import com.webhookbuffer.domain.webhook.WebhookId;
import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL adapter against a real PostgreSQL 17: the shared contract, then what only a real database can
 * show (races on separate connections, poison isolation, lost connections, the connection budget).
 */
class MyBatisOrderRepositoryTest extends OrderRepositoryContract<MyBatisOrderRepository> {

    /** Eight connections, so the contract's concurrent writers really race on separate connections. */
    private static HikariDataSource pool;

    private static DatabaseSettings settings;

    @BeforeAll
    static void openPool() {
        settings = TestPostgres.shared().withPoolSize(8).withApplicationName("webhook-buffer-test");
        pool = ConnectionPool.open(settings);
    }

    @AfterAll
    static void closePool() {
        pool.close();
    }

    @Override
    protected MyBatisOrderRepository newRepository() {
        TestPostgres.truncate(settings);
        return new MyBatisOrderRepository(pool);
    }

    @Override
    protected Optional<Order> find(SourceName source, OrderId orderId) {
        return repository.find(source, orderId);
    }

    private static OrderWrite writeFor(String webhookId, String orderId, long version, String customerId) {
        Order o = TestOrders.order(orderId, version);
        Order order = new Order(
                o.id(),
                o.version(),
                CustomerId.of(customerId),
                o.status(),
                o.currency(),
                o.items(),
                o.total(),
                o.updatedAt());
        return new OrderWrite(
                WebhookId.of(webhookId),
                new OrderUpdate(TestOrders.update(orderId, version).type(), order));
    }

    private static long count(String sql) {
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void writtenRowsCarryTheIdempotencyRecordInTheSameTransaction() {
        repository.write(List.of(write("wh_1", "ord_1", 1), write("wh_2", "ord_1", 2), write("wh_0", "ord_1", 1)));

        assertThat(count("SELECT count(*) FROM processed_webhooks WHERE outcome = 'written'"))
                .isEqualTo(2);
        assertThat(count("SELECT count(*) FROM processed_webhooks WHERE outcome = 'stale'"))
                .isEqualTo(1);
        assertThat(count("SELECT version FROM orders WHERE order_id = 'ord_1'")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM order_items WHERE order_id = 'ord_1'"))
                .isEqualTo(TestOrders.order("ord_1", 2).items().size());
    }

    @Test
    void aShopsAdjustmentsAndTheDeliverysEventIdAreStoredAndReadBack() {
        Order o = TestOrders.order("ord_adj", 1);
        Money discounts = new Money(o.subtotal().amount().min(new BigDecimal("5")), o.currency());
        Adjustments adjustments = new Adjustments(
                discounts,
                Money.of("4.90", o.currency().getCurrencyCode()),
                Money.of("1.10", o.currency().getCurrencyCode()),
                Money.of("3.00", o.currency().getCurrencyCode()),
                true);
        Money total =
                new Money(o.subtotal().amount().subtract(discounts.amount()).add(new BigDecimal("6.00")), o.currency());
        Order order = new Order(
                o.id(),
                o.version(),
                o.customerId(),
                OrderStatus.REFUNDED,
                o.currency(),
                o.items(),
                adjustments,
                total,
                o.updatedAt());
        SourceName shop = SourceName.of("shop");
        repository.write(List.of(
                new OrderWrite(
                        shop,
                        WebhookId.of("wh_adj"),
                        Optional.of(EventId.of("ev_1")),
                        new OrderUpdate(EventType.ORDER_UPDATED, order)),
                new OrderWrite(
                        shop,
                        WebhookId.of("wh_adj_2"),
                        Optional.empty(),
                        new OrderUpdate(EventType.ORDER_UPDATED, order))));

        assertThat(repository.find(shop, o.id())).contains(order);
        assertThat(count("SELECT count(*) FROM processed_webhooks WHERE webhook_id = 'wh_adj' AND event_id = 'ev_1'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM processed_webhooks WHERE webhook_id = 'wh_adj_2' AND event_id IS NULL"))
                .isEqualTo(1);
    }

    @Test
    void onePoisonItemInABatchOfTenIsIsolatedAndTheOtherNineAreWritten() {
        TestPostgres.execute(
                settings, "ALTER TABLE orders ADD CONSTRAINT test_refuses_poison CHECK (customer_id <> 'cus_poison')");
        try {
            List<OrderWrite> batch = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                batch.add(writeFor("wh_" + i, "ord_" + i, 1, i == 4 ? "cus_poison" : "cus_1"));
            }

            List<ProcessingOutcome> outcomes = repository.write(batch);

            assertThat(outcomes.get(4)).isInstanceOf(ProcessingOutcome.Poison.class);
            assertThat(((ProcessingOutcome.Poison) outcomes.get(4)).reason())
                    .startsWith("cannot be stored: SQLState 23514");
            assertThat(outcomes).filteredOn(ProcessingOutcome.WRITTEN::equals).hasSize(9);
            assertThat(repository.find(OrderId.of("ord_4"))).isEmpty();
            assertThat(count("SELECT count(*) FROM processed_webhooks WHERE webhook_id = 'wh_4'"))
                    .isZero();
            assertThat(count("SELECT count(*) FROM orders")).isEqualTo(9);
        } finally {
            TestPostgres.execute(settings, "ALTER TABLE orders DROP CONSTRAINT test_refuses_poison");
        }
    }

    @Test
    void twoWorkersWithTheirOwnPoolsRacingOnTheSameWebhooksHaveOneEffectEach() throws Exception {
        try (HikariDataSource first = ConnectionPool.open(settings.withPoolSize(1));
                HikariDataSource second = ConnectionPool.open(settings.withPoolSize(1));
                ExecutorService threads = Executors.newFixedThreadPool(2)) {
            OrderRepository a = new MyBatisOrderRepository(first);
            OrderRepository b = new MyBatisOrderRepository(second);
            for (int round = 0; round < 30; round++) {
                // Same webhooks, and versions of one order arriving in opposite orders.
                List<OrderWrite> forward = List.of(
                        write("wh_" + round + "_1", "ord_" + round, 1), write("wh_" + round + "_3", "ord_" + round, 3));
                List<OrderWrite> backward = List.of(
                        write("wh_" + round + "_3", "ord_" + round, 3),
                        write("wh_" + round + "_2", "ord_" + round, 2),
                        write("wh_" + round + "_1", "ord_" + round, 1));
                CountDownLatch start = new CountDownLatch(1);
                CompletableFuture<List<ProcessingOutcome>> x = CompletableFuture.supplyAsync(
                        () -> {
                            await(start);
                            return a.write(forward);
                        },
                        threads);
                CompletableFuture<List<ProcessingOutcome>> y = CompletableFuture.supplyAsync(
                        () -> {
                            await(start);
                            return b.write(backward);
                        },
                        threads);
                start.countDown();
                List<ProcessingOutcome> all = new ArrayList<>(x.get());
                all.addAll(y.get());

                assertThat(all).as("round %d", round).noneMatch(o -> o instanceof ProcessingOutcome.RetryLater);
                assertThat(repository.find(OrderId.of("ord_" + round)))
                        .as("round %d", round)
                        .contains(TestOrders.order("ord_" + round, 3));
                assertThat(all.stream()
                                .filter(ProcessingOutcome.DUPLICATE::equals)
                                .count())
                        .as("round %d: each shared webhook is a duplicate exactly once", round)
                        .isEqualTo(2);
            }
            assertThat(count("SELECT count(*) FROM processed_webhooks")).isEqualTo(30 * 3);
        }
    }

    @Test
    void webhookIdsFullOfSqlRoundTripAsPlainData() {
        String hostile = "x');DROP/**/TABLE/**/orders;--\\\"`$(rm)";
        assertThat(repository.write(List.of(write(hostile, "ord_1", 1)))).containsExactly(ProcessingOutcome.WRITTEN);

        assertThat(repository.write(List.of(write(hostile, "ord_1", 2)))).containsExactly(ProcessingOutcome.DUPLICATE);
        assertThat(count("SELECT count(*) FROM processed_webhooks WHERE webhook_id = '" + hostile.replace("'", "''")
                        + "'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM orders")).isEqualTo(1);
    }

    @Test
    void theWorkerIsVisibleInPgStatActivityAndNeverHoldsMoreThanItsPool() throws Exception {
        DatabaseSettings budgeted = settings.withPoolSize(2).withApplicationName("webhook-buffer-budget-test");
        try (HikariDataSource small = ConnectionPool.open(budgeted);
                ExecutorService threads = Executors.newFixedThreadPool(8)) {
            OrderRepository budget = new MyBatisOrderRepository(small);
            List<CompletableFuture<List<ProcessingOutcome>>> writers = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                int worker = w;
                writers.add(CompletableFuture.supplyAsync(
                        () -> {
                            List<ProcessingOutcome> outcomes = new ArrayList<>();
                            for (int i = 0; i < 20; i++) {
                                outcomes.addAll(
                                        budget.write(List.of(write("wh_" + worker + "_" + i, "ord_" + worker, i + 1))));
                            }
                            return outcomes;
                        },
                        threads));
            }
            long most = 0;
            while (!writers.stream().allMatch(CompletableFuture::isDone)) {
                most = Math.max(
                        most,
                        count("SELECT count(*) FROM pg_stat_activity "
                                + "WHERE application_name = 'webhook-buffer-budget-test'"));
            }
            for (var writer : writers) {
                assertThat(writer.get()).allMatch(ProcessingOutcome.WRITTEN::equals);
            }
            assertThat(most).as("connections seen").isBetween(1L, 2L);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
