package com.webhookbuffer.application.payload;

import com.webhookbuffer.domain.webhook.Violation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Locale;

/**
 * Builds the {@link Validator} the payload rules run on. Every message in the rules is plain text (built from the
 * domain's constants, never from placeholders), so the validator needs no Expression Language: leaving it out
 * saves start-up time (a Lambda cold start) and a dependency.
 */
public final class PayloadValidation {

    private PayloadValidation() {}

    /** A validator from whichever provider is on the class path (Hibernate Validator in this build). */
    public static Validator newValidator() {
        return Validation.byDefaultProvider()
                .configure()
                .messageInterpolator(new LiteralMessages())
                .buildValidatorFactory()
                .getValidator();
    }

    /**
     * What {@code validator} finds wrong with {@code part} (the body, or one of its line items), as the domain names
     * it, sorted by field so answers are stable.
     */
    public static List<Violation> check(Validator validator, Object part) {
        return Violations.of(validator.validate(part));
    }

    /** Takes each message template as the message. */
    static final class LiteralMessages implements MessageInterpolator {
        @Override
        public String interpolate(String messageTemplate, Context context) {
            return messageTemplate;
        }

        @Override
        public String interpolate(String messageTemplate, Context context, Locale locale) {
            return messageTemplate;
        }
    }
}
