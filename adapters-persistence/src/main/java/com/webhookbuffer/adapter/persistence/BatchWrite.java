package com.webhookbuffer.adapter.persistence;

import com.webhookbuffer.domain.order.Order;
import com.webhookbuffer.domain.processing.OrderWrite;
import com.webhookbuffer.domain.processing.ProcessingOutcome;
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

        List<OrderWrite> winning = winners.values().stream()
                .map(batch::get)
                .sorted(Comparator.comparing(BatchWrite::orderIdOf))
                .toList();
        Set<String> applied = new HashSet<>(
                mapper.storeWinners(Winners.of(winning, written.stream().map(batch::get).toList())));
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
}
