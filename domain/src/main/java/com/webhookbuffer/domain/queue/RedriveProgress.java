package com.webhookbuffer.domain.queue;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a {@link Redrive} stands, as the queue reports it.
 *
 * @param failureReason why it failed or was cancelled, when the queue says
 */
public record RedriveProgress(State state, long moved, long toMove, Optional<String> failureReason) {

    /** The states of SQS's message move task, which every adapter reports in. */
    public enum State {
        RUNNING,
        CANCELLING,
        COMPLETED,
        FAILED,
        CANCELLED;

        /** Nothing more will move. */
        public boolean isOver() {
            return this == COMPLETED || this == FAILED || this == CANCELLED;
        }
    }

    public RedriveProgress {
        Objects.requireNonNull(state, "state must not be null");
        Objects.requireNonNull(failureReason, "failureReason must not be null");
        if (moved < 0 || toMove < 0) {
            throw new IllegalArgumentException("moved and toMove must be >= 0");
        }
    }
}
