package com.webhookbuffer.application.reading;

import com.webhookbuffer.domain.order.OrderUpdate;
import com.webhookbuffer.domain.webhook.Violation;
import java.util.List;
import java.util.Objects;

/** What {@link PayloadReader} made of a body: an order update, or every reason it is not one. */
public sealed interface PayloadReading {

    /**
     * @param json the order in the contract as text: the body exactly as received from a Standard Webhooks sender,
     *             a platform's body as its translator wrote it
     */
    record Valid(OrderUpdate update, String json) implements PayloadReading {
        public Valid {
            Objects.requireNonNull(update, "update must not be null");
            Objects.requireNonNull(json, "json must not be null");
        }
    }

    /**
     * @param violations   the broken rules found, at most {@link Violation#MAX_REPORTED}
     * @param stoppedEarly whether checking stopped at that many, so there may be more
     */
    record Invalid(List<Violation> violations, boolean stoppedEarly) implements PayloadReading {
        public Invalid {
            violations = Violation.requireReportable(violations, stoppedEarly);
        }

        /** Every violation the body has. */
        public Invalid(List<Violation> violations) {
            this(violations, false);
        }

        /** One line for a log or a dead letter's reason. */
        public String summary() {
            return String.join(
                            "; ", violations.stream().map(Violation::toString).toList())
                    + (stoppedEarly ? "; (checking stopped at " + Violation.MAX_REPORTED + ")" : "");
        }
    }
}
