/**
 * The Azure Functions bootstrap: {@link com.webhookbuffer.bootstrap.azure.WebhookFunctions} (the two functions the
 * host finds by their annotations), {@link com.webhookbuffer.bootstrap.azure.AzureWiring} (app settings → storage
 * queue → adapters → use cases → doors) and {@link com.webhookbuffer.bootstrap.azure.HostSettings} (host.json and the
 * scale-out limit, from the connection budget). The same jar runs in two function apps, the door's (scaling freely)
 * and the worker's (scaled out no further than the database allows), each with the other's function disabled.
 *
 * <p>The outermost layer on Azure: may depend on every module but the AWS ones; nothing depends on it.
 */
package com.webhookbuffer.bootstrap.azure;
