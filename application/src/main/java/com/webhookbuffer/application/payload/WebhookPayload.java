package com.webhookbuffer.application.payload;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * The webhook body as the sender writes it, before it is trusted. Fields are kept as text where the format is
 * part of the contract (timestamps, amounts, codes), so that validation can name every bad field at once instead
 * of the parser stopping at the first.
 */
@CancellationMatchesStatus
public record WebhookPayload(
        @NotNull(message = "is required") @WireName(of = WireName.Kind.EVENT_TYPE)
        String type,

        @NotNull(message = "is required") @IsoTimestamp String timestamp,

        @NotNull(message = "is required") @Valid OrderPayload data) {}
