package com.webhookbuffer.application.payload;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** The text is an RFC 3339 date-time with an offset, e.g. {@code 2026-11-26T14:00:00Z}. */
@Documented
@Constraint(validatedBy = IsoTimestamp.Validator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
public @interface IsoTimestamp {

    String message() default "must be an RFC 3339 date-time with offset, e.g. 2026-11-26T14:00:00Z";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks {@link IsoTimestamp}; null is left to {@code @NotNull}. */
    final class Validator implements ConstraintValidator<IsoTimestamp, String> {

        static Instant parse(String value) {
            return OffsetDateTime.parse(value).toInstant();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            try {
                parse(value);
                return true;
            } catch (DateTimeParseException e) {
                return false;
            }
        }
    }
}
