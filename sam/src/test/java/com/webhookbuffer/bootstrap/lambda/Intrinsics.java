package com.webhookbuffer.bootstrap.lambda;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates the few intrinsic functions the template's version descriptions use (Ref to a parameter, Fn::Sub,
 * Fn::Join, Fn::Split, Fn::Select) over given parameter values, the way CloudFormation would at deploy time. Anything
 * else (a resource, a condition) is refused: a description must not depend on it for this test to mean anything.
 */
final class Intrinsics {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9:.]+)}");

    private Intrinsics() {}

    static Object evaluate(Object node, Map<String, Object> parameters) {
        if (node instanceof String || node instanceof Number || node instanceof Boolean) {
            return node.toString();
        }
        if (node instanceof List<?> list) {
            List<Object> values = new ArrayList<>();
            list.forEach(item -> values.add(evaluate(item, parameters)));
            return values;
        }
        Map<String, Object> function = TemplateRules.map(node);
        if (function.size() != 1) {
            throw new IllegalArgumentException("not an intrinsic function: " + node);
        }
        Map.Entry<String, Object> entry = function.entrySet().iterator().next();
        List<?> arguments = TemplateRules.list(entry.getValue());
        return switch (entry.getKey()) {
            case "Ref" -> parameter(entry.getValue().toString(), parameters);
            case "Fn::Sub" ->
                entry.getValue() instanceof String text
                        ? substitute(text, Map.of(), parameters)
                        : substitute(arguments.get(0).toString(), TemplateRules.map(arguments.get(1)), parameters);
            case "Fn::Join" ->
                String.join(arguments.get(0).toString(), strings(evaluate(arguments.get(1), parameters)));
            case "Fn::Split" ->
                List.of(((String) evaluate(arguments.get(1), parameters))
                        .split(Pattern.quote(arguments.get(0).toString()), -1));
            case "Fn::Select" ->
                strings(evaluate(arguments.get(1), parameters))
                        .get(Integer.parseInt(
                                evaluate(arguments.get(0), parameters).toString()));
            default -> throw new IllegalArgumentException("cannot evaluate " + entry.getKey() + " here");
        };
    }

    private static Object parameter(String name, Map<String, Object> parameters) {
        if (!parameters.containsKey(name)) {
            throw new IllegalArgumentException(name + " is not a parameter");
        }
        return parameters.get(name);
    }

    private static String substitute(String text, Map<String, Object> variables, Map<String, Object> parameters) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            Object value = variables.containsKey(name)
                    ? evaluate(variables.get(name), parameters)
                    : parameter(name, parameters);
            if (!(value instanceof String string)) {
                throw new IllegalArgumentException("${" + name + "} is not a string: " + value);
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(string));
        }
        return matcher.appendTail(result).toString();
    }

    private static List<String> strings(Object value) {
        List<String> strings = new ArrayList<>();
        TemplateRules.list(value).forEach(item -> strings.add(item.toString()));
        return strings;
    }
}
