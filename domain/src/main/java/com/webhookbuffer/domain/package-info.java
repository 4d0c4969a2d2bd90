/**
 * The domain core of webhook-buffer: the order model, the webhook model, the processing outcomes and the ports.
 *
 * <p>May depend on {@code java.*} only. No framework, no I/O library, no reflection tricks: everything here is
 * a record, an enum or a small interface that a reader can check by eye.
 */
package com.webhookbuffer.domain;
