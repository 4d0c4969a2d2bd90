package com.webhookbuffer.adapter.persistence;

import com.webhookbuffer.domain.order.Order;
import com.webhookbuffer.domain.processing.OrderWrite;
import com.webhookbuffer.domain.processing.ProcessingOutcome;
import com.webhookbuffer.domain.webhook.EventId;
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
        Map<WebhookKey, Integer> candidates = firstOccurrences(outcomes);

        // Claims are made in (source, webhook id) order: with orders locked by (source, order id) after them, every
        // worker takes its locks in the same global order and none can deadlock another.
        List<WebhookKey> ids = new ArrayList<>(candidates.keySet());
        ids.sort(WebhookKey.ORDER);
        String[] sources = ids.stream().map(WebhookKey::source).toArray(String[]::new);
        String[] webhookIds = ids.stream().map(WebhookKey::webhookId).toArray(String[]::new);
        String[] orderIds =
                ids.stream().map(id -> orderIdOf(batch.get(candidates.get(id)))).toArray(String[]::new);
        String[] eventIds = ids.stream()
                .map(id -> batch.get(candidates.get(id))
                        .eventId()
                        .map(EventId::value)
                        .orElse(null))
                .toArray(String[]::new);
        Map<OrderKey, Long> current = new HashMap<>();
        Set<Integer> claimed = new HashSet<>();
        for (Claim claim : mapper.claimAndLock(sources, webhookIds, orderIds, eventIds)) {
            claimed.add(candidates.get(new WebhookKey(claim.source(), claim.webhookId())));
            if (claim.storedVersion() != null) {
                current.put(claim.order(), claim.storedVersion());
            }
        }

        Map<OrderKey, Integer> winners = new LinkedHashMap<>();
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
            OrderKey key = keyOf(batch.get(i));
            if (order.version().value() > current.getOrDefault(key, 0L)) {
                current.put(key, order.version().value());
                winners.put(key, i);
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
                .sorted(Comparator.comparing(BatchWrite::keyOf))
                .toList();
        Set<OrderKey> applied = new HashSet<>(mapper.storeWinners(
                Winners.of(winning, written.stream().map(batch::get).toList())));
        // A winner the guard refused: a concurrent transaction stored a higher version of a new order after our
        // lock found none. Everything this batch would have written for that order is stale after all.
        for (int i : written) {
            if (!applied.contains(keyOf(batch.get(i)))) {
                outcomes[i] = ProcessingOutcome.STALE;
            }
        }
        return List.of(outcomes);
    }

    /**
     * Index of the first item with each (source, webhook id); a later item with the same key is a duplicate in the
     * batch.
     */
    private Map<WebhookKey, Integer> firstOccurrences(ProcessingOutcome[] outcomes) {
        Map<WebhookKey, Integer> first = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            if (first.putIfAbsent(WebhookKey.of(batch.get(i)), i) != null) {
                outcomes[i] = ProcessingOutcome.DUPLICATE;
            }
        }
        return first;
    }

    private static String orderIdOf(OrderWrite write) {
        return write.update().order().id().value();
    }

    private static OrderKey keyOf(OrderWrite write) {
        return new OrderKey(write.source().value(), orderIdOf(write));
    }

    /** A webhook as the idempotency table keys it; claims are made in this order. */
    private record WebhookKey(String source, String webhookId) {

        static final Comparator<WebhookKey> ORDER =
                Comparator.comparing(WebhookKey::source).thenComparing(WebhookKey::webhookId);

        static WebhookKey of(OrderWrite write) {
            return new WebhookKey(write.source().value(), write.webhookId().value());
        }
    }
}
