/**
 * What every bootstrap reads from its environment the same way: {@link com.webhookbuffer.bootstrap.settings.EnvironmentVariables}
 * (typed reads whose failures name the variable) and {@link com.webhookbuffer.bootstrap.settings.Settings} (the
 * cloud-neutral settings and their names).
 *
 * <p>May depend on the application and the domain; never on a cloud SDK or an adapter, so every bootstrap's jar can
 * hold it.
 */
package com.webhookbuffer.bootstrap.settings;
