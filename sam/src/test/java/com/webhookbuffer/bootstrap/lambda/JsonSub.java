package com.webhookbuffer.bootstrap.lambda;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Resolves a {@code Fn::Sub} that builds JSON text (a dashboard's body) the way CloudFormation would, except that
 * each reference stays one, so every value can be traced to what it names: a {@code ${Name}} inside a JSON string
 * is kept as it is, and one where a number stands (an annotation's value) becomes the string {@code "${Name}"},
 * with the digits that follow it ({@code ${LagAlarmSeconds}000}), so the text still parses. The {@code Fn::Sub}'s
 * own variables are replaced by their values: text, a nested {@code Fn::Sub}, a {@code Ref} or {@code Fn::GetAtt}
 * (kept as a reference), or the branch of a {@code Fn::If} that the given conditions choose.
 */
final class JsonSub {

    /**
     * A {@code ${Name}} (or {@code ${Resource.Attribute}}) the text refers to, whether it stands for a number, and
     * whether digits follow it (making it a multiple).
     */
    record Reference(String name, boolean asNumber, boolean followedByDigits) {}

    record Resolved(String text, List<Reference> references) {}

    private final Map<String, Boolean> conditions;
    private final List<Reference> references = new ArrayList<>();

    private JsonSub(Map<String, Boolean> conditions) {
        this.conditions = conditions;
    }

    /** A {@code Fn::Sub} whose text is JSON, under the given values of the template's conditions. */
    static Resolved resolve(Object sub, Map<String, Boolean> conditions) {
        JsonSub resolver = new JsonSub(conditions);
        String text = resolver.sub(sub, false);
        return new Resolved(text, List.copyOf(resolver.references));
    }

    /** A {@code Fn::Sub} whose text is a plain string (an environment variable's value, an alarm's namespace). */
    static Resolved resolveString(Object sub, Map<String, Boolean> conditions) {
        JsonSub resolver = new JsonSub(conditions);
        String text = resolver.sub(sub, true);
        return new Resolved(text, List.copyOf(resolver.references));
    }

    private String sub(Object node, boolean inString) {
        Object sub = TemplateRules.map(node).get("Fn::Sub");
        if (sub instanceof String text) {
            return substitute(text, Map.of(), inString);
        }
        List<?> arguments = TemplateRules.list(sub);
        if (arguments.size() != 2 || !(arguments.get(0) instanceof String text)) {
            throw new IllegalArgumentException("not a Fn::Sub: " + node);
        }
        return substitute(text, TemplateRules.map(arguments.get(1)), inString);
    }

    private String substitute(String text, Map<String, Object> variables, boolean startsInString) {
        StringBuilder out = new StringBuilder();
        boolean inString = startsInString;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (inString && c == '\\' && i + 1 < text.length()) {
                out.append(c).append(text.charAt(i + 1));
                i += 2;
            } else if (c == '"') {
                inString = !inString;
                out.append(c);
                i++;
            } else if (text.startsWith("${", i)) {
                int end = text.indexOf('}', i);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed ${ at " + i + " in " + text);
                }
                String name = text.substring(i + 2, end);
                i = end + 1;
                if (name.startsWith("!")) {
                    out.append("${").append(name.substring(1)).append('}');
                } else if (variables.containsKey(name)) {
                    out.append(variable(variables.get(name), inString));
                } else {
                    i = reference(name, inString, text, i, out);
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private String variable(Object value, boolean inString) {
        if (value instanceof String text) {
            return text;
        }
        Map<String, Object> function = TemplateRules.map(value);
        if (function.containsKey("Fn::Sub")) {
            return sub(function, inString);
        }
        if (function.get("Fn::If") instanceof List<?> branches && branches.size() == 3) {
            Boolean holds = conditions.get(String.valueOf(branches.get(0)));
            if (holds == null) {
                throw new IllegalArgumentException("no such condition: " + branches.get(0));
            }
            return variable(branches.get(holds ? 1 : 2), inString);
        }
        if (function.get("Ref") instanceof String name) {
            StringBuilder out = new StringBuilder();
            reference(name, inString, "", 0, out);
            return out.toString();
        }
        if (function.get("Fn::GetAtt") instanceof List<?> attribute && attribute.size() == 2) {
            StringBuilder out = new StringBuilder();
            reference(attribute.get(0) + "." + attribute.get(1), inString, "", 0, out);
            return out.toString();
        }
        throw new IllegalArgumentException("cannot resolve the Fn::Sub variable " + value);
    }

    /** Writes the reference, and returns where the text goes on (after the digits it took, standing for a number). */
    private int reference(String name, boolean inString, String text, int next, StringBuilder out) {
        if (inString) {
            references.add(new Reference(name, false, false));
            out.append("${").append(name).append('}');
            return next;
        }
        int end = next;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        references.add(new Reference(name, true, end > next));
        out.append("\"${").append(name).append('}').append(text, next, end).append('"');
        return end;
    }
}
