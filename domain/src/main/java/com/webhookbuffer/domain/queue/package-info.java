/**
 * Messages as the queue carries them: the envelope, a delivery of it, a dead letter and its redrive, and the
 * queue's depth.
 */
package com.webhookbuffer.domain.queue;
