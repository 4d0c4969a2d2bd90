package com.webhookbuffer.application.ingest;

import com.webhookbuffer.domain.webhook.RequestHeaders;
import java.util.Optional;

/**
 * How one kind of sender delivers a webhook: which headers carry its signature, its idempotency key and its topic,
 * how the signature is checked, and which topics are about orders. One implementation per
 * {@link com.webhookbuffer.domain.webhook.SourceKind}; the {@link AcceptWebhook} of a source asks its kind's.
 */
public interface SenderProtocol {

    /**
     * Whether the request is the platform's unsigned "is anyone there" request rather than a delivery, answered
     * 200 with nothing queued. Asked before anything else is checked; most protocols have none.
     *
     * @return what it was, for the log; empty for a request that must be authenticated like any other
     */
    default Optional<String> ping(RequestHeaders headers, byte[] body) {
        return Optional.empty();
    }

    /**
     * Checks the signature over the raw body with the keys in force, and reads the delivery's identity. Every
     * comparison is constant-time and no key's check ends early.
     */
    Authentication authenticate(RequestHeaders headers, byte[] body);
}
