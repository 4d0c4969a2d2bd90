/** What happens to a queued webhook on the worker side, and the limits (backoff, connection budget) it happens within. */
package com.webhookbuffer.domain.processing;
