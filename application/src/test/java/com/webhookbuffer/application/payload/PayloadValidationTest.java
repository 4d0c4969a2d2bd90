package com.webhookbuffer.application.payload;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.constraints.NotNull;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class PayloadValidationTest {

    /** A bean whose message would be looked up and interpolated by a default validator. */
    record Sample(
            @NotNull(message = "{jakarta.validation.constraints.NotNull.message} ${1 + 1}")
            String value) {}

    @Test
    void messagesAreTakenLiterallyWithoutLookupOrExpressions() {
        var violations = PayloadValidation.newValidator().validate(new Sample(null));

        assertThat(violations)
                .extracting(ConstraintViolation::getMessage)
                .containsExactly("{jakarta.validation.constraints.NotNull.message} ${1 + 1}");
    }

    @Test
    void aLocaleChangesNothing() {
        assertThat(new PayloadValidation.LiteralMessages().interpolate("{x} ${y}", null, Locale.GERMAN))
                .isEqualTo("{x} ${y}");
    }
}
