/**
 * The webhook body: its shape as sent ({@link com.webhookbuffer.application.payload.WebhookPayload}), the Jakarta
 * Validation rules that list every violated field, and the translation into the domain's {@code OrderUpdate}.
 */
package com.webhookbuffer.application.payload;
