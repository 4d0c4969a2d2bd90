package com.webhookbuffer.adapter.persistence;

import com.webhookbuffer.domain.order.LineItem;
import com.webhookbuffer.domain.order.Order;
import com.webhookbuffer.domain.processing.OrderWrite;
import com.webhookbuffer.domain.processing.ProcessingOutcome;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One batch written inside the caller's transaction, in a fixed number of statements whatever its size:
 *
 * <ol>
 *   <li>claim the webhook ids in {@code processed_webhooks}; an id that is already there is a duplicate (a
 *       concurrent claim of the same id waits for the other transaction, then is a duplicate if it committed);
 *   <li>lock the stored versions of the orders concerned;
 *   <li>replay the claimed items in batch order against those versions: an item is written if its version is
 *       higher than everything before it, stale otherwise; per order only the last written version is stored;
 *   <li>upsert those orders with the version guard in SQL, replace their items, and mark the written webhooks.
 * </ol>
 */
final class BatchWrite {

    private final OrderMapper mapper;
    private final List<OrderWrite> batch;

    BatchWrite(OrderMapper mapper, List<OrderWrite> batch) {
        this.mapper = mapper;
        this.batch = batch;
    }

    List<ProcessingOutcome> run() {
        ProcessingOutcome[] outcomes = new ProcessingOutcome[batch.size()];

        // Every lock is taken in one global order (webhook id, then order id), so two workers never deadlock.
        List<Integer> candidates = sortedBy(firstOccurrences(outcomes), w -> w.webhookId().value());
        Set<String> claimed = new HashSet<>(mapper.claimWebhooks(
                column(candidates, w -> w.webhookId().value()), column(candidates, BatchWrite::orderIdOf)));
        List<Integer> claimedItems = new ArrayList<>();
        for (int i : inBatchOrder(candidates)) {
            if (claimed.contains(batch.get(i).webhookId().value())) {
                claimedItems.add(i);
            } else {
                outcomes[i] = ProcessingOutcome.DUPLICATE;
            }
        }
        if (claimedItems.isEmpty()) {
            return List.of(outcomes);
        }

        Map<String, Long> current = new HashMap<>();
        String[] orderIds = claimedItems.stream().map(i -> orderIdOf(batch.get(i))).distinct().toArray(String[]::new);
        for (StoredVersion stored : mapper.lockVersions(orderIds)) {
            current.put(stored.orderId(), stored.version());
        }
        Map<String, Integer> lastWritten = new LinkedHashMap<>();
        for (int i : claimedItems) {
            Order order = batch.get(i).update().order();
            if (order.version().value() > current.getOrDefault(order.id().value(), 0L)) {
                current.put(order.id().value(), order.version().value());
                lastWritten.put(order.id().value(), i);
                outcomes[i] = ProcessingOutcome.WRITTEN;
            } else {
                outcomes[i] = ProcessingOutcome.STALE;
            }
        }

        if (!lastWritten.isEmpty()) {
            List<Integer> winners = sortedBy(new ArrayList<>(lastWritten.values()), BatchWrite::orderIdOf);
            Set<String> applied = new HashSet<>(mapper.upsertOrders(orderColumns(winners)));
            // A winner the guard refused: a concurrent transaction stored a higher version of a new order after
            // our lock. Everything this batch "wrote" for that order is stale after all.
            List<Integer> appliedWinners = new ArrayList<>();
            for (int w : winners) {
                String orderId = orderIdOf(batch.get(w));
                if (applied.contains(orderId)) {
                    appliedWinners.add(w);
                } else {
                    for (int i : claimedItems) {
                        if (orderIdOf(batch.get(i)).equals(orderId)) {
                            outcomes[i] = ProcessingOutcome.STALE;
                        }
                    }
                }
            }
            if (!appliedWinners.isEmpty()) {
                mapper.deleteItems(column(appliedWinners, BatchWrite::orderIdOf));
                mapper.insertItems(itemColumns(appliedWinners));
            }
        }
        List<Integer> written = new ArrayList<>();
        for (int i : claimedItems) {
            if (outcomes[i] == ProcessingOutcome.WRITTEN) {
                written.add(i);
            }
        }
        if (!written.isEmpty()) {
            mapper.markWritten(column(written, w -> w.webhookId().value()));
        }
        return List.of(outcomes);
    }

    /** Indexes of the first item with each webhook id; the later ones are duplicates within the batch. */
    private List<Integer> firstOccurrences(ProcessingOutcome[] outcomes) {
        Set<String> seen = new HashSet<>();
        List<Integer> first = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            if (seen.add(batch.get(i).webhookId().value())) {
                first.add(i);
            } else {
                outcomes[i] = ProcessingOutcome.DUPLICATE;
            }
        }
        return first;
    }

    private List<Integer> sortedBy(List<Integer> indexes, Function<OrderWrite, String> key) {
        List<Integer> sorted = new ArrayList<>(indexes);
        sorted.sort(Comparator.comparing(i -> key.apply(batch.get(i))));
        return sorted;
    }

    private static List<Integer> inBatchOrder(List<Integer> indexes) {
        List<Integer> sorted = new ArrayList<>(indexes);
        sorted.sort(Comparator.naturalOrder());
        return sorted;
    }

    private static String orderIdOf(OrderWrite write) {
        return write.update().order().id().value();
    }

    private String[] column(List<Integer> indexes, Function<OrderWrite, String> value) {
        return indexes.stream().map(i -> value.apply(batch.get(i))).toArray(String[]::new);
    }

    private OrderColumns orderColumns(List<Integer> winners) {
        int n = winners.size();
        String[] orderIds = new String[n];
        Long[] versions = new Long[n];
        String[] statuses = new String[n];
        String[] customerIds = new String[n];
        String[] currencies = new String[n];
        BigDecimal[] totals = new BigDecimal[n];
        String[] updatedAts = new String[n];
        String[] eventTypes = new String[n];
        String[] webhookIds = new String[n];
        for (int k = 0; k < n; k++) {
            OrderWrite write = batch.get(winners.get(k));
            Order order = write.update().order();
            orderIds[k] = order.id().value();
            versions[k] = order.version().value();
            statuses[k] = order.status().wireName();
            customerIds[k] = order.customerId().value();
            currencies[k] = order.currency().getCurrencyCode();
            totals[k] = order.total().amount();
            updatedAts[k] = order.updatedAt().toString();
            eventTypes[k] = write.update().type().wireName();
            webhookIds[k] = write.webhookId().value();
        }
        return new OrderColumns(orderIds, versions, statuses, customerIds, currencies, totals, updatedAts, eventTypes,
                webhookIds);
    }

    private ItemColumns itemColumns(List<Integer> winners) {
        List<String> orderIds = new ArrayList<>();
        List<Integer> lineNos = new ArrayList<>();
        List<String> skus = new ArrayList<>();
        List<Integer> quantities = new ArrayList<>();
        List<BigDecimal> unitPrices = new ArrayList<>();
        for (int w : winners) {
            Order order = batch.get(w).update().order();
            List<LineItem> items = order.items();
            for (int line = 0; line < items.size(); line++) {
                orderIds.add(order.id().value());
                lineNos.add(line + 1);
                skus.add(items.get(line).sku().value());
                quantities.add(items.get(line).quantity());
                unitPrices.add(items.get(line).unitPrice().amount());
            }
        }
        return new ItemColumns(orderIds.toArray(String[]::new), lineNos.toArray(Integer[]::new),
                skus.toArray(String[]::new), quantities.toArray(Integer[]::new), unitPrices.toArray(BigDecimal[]::new));
    }
}
