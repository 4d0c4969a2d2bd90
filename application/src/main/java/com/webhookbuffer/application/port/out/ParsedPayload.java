package com.webhookbuffer.application.port.out;

import com.webhookbuffer.application.payload.WebhookPayload;
import com.webhookbuffer.domain.webhook.Violation;
import java.util.Objects;

/** What {@link PayloadParser} made of a body. */
public sealed interface ParsedPayload {

    record Parsed(WebhookPayload payload) implements ParsedPayload {
        public Parsed {
            Objects.requireNonNull(payload, "payload must not be null");
        }
    }

    /** Not JSON, or JSON of the wrong shape (a string where a number belongs); the violation says where. */
    record Malformed(Violation violation) implements ParsedPayload {
        public Malformed {
            Objects.requireNonNull(violation, "violation must not be null");
        }
    }
}
