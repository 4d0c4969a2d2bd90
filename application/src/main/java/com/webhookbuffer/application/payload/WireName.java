package com.webhookbuffer.application.payload;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import com.webhookbuffer.domain.order.EventType;
import com.webhookbuffer.domain.order.OrderStatus;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** The text is the wire name of one of the domain's enums; the domain enum is the one list of allowed names. */
@Documented
@Constraint(validatedBy = WireName.Validator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
public @interface WireName {

    Kind of();

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Which enum's wire names. */
    enum Kind {
        EVENT_TYPE("must be one of: " + EventType.WIRE_NAMES),
        ORDER_STATUS("must be one of: " + OrderStatus.WIRE_NAMES);

        private final String message;

        Kind(String message) {
            this.message = message;
        }

        boolean isValid(String text) {
            return switch (this) {
                case EVENT_TYPE -> EventType.fromWireName(text).isPresent();
                case ORDER_STATUS -> OrderStatus.fromWireName(text).isPresent();
            };
        }
    }

    /** Checks {@link WireName}; null is left to {@code @NotNull}. */
    final class Validator implements ConstraintValidator<WireName, String> {

        private Kind kind;

        @Override
        public void initialize(WireName annotation) {
            kind = annotation.of();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || kind.isValid(value)) {
                return true;
            }
            Violations.replaceMessage(context, kind.message);
            return false;
        }
    }
}
