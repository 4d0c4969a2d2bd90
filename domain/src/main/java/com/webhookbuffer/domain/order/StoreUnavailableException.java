package com.webhookbuffer.domain.order;

/**
 * The order store could not be reached for a read. (Writes report this as retry-later outcomes instead.) Adapters
 * translate their library's failures into this before they reach the application.
 */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
