package com.webhookbuffer.domain.webhook;

import java.util.List;
import java.util.Objects;

/**
 * One broken rule of a payload: the field, as a path into the JSON body ({@code data.items[0].quantity}), and
 * what is wrong with it.
 */
public record Violation(String field, String message) implements Comparable<Violation> {

    /**
     * The most violations one answer reports. Checking stops once this many are found: a body crafted to break a
     * rule thousands of times costs what twenty broken rules cost, and so does its answer.
     */
    public static final int MAX_REPORTED = 20;

    public Violation {
        Objects.requireNonNull(field, "field must not be null");
        Objects.requireNonNull(message, "message must not be null");
    }

    @Override
    public int compareTo(Violation other) {
        int byField = field.compareTo(other.field);
        return byField != 0 ? byField : message.compareTo(other.message);
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }

    /**
     * A copy of a list of violations as a report may hold it: not empty, at most {@link #MAX_REPORTED}, and full
     * when checking stopped early.
     */
    public static List<Violation> requireReportable(List<Violation> violations, boolean stoppedEarly) {
        List<Violation> copy = List.copyOf(violations);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("violations must not be empty");
        }
        if (copy.size() > MAX_REPORTED) {
            throw new IllegalArgumentException(
                    "violations must hold at most " + MAX_REPORTED + ", held: " + copy.size());
        }
        if (stoppedEarly && copy.size() < MAX_REPORTED) {
            throw new IllegalArgumentException("checking may stop early only once " + MAX_REPORTED
                    + " violations are found, found: " + copy.size());
        }
        return copy;
    }
}
