/**
 * Azurite, the Azure Storage emulator, installed (pinned, into a folder of the project) and run on this machine, for
 * the Azure tests and for {@code ./run-local} with {@code CLOUD=azure}: the Azure counterpart of ElasticMQ.
 *
 * <p>Depends on the JDK alone; only the local stack and tests use it (an architecture rule holds it).
 */
package com.webhookbuffer.emulator.azurite;
