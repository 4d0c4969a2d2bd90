/**
 * What every platform translator shares: how a platform's body is read (one strictness, exact numbers) and the
 * answer to one that is not JSON. Depends on Jackson and the application's translation port only; the platforms'
 * packages depend on it, never the other way.
 */
package com.webhookbuffer.adapter.json.platform;
