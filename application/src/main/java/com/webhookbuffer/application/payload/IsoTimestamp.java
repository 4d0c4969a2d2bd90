package com.webhookbuffer.application.payload;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import com.webhookbuffer.domain.order.Order;
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
import java.util.regex.Pattern;

/**
 * The text is an RFC 3339 date-time with an offset, e.g. {@code 2026-11-26T14:00:00Z}: a four-digit year, seconds,
 * at most nine fraction digits, {@code Z} or {@code ±hh:mm}; and the instant it names lies within the years an
 * order's {@code updatedAt} may take ({@link Order#isStorable}), so nothing accepted is refused by the store.
 */
@Documented
@Constraint(validatedBy = IsoTimestamp.Validator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
public @interface IsoTimestamp {

    String message() default
            "must be an RFC 3339 date-time with offset within the years 0001-9999 (UTC), "
                    + "e.g. 2026-11-26T14:00:00Z";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks {@link IsoTimestamp}; null is left to {@code @NotNull}. */
    final class Validator implements ConstraintValidator<IsoTimestamp, String> {

        /** RFC 3339's shape; {@code OffsetDateTime} alone would also take signed, longer years and no seconds. */
        private static final Pattern RFC_3339 = Pattern.compile(
                "[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?([Zz]|[+-][0-9]{2}:[0-9]{2})");

        public static Instant parse(String value) {
            return OffsetDateTime.parse(value).toInstant();
        }

        static boolean isStorableTimestamp(String value) {
            if (!RFC_3339.matcher(value).matches()) {
                return false;
            }
            try {
                return Order.isStorable(parse(value));
            } catch (DateTimeParseException e) {
                return false;
            }
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || isStorableTimestamp(value);
        }
    }
}
