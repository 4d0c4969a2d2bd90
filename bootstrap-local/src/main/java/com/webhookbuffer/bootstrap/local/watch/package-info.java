/**
 * What whoever watches the local stack reads: {@code GET /status} ({@code StatusDocument}, from the stack's own
 * counts) and its reader on the other side of the socket ({@code StatusSampler}, for the commands), {@code GET
 * /metrics} ({@code LocalMetrics}, Prometheus' format) and the dashboard's history.
 *
 * <p>Depends on {@code parts} and the Prometheus adapter.
 */
package com.webhookbuffer.bootstrap.local.watch;
