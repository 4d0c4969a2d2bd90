/**
 * The parts every local stack shares, whichever cloud it plays: its settings ({@code LocalSettings}), its private
 * state folder ({@code StateDirectory}), the embedded PostgreSQL ({@code LocalDatabase}), the HTTP front that holds
 * against careless and hostile clients ({@code HttpFront}), the dashboard's files and the development secret.
 *
 * <p>Depends on the adapters and the JDK's HTTP server; never on the other rooms of the local stack.
 */
package com.webhookbuffer.bootstrap.local.parts;
