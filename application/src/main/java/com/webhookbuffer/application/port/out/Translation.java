package com.webhookbuffer.application.port.out;

import com.webhookbuffer.domain.webhook.Violation;
import java.util.List;
import java.util.Objects;

/** What a {@link PayloadTranslator} made of a platform's body. */
public sealed interface Translation {

    /** @param json the order in this service's contract, to be judged and queued */
    record Translated(String json) implements Translation {
        public Translated {
            Objects.requireNonNull(json, "json must not be null");
        }
    }

    /**
     * Not an order this service can store (400): each violation names the platform's field, e.g. {@code
     * line_items[2].quantity}, and the rule it breaks; at most {@link Violation#MAX_REPORTED}.
     */
    record Untranslatable(List<Violation> violations) implements Translation {
        public Untranslatable {
            violations = Violation.requireReportable(violations, false);
        }
    }
}
