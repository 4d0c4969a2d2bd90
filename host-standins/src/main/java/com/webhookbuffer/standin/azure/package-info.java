/**
 * Azure's hosts played here: Azurite, the Azure Storage emulator (an npm package, installed pinned into a folder of
 * the project and run on this machine), the Functions host's queue trigger (lease, dequeue count, poison queue) and
 * the HTTP request it hands a function.
 */
package com.webhookbuffer.standin.azure;
