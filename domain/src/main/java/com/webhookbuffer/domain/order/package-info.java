/** Orders as the webhook sender describes them: value objects that refuse invalid state when constructed. */
package com.webhookbuffer.domain.order;
