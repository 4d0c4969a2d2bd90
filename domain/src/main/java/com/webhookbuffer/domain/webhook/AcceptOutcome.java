package com.webhookbuffer.domain.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What became of a webhook the inbox was asked to accept. Each case maps to one HTTP answer; the mapping lives in
 * the inbound adapters, the decision here.
 */
public sealed interface AcceptOutcome {

    /** Every {@link #label()}, accepted first: what metrics count by, so each is there from the start. */
    List<String> LABELS = List.of(
            "accepted",
            "invalid-payload",
            "unauthenticated",
            "payload-too-large",
            "unsupported-media-type",
            "unknown-source",
            "queue-unavailable",
            "nothing-to-queue");

    /** Queued: the queue acknowledged the message. Answered 202; the only 2xx besides {@link NothingToQueue}'s 200. */
    record Accepted(WebhookId webhookId, String messageId) implements AcceptOutcome {
        public Accepted {
            Objects.requireNonNull(webhookId, "webhookId must not be null");
            Objects.requireNonNull(messageId, "messageId must not be null");
        }
    }

    /**
     * Authentic, but the payload breaks rules (400): the violations found, at most {@link Violation#MAX_REPORTED};
     * {@code stoppedEarly} when checking stopped there, so there may be more.
     */
    record InvalidPayload(List<Violation> violations, boolean stoppedEarly) implements AcceptOutcome {
        public InvalidPayload {
            violations = Violation.requireReportable(violations, stoppedEarly);
        }

        /** Every violation the payload has. */
        public InvalidPayload(List<Violation> violations) {
            this(violations, false);
        }
    }

    /**
     * Not proven authentic (401). The reason is for the operator's log only: the caller is never told which check
     * failed.
     */
    record Unauthenticated(String reason) implements AcceptOutcome {
        public Unauthenticated {
            Objects.requireNonNull(reason, "reason must not be null");
        }
    }

    /** The body exceeds the configured limit (413). */
    record PayloadTooLarge(int limitBytes, long actualBytes) implements AcceptOutcome {}

    /** Not {@code application/json} (415). {@code contentType} is what the request said, or null. */
    record UnsupportedMediaType(String contentType) implements AcceptOutcome {}

    /**
     * No source is configured under the name the request was addressed to (404): {@code POST /webhooks/{source}}
     * with a name the operator never set up, or one that cannot be a name at all.
     */
    record UnknownSource() implements AcceptOutcome {}

    /**
     * Authentic, or a platform's unsigned ping, but not about an order (200): a topic this service does not store
     * (Shopify's privacy topics, say) or WooCommerce's {@code webhook_id=N} ping. Answered 2xx because a platform
     * that sees errors retries and at last disables the subscription; nothing is queued.
     *
     * @param reason what it was, for the log and the answer (never a secret)
     */
    record NothingToQueue(String reason) implements AcceptOutcome {
        public NothingToQueue {
            Objects.requireNonNull(reason, "reason must not be null");
        }
    }

    /**
     * The queue did not confirm the message (503): the sender should retry after {@code retryAfter}. A queue that
     * answered too late may have taken it all the same; the retry is then a second delivery of the same webhook id,
     * which the worker recognises and writes once.
     */
    record QueueUnavailable(Duration retryAfter, String reason) implements AcceptOutcome {
        public QueueUnavailable {
            Objects.requireNonNull(retryAfter, "retryAfter must not be null");
            Objects.requireNonNull(reason, "reason must not be null");
        }
    }

    /** The outcome's name in logs and metrics: low-cardinality and stable, one per case. */
    default String label() {
        return switch (this) {
            case Accepted a -> "accepted";
            case InvalidPayload i -> "invalid-payload";
            case Unauthenticated u -> "unauthenticated";
            case PayloadTooLarge p -> "payload-too-large";
            case UnsupportedMediaType m -> "unsupported-media-type";
            case UnknownSource s -> "unknown-source";
            case QueueUnavailable q -> "queue-unavailable";
            case NothingToQueue n -> "nothing-to-queue";
        };
    }
}
