package com.webhookbuffer.domain.queue;

/**
 * The queue could not be reached for an operation that has no outcome value of its own (settling a delivery,
 * reading depths). Adapters translate their library's failures into this before they reach the application.
 */
public class QueueUnavailableException extends RuntimeException {

    public QueueUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public QueueUnavailableException(String message) {
        super(message);
    }
}
