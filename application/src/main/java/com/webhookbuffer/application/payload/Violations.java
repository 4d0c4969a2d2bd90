package com.webhookbuffer.application.payload;

import com.webhookbuffer.domain.webhook.Violation;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.Collection;
import java.util.List;

/** Helpers between Jakarta Validation's vocabulary and the domain's {@link Violation}. */
final class Violations {

    private Violations() {}

    /** The violations as the domain names them, sorted by field so answers are stable. */
    static List<Violation> of(Collection<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(v -> new Violation(fieldOf(v.getPropertyPath()), v.getMessage()))
                .distinct()
                .sorted()
                .toList();
    }

    /** A JSON-style path into the body: {@code data.items[0].unitPrice}. */
    static String fieldOf(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.isInIterable() && node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    static void replaceMessage(ConstraintValidatorContext context, String message) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
    }

    /** Reports a violation on a property of the validated object (class-level constraints). */
    static void onProperty(ConstraintValidatorContext context, String property, String message) {
        context.buildConstraintViolationWithTemplate(message)
                .addPropertyNode(property)
                .addConstraintViolation();
    }

    /** Reports a violation on {@code list[index].property} of the validated object. */
    static void onElementProperty(
            ConstraintValidatorContext context, String list, int index, String property, String message) {
        context.buildConstraintViolationWithTemplate(message)
                .addPropertyNode(list)
                .addPropertyNode(property)
                .inIterable()
                .atIndex(index)
                .addConstraintViolation();
    }
}
