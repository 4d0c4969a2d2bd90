package com.webhookbuffer.bootstrap.pipeline;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Typed reads of the environment, each failure naming the variable and what was wrong with it, so a function
 * with a missing or malformed setting fails at init with a message an operator can act on.
 */
public final class EnvironmentVariables {

    private final Map<String, String> variables;

    public EnvironmentVariables(Map<String, String> variables) {
        this.variables = Map.copyOf(Objects.requireNonNull(variables, "variables must not be null"));
    }

    public String required(String name) {
        return optional(name).orElseThrow(() -> new IllegalStateException(name + " is required but not set"));
    }

    public Optional<String> optional(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    public int integer(String name, int defaultValue, int min, int max) {
        Optional<String> text = optional(name);
        if (text.isEmpty()) {
            return defaultValue;
        }
        int value;
        try {
            value = Integer.parseInt(text.get());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(name + " must be a whole number, was: " + text.get(), e);
        }
        if (value < min || value > max) {
            throw new IllegalStateException(name + " must be " + min + "-" + max + ", was: " + value);
        }
        return value;
    }

    /** Runs a constructor with the variable's value, turning its refusal into a message that names the variable. */
    public <T> T parsed(String name, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + " is malformed: " + e.getMessage(), e);
        }
    }
}
