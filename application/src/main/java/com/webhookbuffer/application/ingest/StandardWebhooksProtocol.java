package com.webhookbuffer.application.ingest;

import com.webhookbuffer.domain.webhook.RequestHeaders;
import com.webhookbuffer.domain.webhook.WebhookId;
import java.util.Objects;
import java.util.Optional;

/**
 * Standard Webhooks: {@code webhook-id} is the idempotency key, {@code webhook-timestamp} must be within the
 * tolerance of now, and {@code webhook-signature} holds {@code v1} (HMAC) and/or {@code v1a} (Ed25519) entries,
 * checked by {@link SignatureVerifier}. The body is the contract itself, so every authentic request is about an
 * order and the body names its event type.
 */
public final class StandardWebhooksProtocol implements SenderProtocol {

    private final SignatureVerifier verifier;

    public StandardWebhooksProtocol(SignatureVerifier verifier) {
        this.verifier = Objects.requireNonNull(verifier, "verifier must not be null");
    }

    @Override
    public Authentication authenticate(RequestHeaders headers, byte[] body) {
        String webhookId = headers.value("webhook-id");
        SignatureCheck check = verifier.verify(
                webhookId, headers.value("webhook-timestamp"), headers.value("webhook-signature"), body);
        if (check != SignatureCheck.AUTHENTIC) {
            return new Authentication.Refused(check.description());
        }
        return new Authentication.Authentic(WebhookId.of(webhookId), Optional.empty(), "");
    }
}
