package com.webhookbuffer.application.payload;

import com.webhookbuffer.domain.order.OrderUpdate;
import com.webhookbuffer.domain.webhook.Violation;
import java.util.List;
import java.util.Objects;

/** What {@link PayloadReader} made of a body: an order update, or every reason it is not one. */
public sealed interface PayloadReading {

    /** @param json the body as text, exactly as received */
    record Valid(OrderUpdate update, String json) implements PayloadReading {
        public Valid {
            Objects.requireNonNull(update, "update must not be null");
            Objects.requireNonNull(json, "json must not be null");
        }
    }

    record Invalid(List<Violation> violations) implements PayloadReading {
        public Invalid {
            violations = List.copyOf(violations);
            if (violations.isEmpty()) {
                throw new IllegalArgumentException("violations must not be empty");
            }
        }

        /** One line for a log or a dead letter's reason. */
        public String summary() {
            return String.join("; ", violations.stream().map(Violation::toString).toList());
        }
    }
}
