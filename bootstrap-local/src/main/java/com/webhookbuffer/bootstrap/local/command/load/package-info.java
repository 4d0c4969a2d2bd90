/**
 * {@code ./run-local load}: a spike of signed webhooks against the running stack, the wait for its drain, and the
 * figures. {@code LoadCommand} orchestrates; {@code LoadOptions}, {@code LoadPlan}, {@code LoadSender},
 * {@code DrainWatch} and {@code LoadSummary} are its steps; {@code StoredOrders} reads the stack's database as it
 * drains, {@code watch.StatusSampler} its {@code /status}.
 *
 * <p>Depends on {@code command}, {@code parts} and {@code watch}.
 */
package com.webhookbuffer.bootstrap.local.command.load;
