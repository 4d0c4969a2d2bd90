/** Outbound ports: what the service needs from the outside world (a queue, an order store). */
package com.webhookbuffer.domain.port.out;
