package com.webhookbuffer.application.payload;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import com.webhookbuffer.domain.order.Money;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

/**
 * The text is a plain decimal amount at least zero and below {@link Money#LIMIT}: digits, optionally a point and
 * more digits. No sign, exponent or spaces: a sender that writes {@code 1e3} or {@code -0} is told so rather than
 * guessed at. Whether the fraction fits the currency is checked by {@link ConsistentAmounts}, which knows the currency.
 */
@Documented
@Constraint(validatedBy = DecimalAmount.Validator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
public @interface DecimalAmount {

    String message() default "must be a decimal string >= 0 and " + Money.LIMIT_RULE + ", e.g. \"19.99\"";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks {@link DecimalAmount}; null is left to {@code @NotNull}. */
    final class Validator implements ConstraintValidator<DecimalAmount, String> {

        private static final Pattern FORMAT =
                Pattern.compile("[0-9]{1," + Money.MAX_WHOLE_DIGITS + "}(\\.[0-9]{1,18})?");

        static boolean isDecimalAmount(String value) {
            return value != null && FORMAT.matcher(value).matches();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || isDecimalAmount(value);
        }
    }
}
