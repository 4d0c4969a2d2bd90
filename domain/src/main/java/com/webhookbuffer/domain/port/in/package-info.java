/** Inbound ports: what the outside world (API Gateway, the SQS event source, a local runner) may ask of the service. */
package com.webhookbuffer.domain.port.in;
