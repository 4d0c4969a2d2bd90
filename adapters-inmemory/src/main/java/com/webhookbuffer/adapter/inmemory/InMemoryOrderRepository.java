package com.webhookbuffer.adapter.inmemory;

import com.webhookbuffer.domain.order.Order;
import com.webhookbuffer.domain.order.OrderId;
import com.webhookbuffer.domain.port.out.OrderRepository;
import com.webhookbuffer.domain.processing.OrderWrite;
import com.webhookbuffer.domain.processing.ProcessingOutcome;
import com.webhookbuffer.domain.webhook.SourceName;
import com.webhookbuffer.domain.webhook.WebhookId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@link OrderRepository} held in memory, with the PostgreSQL adapter's semantics: an idempotency record per
 * webhook id and a version guard per order, each within its source, applied atomically per batch (one lock stands
 * in for the transaction).
 */
public final class InMemoryOrderRepository implements OrderRepository {

    private final Map<Key<OrderId>, Order> orders = new HashMap<>();
    private final Map<Key<WebhookId>, ProcessingOutcome> processed = new HashMap<>();
    private boolean available = true;

    /** Simulates an outage (or its end): while unavailable, every write is store-unavailable, as a lost database's. */
    public synchronized void setAvailable(boolean available) {
        this.available = available;
    }

    @Override
    public synchronized List<ProcessingOutcome> write(List<OrderWrite> batch) {
        if (!available) {
            ProcessingOutcome unavailable = new ProcessingOutcome.StoreUnavailable("in-memory store is unavailable");
            return batch.stream().map(w -> unavailable).toList();
        }
        List<ProcessingOutcome> outcomes = new ArrayList<>(batch.size());
        for (OrderWrite write : batch) {
            outcomes.add(apply(write));
        }
        return outcomes;
    }

    private ProcessingOutcome apply(OrderWrite write) {
        Key<WebhookId> webhook = new Key<>(write.source(), write.webhookId());
        if (processed.containsKey(webhook)) {
            return ProcessingOutcome.DUPLICATE;
        }
        Order incoming = write.update().order();
        Key<OrderId> order = new Key<>(write.source(), incoming.id());
        Order stored = orders.get(order);
        ProcessingOutcome outcome;
        if (stored != null && !incoming.version().isNewerThan(stored.version())) {
            outcome = ProcessingOutcome.STALE;
        } else {
            orders.put(order, incoming);
            outcome = ProcessingOutcome.WRITTEN;
        }
        processed.put(webhook, outcome);
        return outcome;
    }

    /** The stored order, if any: how tests read back what was written (not a port: the service never reads). */
    public synchronized Optional<Order> find(SourceName source, OrderId orderId) {
        return Optional.ofNullable(orders.get(new Key<>(source, orderId)));
    }

    /** The stored order of the {@link SourceName#DEFAULT default} source, if any. */
    public synchronized Optional<Order> find(OrderId orderId) {
        return find(SourceName.DEFAULT, orderId);
    }

    /** Orders and webhook ids are each unique within their source only. */
    private record Key<I>(SourceName source, I id) {}

    /** How many orders are stored; for tests and the local status page. */
    public synchronized int size() {
        return orders.size();
    }
}
