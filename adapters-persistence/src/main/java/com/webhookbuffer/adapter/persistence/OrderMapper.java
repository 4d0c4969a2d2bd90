package com.webhookbuffer.adapter.persistence;

import java.util.List;
import org.apache.ibatis.annotations.Param;

/**
 * The SQL of the order store ({@code OrderMapper.xml} beside it). Each statement takes whole columns as arrays and
 * works on a batch at once, so a batch costs the same handful of round trips whatever its size.
 */
interface OrderMapper {

    /**
     * Claims webhook ids in the idempotency table (provisionally as 'stale'); returns the ids this call claimed.
     * An id already there, or claimed by a concurrent transaction that commits, is not returned: a duplicate.
     */
    List<String> claimWebhooks(@Param("webhookIds") String[] webhookIds, @Param("orderIds") String[] orderIds);

    /** Locks the stored rows of these orders and returns their versions. */
    List<StoredVersion> lockVersions(@Param("orderIds") String[] orderIds);

    /**
     * Inserts or replaces orders, each only where the stored version is lower; returns the ids it changed.
     */
    List<String> upsertOrders(OrderColumns orders);

    void deleteItems(@Param("orderIds") String[] orderIds);

    void insertItems(ItemColumns items);

    void markWritten(@Param("webhookIds") String[] webhookIds);

    OrderRow selectOrder(@Param("orderId") String orderId);

    List<ItemRow> selectItems(@Param("orderId") String orderId);
}
