/**
 * The webhook body as it is sent: its shape ({@link com.webhookbuffer.application.payload.WebhookPayload}) and the
 * Jakarta Validation rules that list every violated field, each rule's wording taken from the domain's constants.
 * Reading a body through these rules into the domain is {@code application.reading}'s.
 */
package com.webhookbuffer.application.payload;
