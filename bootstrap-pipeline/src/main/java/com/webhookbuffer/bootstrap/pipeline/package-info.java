/**
 * What every bootstrap shares: {@link com.webhookbuffer.bootstrap.pipeline.Pipeline} (the payload reader, the door and
 * the worker, assembled once from settings and the ports each cloud's adapters give),
 * {@link com.webhookbuffer.bootstrap.pipeline.EnvironmentVariables} (typed reads whose failures name the variable) and
 * {@link com.webhookbuffer.bootstrap.pipeline.Settings} (the cloud-neutral settings and their names).
 *
 * <p>May depend on the application, the domain and the cloud-neutral JSON adapter; never on a cloud SDK or a cloud's
 * adapter, so every bootstrap's jar can hold it.
 */
package com.webhookbuffer.bootstrap.pipeline;
