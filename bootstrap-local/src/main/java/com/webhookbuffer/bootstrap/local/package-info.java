/**
 * The local stack: the whole pipeline on one machine ({@code ./run-local}) and the operator commands. This package
 * holds the command line ({@code RunLocal}) and the one place the stack is assembled, top to bottom
 * ({@code LocalStack}); the rooms below it hold the rest by job: {@code parts} (what every cloud's stack shares),
 * {@code cloud} (the cloud it plays), {@code watch} (what whoever watches it reads) and {@code command} (the
 * operator's commands). It runs the very handlers the functions run, behind stand-ins for their hosts
 * ({@code host-standins}).
 *
 * <p>An outermost layer like {@code bootstrap-lambda}: may depend on every module; nothing depends on it. Within it,
 * the rooms depend downwards only: this package on all of them; {@code command} and {@code cloud} on {@code parts}
 * and {@code watch}; {@code watch} on {@code parts}; {@code parts} on none of them.
 */
package com.webhookbuffer.bootstrap.local;
