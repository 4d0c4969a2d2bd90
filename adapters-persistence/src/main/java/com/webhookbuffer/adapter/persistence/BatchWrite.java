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

/**
 * One batch written inside the caller's transaction, in two statements whatever its size:
 *
 * <ol>
 *   <li>claim the webhook ids in {@code processed_webhooks} and lock the stored versions of their orders; an id
 *       that is already there is a duplicate (a concurrent claim of the same id waits for the other transaction,
 *       then is a duplicate if it committed);
 *   <li>replay the claimed items in batch order against those versions (in memory): an item is written if its
 *       version is higher than everything before it, stale otherwise; per order only the last written version
 *       is stored;
 *   <li>store those winners with the version guard in SQL, replace their items and mark the written webhooks.
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
        Map<String, Integer> candidates = firstOccurrences(outcomes);

        // Claims are made in webhook id order: with orders locked by id after them, every worker takes its locks
        // in the same global order and none can deadlock another.
        List<String> ids = new ArrayList<>(candidates.keySet());
        ids.sort(Comparator.naturalOrder());
        String[] orderIds = ids.stream().map(id -> orderIdOf(batch.get(candidates.get(id)))).toArray(String[]::new);
        Map<String, Long> current = new HashMap<>();
        Set<Integer> claimed = new HashSet<>();
        for (Claim claim : mapper.claimAndLock(ids.toArray(String[]::new), orderIds)) {
            claimed.add(candidates.get(claim.webhookId()));
            if (claim.storedVersion() != null) {
                current.put(claim.orderId(), claim.storedVersion());
            }
        }

        Map<String, Integer> winners = new LinkedHashMap<>();
        List<Integer> written = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            if (outcomes[i] != null) {
                continue;
            }
            if (!claimed.contains(i)) {
                outcomes[i] = ProcessingOutcome.DUPLICATE;
                continue;
            }
            Order order = batch.get(i).update().order();
            if (order.version().value() > current.getOrDefault(order.id().value(), 0L)) {
                current.put(order.id().value(), order.version().value());
                winners.put(order.id().value(), i);
                written.add(i);
                outcomes[i] = ProcessingOutcome.WRITTEN;
            } else {
                outcomes[i] = ProcessingOutcome.STALE;
            }
        }
        if (winners.isEmpty()) {
            return List.of(outcomes);
        }

        List<Integer> winnerIndexes = new ArrayList<>(winners.values());
        winnerIndexes.sort(Comparator.comparing(i -> orderIdOf(batch.get(i))));
        Set<String> applied = new HashSet<>(mapper.storeWinners(winners(winnerIndexes, written)));
        // A winner the guard refused: a concurrent transaction stored a higher version of a new order after our
        // lock found none. Everything this batch would have written for that order is stale after all.
        for (int i : written) {
            if (!applied.contains(orderIdOf(batch.get(i)))) {
                outcomes[i] = ProcessingOutcome.STALE;
            }
        }
        return List.of(outcomes);
    }

    /** Index of the first item with each webhook id; a later item with the same id is a duplicate in the batch. */
    private Map<String, Integer> firstOccurrences(ProcessingOutcome[] outcomes) {
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            if (first.putIfAbsent(batch.get(i).webhookId().value(), i) != null) {
                outcomes[i] = ProcessingOutcome.DUPLICATE;
            }
        }
        return first;
    }

    private static String orderIdOf(OrderWrite write) {
        return write.update().order().id().value();
    }

    private Winners winners(List<Integer> winnerIndexes, List<Integer> written) {
        int n = winnerIndexes.size();
        String[] orderIds = new String[n];
        Long[] versions = new Long[n];
        String[] statuses = new String[n];
        String[] customerIds = new String[n];
        String[] currencies = new String[n];
        BigDecimal[] totals = new BigDecimal[n];
        String[] updatedAts = new String[n];
        String[] eventTypes = new String[n];
        String[] webhookIds = new String[n];
        Integer[] itemCounts = new Integer[n];
        List<String> itemOrderIds = new ArrayList<>();
        List<Integer> lineNos = new ArrayList<>();
        List<String> skus = new ArrayList<>();
        List<Integer> quantities = new ArrayList<>();
        List<BigDecimal> unitPrices = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            OrderWrite write = batch.get(winnerIndexes.get(k));
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
            List<LineItem> items = order.items();
            itemCounts[k] = items.size();
            for (int line = 0; line < items.size(); line++) {
                itemOrderIds.add(order.id().value());
                lineNos.add(line + 1);
                skus.add(items.get(line).sku().value());
                quantities.add(items.get(line).quantity());
                unitPrices.add(items.get(line).unitPrice().amount());
            }
        }
        return new Winners(orderIds, versions, statuses, customerIds, currencies, totals, updatedAts, eventTypes,
                webhookIds, itemCounts, itemOrderIds.toArray(String[]::new), lineNos.toArray(Integer[]::new),
                skus.toArray(String[]::new), quantities.toArray(Integer[]::new),
                unitPrices.toArray(BigDecimal[]::new),
                written.stream().map(i -> batch.get(i).webhookId().value()).toArray(String[]::new));
    }
}
