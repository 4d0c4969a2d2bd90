package com.webhookbuffer.adapter.persistence;

import java.util.List;
import org.apache.ibatis.annotations.Param;

/**
 * The SQL of the order store ({@code OrderMapper.xml} beside it). A batch is written in two statements whatever its
 * size: each takes whole columns as arrays and unnests them.
 */
interface OrderMapper {

    /**
     * Claims webhook ids in the idempotency table (provisionally as 'stale') and locks the stored rows of their
     * orders. An id already there, or claimed by a concurrent transaction that commits, is not returned: it is a
     * duplicate.
     */
    List<Claim> claimAndLock(
            @Param("sources") String[] sources,
            @Param("webhookIds") String[] webhookIds,
            @Param("orderIds") String[] orderIds,
            @Param("eventIds") String[] eventIds);

    /**
     * Upserts the winning versions (each only where the stored version is lower), replaces the items of those it
     * changed and marks their written webhooks; returns the keys of the orders it changed.
     */
    List<OrderKey> storeWinners(Winners winners);

    OrderRow selectOrder(@Param("source") String source, @Param("orderId") String orderId);

    List<ItemRow> selectItems(@Param("source") String source, @Param("orderId") String orderId);
}
