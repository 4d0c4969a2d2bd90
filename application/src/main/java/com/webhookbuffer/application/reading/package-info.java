/**
 * Reading a webhook body into the domain, for both use cases (the inbox before it queues, the worker before it
 * writes): strict UTF-8, the {@code PayloadParser} port, the payload rules, then the domain's constructors.
 */
package com.webhookbuffer.application.reading;
