/**
 * Outbound ports, one per caller's need: the queue as the inbox publishes to it ({@code MessageQueue}), as the
 * worker settles what failed ({@code FailedDeliveries}), as an operator inspects and redrives it
 * ({@code DeadLetterQueue}), where orders are kept ({@code OrderRepository}), and what the door and the worker tell
 * whoever watches them ({@code IngestMetrics}, {@code WorkerMetrics}).
 */
package com.webhookbuffer.domain.port.out;
