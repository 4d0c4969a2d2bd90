/**
 * The operator's commands against a running stack: {@code send} (a signed sample order, or a platform's own JSON,
 * over HTTP) and {@code dlq list} / {@code dlq redrive} (through the operator's port); {@code load} has a room of its
 * own below. {@code ProgressLine} is how a long command shows its progress on a terminal.
 *
 * <p>Depends on {@code parts} and {@code watch}; talks to the stack only through its sockets, as any sender or operator would.
 */
package com.webhookbuffer.bootstrap.local.command;
