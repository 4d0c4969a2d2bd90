package com.webhookbuffer.domain.port.out;

import static com.webhookbuffer.domain.processing.ProcessingOutcome.DUPLICATE;
import static com.webhookbuffer.domain.processing.ProcessingOutcome.STALE;
import static com.webhookbuffer.domain.processing.ProcessingOutcome.WRITTEN;
import static com.webhookbuffer.domain.testing.TestOrders.order;
import static com.webhookbuffer.domain.testing.TestOrders.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.webhookbuffer.domain.order.CustomerId;
import com.webhookbuffer.domain.order.EventType;
import com.webhookbuffer.domain.order.Identifiers;
import com.webhookbuffer.domain.order.LineItem;
import com.webhookbuffer.domain.order.Money;
import com.webhookbuffer.domain.order.Order;
import com.webhookbuffer.domain.order.OrderId;
import com.webhookbuffer.domain.order.OrderStatus;
import com.webhookbuffer.domain.order.OrderUpdate;
import com.webhookbuffer.domain.order.OrderVersion;
import com.webhookbuffer.domain.processing.OrderWrite;
import com.webhookbuffer.domain.processing.ProcessingOutcome;
import com.webhookbuffer.domain.testing.SeededRandom;
import com.webhookbuffer.domain.testing.TestOrders;
import com.webhookbuffer.domain.webhook.SourceName;
import com.webhookbuffer.domain.webhook.WebhookId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every {@link OrderRepository} adapter must do, as tests: idempotency per webhook id, the version guard per
 * order, batch order, and both under concurrent writers. Extend it with a factory for an empty repository and a
 * way to read an order back (the adapter's own, off the port: nothing in the service reads orders).
 */
public abstract class OrderRepositoryContract<R extends OrderRepository> {

    protected R repository;

    /** A repository with no orders and no processed webhooks. */
    protected abstract R newRepository();

    /** The order of {@code source} as {@link #repository} holds it, if any. */
    protected abstract Optional<Order> find(SourceName source, OrderId orderId);

    /** The order of the default source, if any. */
    protected Optional<Order> find(OrderId orderId) {
        return find(SourceName.DEFAULT, orderId);
    }

    @BeforeEach
    void createRepository() {
        repository = newRepository();
    }

    private ProcessingOutcome writeOne(OrderWrite write) {
        List<ProcessingOutcome> outcomes = repository.write(List.of(write));
        assertThat(outcomes).hasSize(1);
        return outcomes.getFirst();
    }

    @Test
    void newOrderIsWrittenAndReadBackEqual() {
        assertThat(writeOne(write("wh_1", "ord_1", 1))).isEqualTo(WRITTEN);

        assertThat(find(OrderId.of("ord_1"))).contains(order("ord_1", 1));
        assertThat(find(OrderId.of("ord_unknown"))).isEmpty();
    }

    @Test
    void theSameIdsFromTwoSourcesAreTwoOrdersAndTwoWebhooks() {
        SourceName shop = SourceName.of("shop");
        SourceName woo = SourceName.of("woo");

        List<ProcessingOutcome> outcomes = repository.write(List.of(
                new OrderWrite(
                        shop, WebhookId.of("wh_1"), write("wh_1", "ord_1", 2).update()),
                new OrderWrite(
                        woo, WebhookId.of("wh_1"), write("wh_1", "ord_1", 1).update())));

        assertThat(outcomes)
                .as("neither a duplicate nor stale: each within its own source")
                .containsExactly(WRITTEN, WRITTEN);
        assertThat(find(shop, OrderId.of("ord_1"))).contains(order("ord_1", 2));
        assertThat(find(woo, OrderId.of("ord_1"))).contains(order("ord_1", 1));
        assertThat(find(OrderId.of("ord_1")))
                .as("nothing in the default source")
                .isEmpty();
        assertThat(writeOne(new OrderWrite(
                        woo, WebhookId.of("wh_1"), write("wh_1", "ord_1", 3).update())))
                .isEqualTo(DUPLICATE);
        assertThat(writeOne(new OrderWrite(
                        woo, WebhookId.of("wh_2"), write("wh_2", "ord_1", 2).update())))
                .as("newer than woo's version 1, though not than shop's 2")
                .isEqualTo(WRITTEN);
        assertThat(find(shop, OrderId.of("ord_1"))).contains(order("ord_1", 2));
    }

    @Test
    void webhookDeliveredAgainIsDuplicateAndChangesNothing() {
        writeOne(write("wh_1", "ord_1", 1));

        // Same webhook id, even with another body: the id is the idempotency key.
        ProcessingOutcome again = writeOne(write("wh_1", "ord_1", 2));

        assertThat(again).isEqualTo(DUPLICATE);
        assertThat(find(OrderId.of("ord_1"))).contains(order("ord_1", 1));
    }

    @Test
    void olderOrEqualVersionIsStaleAndChangesNothing() {
        writeOne(write("wh_3", "ord_1", 3));

        assertThat(writeOne(write("wh_2", "ord_1", 2))).isEqualTo(STALE);
        assertThat(writeOne(write("wh_3b", "ord_1", 3))).isEqualTo(STALE);
        assertThat(find(OrderId.of("ord_1"))).contains(order("ord_1", 3));
    }

    @Test
    void staleWebhookDeliveredAgainIsDuplicate() {
        writeOne(write("wh_3", "ord_1", 3));
        writeOne(write("wh_2", "ord_1", 2));

        assertThat(writeOne(write("wh_2", "ord_1", 2))).isEqualTo(DUPLICATE);
    }

    @Test
    void newerVersionReplacesTheOrderAndAllItsItems() {
        writeOne(write("wh_1", "ord_1", 1));
        assertThat(order("ord_1", 2).items()).hasSize(3);

        assertThat(writeOne(write("wh_2", "ord_1", 2))).isEqualTo(WRITTEN);
        assertThat(writeOne(write("wh_3", "ord_1", 3))).isEqualTo(WRITTEN);

        // Version 3 has one item where version 2 had three: the old items must be gone.
        assertThat(find(OrderId.of("ord_1"))).contains(order("ord_1", 3));
    }

    @Test
    void batchOutcomesFollowBatchOrder() {
        List<ProcessingOutcome> outcomes = repository.write(List.of(
                write("wh_a2", "ord_a", 2),
                write("wh_a1", "ord_a", 1),
                write("wh_a2", "ord_a", 2),
                write("wh_b1", "ord_b", 1),
                write("wh_b2", "ord_b", 2)));

        assertThat(outcomes).containsExactly(WRITTEN, STALE, DUPLICATE, WRITTEN, WRITTEN);
        assertThat(find(OrderId.of("ord_a"))).contains(order("ord_a", 2));
        assertThat(find(OrderId.of("ord_b"))).contains(order("ord_b", 2));
    }

    @Test
    void largestOrderTheContractAllowsRoundTripsUnchanged() {
        Currency kwd = Currency.getInstance("KWD");
        String longId = "A".repeat(Identifiers.MAX_LENGTH - 2) + "-_";
        List<LineItem> items = new ArrayList<>();
        for (int i = 0; i < Order.MAX_ITEMS; i++) {
            items.add(LineItem.of(String.format("%064d", i), LineItem.MAX_QUANTITY, Money.of("19.999", "KWD")));
        }
        Order order = new Order(
                OrderId.of(longId),
                OrderVersion.of(Long.MAX_VALUE),
                CustomerId.of(longId),
                OrderStatus.CANCELLED,
                kwd,
                items,
                Order.sumOf(items, kwd),
                Instant.parse("2026-11-26T14:00:00Z"));
        OrderWrite big = new OrderWrite(
                WebhookId.of("w".repeat(WebhookId.MAX_LENGTH)), new OrderUpdate(EventType.ORDER_CANCELLED, order));

        assertThat(writeOne(big)).isEqualTo(WRITTEN);
        assertThat(find(order.id())).contains(order);
    }

    @Test
    void amountsKeepEveryDigitUpToTheLimit() {
        Currency eur = TestOrders.EUR;
        // The total is just under 10^15, the largest amount the store keeps.
        List<LineItem> items = List.of(
                LineItem.of("SKU-1", 1, Money.of("999999999999998.99", "EUR")),
                LineItem.of("SKU-2", 1, Money.of("0.01", "EUR")));
        Order order = new Order(
                OrderId.of("ord_max"),
                OrderVersion.of(1),
                CustomerId.of("cus_1"),
                OrderStatus.PLACED,
                eur,
                items,
                Order.sumOf(items, eur),
                TestOrders.BASE_TIME);

        writeOne(new OrderWrite(WebhookId.of("wh_max"), new OrderUpdate(EventType.ORDER_CREATED, order)));

        assertThat(find(order.id())).contains(order);
    }

    @Test
    void concurrentWritersOfTheSameWebhookHaveExactlyOneEffect() throws Exception {
        List<ProcessingOutcome> outcomes = concurrently(8, worker -> writeOne(write("wh_same", "ord_1", 1)));

        assertThat(outcomes).filteredOn(WRITTEN::equals).hasSize(1);
        assertThat(outcomes).filteredOn(DUPLICATE::equals).hasSize(7);
    }

    @Test
    void concurrentWritersOfDifferentVersionsLeaveTheHighest() throws Exception {
        List<ProcessingOutcome> outcomes =
                concurrently(8, worker -> writeOne(write("wh_v" + (worker + 1), "ord_1", worker + 1)));

        assertThat(outcomes).filteredOn(DUPLICATE::equals).isEmpty();
        assertThat(outcomes).contains(WRITTEN);
        assertThat(find(OrderId.of("ord_1"))).contains(order("ord_1", 8));
    }

    /**
     * The invariant, on random histories: whatever the delivery order, duplication and batching, each order ends
     * at its highest version with that version's items, and each webhook has at most one effect. The expected
     * outcome of every write comes from a model that applies the same writes one by one.
     */
    @Test
    @ExtendWith(SeededRandom.class)
    void randomHistoriesEndAtTheHighestVersionWithOneEffectPerWebhook(Random random) {
        List<OrderWrite> deliveries = new ArrayList<>();
        for (int o = 0; o < 12; o++) {
            int versions = 1 + random.nextInt(6);
            for (int v = 1; v <= versions; v++) {
                OrderWrite write = write("wh_" + o + "_" + v, "ord_" + o, v);
                deliveries.add(write);
                while (random.nextInt(4) == 0) {
                    deliveries.add(write); // at-least-once delivery
                }
            }
        }
        Collections.shuffle(deliveries, random);

        Map<WebhookId, Boolean> seen = new HashMap<>();
        Map<OrderId, Long> highest = new HashMap<>();
        List<ProcessingOutcome> expected = new ArrayList<>();
        for (OrderWrite write : deliveries) {
            OrderId id = write.update().orderId();
            long version = write.update().version().value();
            if (seen.put(write.webhookId(), true) != null) {
                expected.add(DUPLICATE);
            } else if (highest.getOrDefault(id, 0L) >= version) {
                expected.add(STALE);
            } else {
                highest.put(id, version);
                expected.add(WRITTEN);
            }
        }

        List<ProcessingOutcome> actual = new ArrayList<>();
        for (int from = 0; from < deliveries.size(); ) {
            int to = Math.min(deliveries.size(), from + 1 + random.nextInt(10));
            actual.addAll(repository.write(deliveries.subList(from, to)));
            from = to;
        }

        assertThat(actual).isEqualTo(expected);
        highest.forEach((id, version) -> assertThat(find(id)).contains(order(id.value(), version)));
    }

    /** Runs {@code task} on {@code workers} threads released at once; returns what each returned. */
    private static <T> List<T> concurrently(int workers, WorkerTask<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int worker = w;
                Callable<T> call = () -> {
                    start.await();
                    return task.run(worker);
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface WorkerTask<T> {
        T run(int worker) throws Exception;
    }
}
