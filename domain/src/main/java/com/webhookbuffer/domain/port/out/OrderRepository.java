package com.webhookbuffer.domain.port.out;

import com.webhookbuffer.domain.processing.OrderWrite;
import com.webhookbuffer.domain.processing.ProcessingOutcome;
import com.webhookbuffer.domain.queue.Delivery;
import java.util.List;

/**
 * Outbound port, worker side: where orders are written. Nothing in the service reads them back (the shop's own
 * applications read the database); the adapters' {@code find} serves their tests and stays off the port.
 *
 * <p>Guarantees of {@link #write(List)}, for every adapter:
 * <ul>
 *   <li>idempotent per webhook id: a webhook id written before (in an earlier batch, in this batch, or by a
 *       concurrent writer) is {@code Duplicate} and has no second effect;
 *   <li>version-ordered per order: an update whose version is not higher than the stored one is {@code Stale}
 *       and changes nothing; a higher one replaces the order and all its items;
 *   <li>items are applied in batch order, and one outcome is returned per item, in the same order;
 *   <li>a transient failure yields {@code RetryLater} for every item whose effect was not committed, and a store
 *       that cannot be reached (or refuses connections) {@code StoreUnavailable}; an item that can never be stored
 *       yields {@code Poison} without failing the rest of the batch.
 * </ul>
 */
public interface OrderRepository {

    List<ProcessingOutcome> write(List<OrderWrite> batch);

    /**
     * Writes {@code batch}, whose items came from {@code deliveries} (one each, in the same order). A repository
     * that shares its database with the queue deletes the delivery of every item it acknowledges (written,
     * duplicate or stale) in the transaction that writes the batch, so a message is processed exactly once; the
     * others need not know where an item came from, and write as {@link #write(List)} does.
     */
    default List<ProcessingOutcome> write(List<OrderWrite> batch, List<Delivery> deliveries) {
        if (batch.size() != deliveries.size()) {
            throw new IllegalArgumentException(
                    "one delivery per write: " + batch.size() + " writes, " + deliveries.size() + " deliveries");
        }
        return write(batch);
    }
}
