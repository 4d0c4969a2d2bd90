package com.webhookbuffer.application.payload;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import com.webhookbuffer.domain.order.Adjustments;
import com.webhookbuffer.domain.order.Money;
import com.webhookbuffer.domain.order.Order;
import com.webhookbuffer.domain.webhook.Violation;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The amounts of an order agree with its currency and with each other: no price or total has more fraction digits
 * than the currency's minor unit, and {@code total} follows {@link Adjustments#TOTAL_RULE} exactly. Checked only
 * where the fields it needs are themselves valid, so one mistake is not reported three times.
 */
@Documented
@Constraint(validatedBy = ConsistentAmounts.Validator.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface ConsistentAmounts {

    String message() default "amounts are inconsistent";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks {@link ConsistentAmounts} on an {@link OrderPayload}. */
    final class Validator implements ConstraintValidator<ConsistentAmounts, OrderPayload> {

        @Override
        public boolean isValid(OrderPayload order, ConstraintValidatorContext context) {
            // Too many items is a violation of its own; summing thousands of them would only cost time.
            if (order == null
                    || !Money.isCurrencyCode(order.currency())
                    || order.items() != null && order.items().size() > Order.MAX_ITEMS) {
                return true;
            }
            Currency currency = Currency.getInstance(order.currency());
            String fractionRule = Money.fractionRule(currency);
            context.disableDefaultConstraintViolation();
            boolean valid = true;
            List<LineItemPayload> items = order.items() == null ? List.of() : order.items();
            boolean summable = !items.isEmpty();
            int priceViolations = 0;
            for (int i = 0; i < items.size(); i++) {
                LineItemPayload item = items.get(i);
                if (item == null || !DecimalAmount.Validator.isDecimalAmount(item.unitPrice())) {
                    summable = false;
                    continue;
                }
                if (!Money.fitsMinorUnit(new BigDecimal(item.unitPrice()), currency)) {
                    // One more than can be reported, so the reader knows checking stopped: Hibernate Validator keeps
                    // violations in a set whose paths compare slowly (500 of them cost 5 ms), and only 20 are
                    // answered.
                    if (priceViolations++ <= Violation.MAX_REPORTED) {
                        Violations.onElementProperty(context, "items", i, "unitPrice", fractionRule);
                    }
                    valid = false;
                    summable = false;
                }
                if (item.quantity() == null) {
                    summable = false;
                }
            }
            Map<String, String> adjustments = new LinkedHashMap<>();
            adjustments.put("discounts", order.discounts());
            adjustments.put("shipping", order.shipping());
            adjustments.put("fees", order.fees());
            adjustments.put("tax", order.tax());
            Map<String, BigDecimal> amounts = new LinkedHashMap<>();
            for (Map.Entry<String, String> adjustment : adjustments.entrySet()) {
                String text = adjustment.getValue();
                if (text == null) {
                    amounts.put(adjustment.getKey(), BigDecimal.ZERO);
                } else if (!DecimalAmount.Validator.isDecimalAmount(text)) {
                    summable = false;
                } else if (!Money.fitsMinorUnit(new BigDecimal(text), currency)) {
                    Violations.onProperty(context, adjustment.getKey(), fractionRule);
                    valid = false;
                    summable = false;
                } else {
                    amounts.put(adjustment.getKey(), new BigDecimal(text));
                }
            }
            if (DecimalAmount.Validator.isDecimalAmount(order.total())) {
                BigDecimal total = new BigDecimal(order.total());
                if (!Money.fitsMinorUnit(total, currency)) {
                    Violations.onProperty(context, "total", fractionRule);
                    valid = false;
                } else if (summable) {
                    // The order's own arithmetic, so that the door and the domain cannot disagree on a total.
                    BigDecimal expected = Adjustments.expectedTotal(
                            Order.sumOf(items, LineItemPayload::quantity, line -> new BigDecimal(line.unitPrice())),
                            amounts.get("discounts"),
                            amounts.get("shipping"),
                            amounts.get("fees"),
                            amounts.get("tax"),
                            Boolean.TRUE.equals(order.taxIncluded()));
                    if (total.compareTo(expected) != 0) {
                        Violations.onProperty(
                                context, "total", Order.TOTAL_RULE + " (" + expected.toPlainString() + ")");
                        valid = false;
                    }
                }
            }
            return valid;
        }
    }
}
