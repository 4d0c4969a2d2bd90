package com.webhookbuffer.bootstrap.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /**
     * A secret, from the variable itself or from the file named by {@code NAME_FILE} (as container and systemd
     * credentials hand them over: the file's content, a final line break dropped); both set is refused, since
     * which one was meant cannot be told.
     */
    public Optional<String> secret(String name) {
        Optional<String> direct = optional(name);
        Optional<String> file = optional(name + FILE_SUFFIX);
        if (direct.isPresent() && file.isPresent()) {
            throw new IllegalStateException(
                    name + " and " + name + FILE_SUFFIX + " are both set; set only one of them");
        }
        if (file.isEmpty()) {
            return direct;
        }
        try {
            String content = Files.readString(Path.of(file.get()), StandardCharsets.UTF_8);
            return Optional.of(content.endsWith("\n") ? content.substring(0, content.length() - 1) : content);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    name + FILE_SUFFIX + " names a file that cannot be read: " + file.get() + " (" + e + ")", e);
        }
    }

    /** What a variable's name ends with when it names a file holding the secret instead of the secret itself. */
    public static final String FILE_SUFFIX = "_FILE";

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
