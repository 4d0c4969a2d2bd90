package com.webhookbuffer.bootstrap.lambda;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The template's conditions under every combination of the parameters they depend on (each parameter's allowed
 * values, or its default and one other value), so a rule can hold in every shape the stack can be deployed in.
 */
final class Conditions {

    private Conditions() {}

    /** One map of condition name to value per combination of the parameters the conditions read. */
    static List<Map<String, Boolean>> everyCase(Map<String, Object> template) {
        Map<String, Object> conditions = TemplateRules.map(template.get("Conditions"));
        Map<String, Object> parameters = TemplateRules.map(template.get("Parameters"));
        Set<String> read = new TreeSet<>(TemplateRules.parametersIn(conditions, Map.of()));
        read.retainAll(parameters.keySet());

        List<Map<String, String>> combinations = List.of(Map.of());
        for (String name : read) {
            List<Map<String, String>> more = new ArrayList<>();
            for (Map<String, String> combination : combinations) {
                for (String value : values(TemplateRules.map(parameters.get(name)))) {
                    Map<String, String> extended = new LinkedHashMap<>(combination);
                    extended.put(name, value);
                    more.add(extended);
                }
            }
            combinations = more;
        }
        List<Map<String, Boolean>> cases = new ArrayList<>();
        for (Map<String, String> values : combinations) {
            Map<String, Boolean> holding = new LinkedHashMap<>();
            conditions.keySet().forEach(name -> holding.put(name, evaluate(conditions.get(name), conditions, values)));
            cases.add(holding);
        }
        return cases;
    }

    private static List<String> values(Map<String, Object> parameter) {
        List<?> allowed = TemplateRules.list(parameter.get("AllowedValues"));
        if (!allowed.isEmpty()) {
            return allowed.stream().map(String::valueOf).toList();
        }
        String value =
                parameter.get("Default") == null ? "" : parameter.get("Default").toString();
        return List.of(value, value + "x");
    }

    private static boolean evaluate(Object node, Map<String, Object> conditions, Map<String, String> values) {
        Map<String, Object> function = TemplateRules.map(node);
        if (function.get("Condition") instanceof String name) {
            return evaluate(conditions.get(name), conditions, values);
        }
        Map.Entry<String, Object> entry = function.entrySet().iterator().next();
        List<?> arguments = TemplateRules.list(entry.getValue());
        return switch (entry.getKey()) {
            case "Fn::Equals" -> value(arguments.get(0), values).equals(value(arguments.get(1), values));
            case "Fn::Not" -> !evaluate(arguments.get(0), conditions, values);
            case "Fn::And" -> arguments.stream().allMatch(a -> evaluate(a, conditions, values));
            case "Fn::Or" -> arguments.stream().anyMatch(a -> evaluate(a, conditions, values));
            default -> throw new IllegalArgumentException("cannot evaluate the condition " + node);
        };
    }

    private static String value(Object node, Map<String, String> values) {
        if (TemplateRules.map(node).get("Ref") instanceof String name) {
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException(name + " is not a parameter a condition reads");
            }
            return values.get(name);
        }
        return String.valueOf(node);
    }
}
