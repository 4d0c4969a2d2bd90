package com.webhookbuffer.application.port.out;

/**
 * Outbound port of the application: turns a platform's own order JSON into this service's order contract (the
 * body docs/contract.md describes), which is then judged by the same rules as any other and queued.
 * The platform's shape stays in its adapter; the queue, the worker and the store know only the contract.
 */
public interface PayloadTranslator {

    /** Standard Webhooks senders already speak the contract: their body is queued as it was signed. */
    PayloadTranslator AS_SENT = (topic, json) -> new Translation.Translated(json);

    /**
     * @param topic the delivery's topic as its protocol read it ({@code orders/updated}, {@code order.created})
     * @param json  the authenticated body, decoded as strict UTF-8
     */
    Translation translate(String topic, String json);
}
