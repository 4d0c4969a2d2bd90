package com.webhookbuffer.application.payload;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import com.webhookbuffer.domain.order.EventType;
import com.webhookbuffer.domain.order.OrderStatus;
import com.webhookbuffer.domain.order.OrderUpdate;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** {@code order.cancelled} comes with status {@code cancelled}, and status {@code cancelled} only with it. */
@Documented
@Constraint(validatedBy = CancellationMatchesStatus.Validator.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface CancellationMatchesStatus {

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks {@link CancellationMatchesStatus} on a {@link WebhookPayload}, once type and status are known. */
    final class Validator implements ConstraintValidator<CancellationMatchesStatus, WebhookPayload> {

        @Override
        public boolean isValid(WebhookPayload payload, ConstraintValidatorContext context) {
            if (payload == null || payload.data() == null) {
                return true;
            }
            var type = EventType.fromWireName(payload.type());
            var status = OrderStatus.fromWireName(payload.data().status());
            if (type.isEmpty() || status.isEmpty()) {
                return true;
            }
            if (OrderUpdate.statusMatchesType(type.get(), status.get())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(
                            type.get() == EventType.ORDER_CANCELLED
                                    ? "must be cancelled when type is order.cancelled"
                                    : "may be cancelled only when type is order.cancelled")
                    .addPropertyNode("data")
                    .addPropertyNode("status")
                    .addConstraintViolation();
            return false;
        }
    }
}
