package com.webhookbuffer.bootstrap.lambda;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a CloudFormation template written in YAML, short-form tags included: {@code !Ref X} becomes
 * {@code {Ref: X}}, {@code !GetAtt A.B} becomes {@code {Fn::GetAtt: [A, B]}}, {@code !Sub ...} becomes
 * {@code {Fn::Sub: ...}}, and so on, the same tree the long form gives.
 */
final class CloudFormationYaml {

    private static final List<String> FUNCTIONS = List.of(
            "Sub",
            "GetAtt",
            "If",
            "Equals",
            "And",
            "Or",
            "Not",
            "FindInMap",
            "Select",
            "GetAZs",
            "Join",
            "Split",
            "Base64",
            "ImportValue",
            "Cidr");

    private CloudFormationYaml() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> read(Path template) throws IOException {
        try (Reader reader = Files.newBufferedReader(template)) {
            return (Map<String, Object>) new Yaml(new Constructor()).load(reader);
        }
    }

    /** A deep copy that can be changed, for the contract tests' broken copies (what {@link #read} gives may not). */
    @SuppressWarnings("unchecked")
    static <T> T copy(T node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k.toString(), copy(v)));
            return (T) copy;
        }
        if (node instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(copy(item)));
            return (T) copy;
        }
        return node;
    }

    private static final class Constructor extends SafeConstructor {

        Constructor() {
            super(new LoaderOptions());
            yamlConstructors.put(new Tag("!Ref"), new Function("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new Function("Condition"));
            for (String function : FUNCTIONS) {
                yamlConstructors.put(new Tag("!" + function), new Function("Fn::" + function));
            }
        }

        private final class Function extends AbstractConstruct {
            private final String key;

            Function(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                Object value = switch (node) {
                    case ScalarNode scalar
                    when key.equals("Fn::GetAtt") ->
                        Arrays.asList(scalar.getValue().split("\\.", 2));
                    case ScalarNode scalar -> scalar.getValue();
                    case SequenceNode sequence -> constructSequence(sequence);
                    case MappingNode mapping -> constructMapping(mapping);
                    default -> throw new IllegalArgumentException("unexpected node " + node);
                };
                return Map.of(key, value);
            }
        }
    }
}
