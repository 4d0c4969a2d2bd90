package com.webhookbuffer.adapter.json.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generated variations of a platform's JSON, for the tests that prove no body breaks the door: a field deleted,
 * nulled, retyped, made huge, negative, fractional, very long, full of control characters or nested thousands deep;
 * or the text itself cut or spliced. Seeded by the caller's {@link Random}, so a failing case replays.
 */
public final class JsonMutations {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonMutations() {}

    /** One variation of {@code base} (changed in place) as the text a sender would post: a tenth of them garbled. */
    public static String next(JsonNode base, Random random) {
        return random.nextInt(10) == 0 ? mangleText(base.toString(), random) : mutate(base, random);
    }

    /** One to three mutations anywhere in the tree, then the tree as text. */
    public static String mutate(JsonNode root, Random random) {
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            List<Slot> slots = slots(root);
            if (slots.isEmpty()) {
                break;
            }
            Slot slot = slots.get(random.nextInt(slots.size()));
            slot.replace(garbage(slot.current(), random));
        }
        return root.toString();
    }

    private static JsonNode garbage(JsonNode current, Random random) {
        return switch (random.nextInt(16)) {
            case 0 -> null; // deleted
            case 1 -> NODES.nullNode();
            case 2 -> NODES.numberNode(BigInteger.TEN.pow(1 + random.nextInt(60)));
            case 3 -> NODES.numberNode(-1 - random.nextInt(1000));
            case 4 -> NODES.numberNode(new BigDecimal(random.nextInt(1000) + ".5"));
            case 5 -> NODES.numberNode(BigInteger.ZERO);
            case 6 -> NODES.textNode("9".repeat(1 + random.nextInt(30)) + "." + random.nextInt(100));
            case 7 -> NODES.textNode("x".repeat(random.nextInt(20_000)));
            case 8 -> NODES.textNode("a\u0000b\u001f\n\u007f" + (char) random.nextInt(0x20));
            case 9 -> NODES.booleanNode(random.nextBoolean());
            case 10 -> nested(random.nextInt(200));
            case 11 -> NODES.objectNode();
            case 12 -> NODES.arrayNode();
            case 13 ->
                NODES.textNode(List.of(
                                "",
                                " ",
                                "-1.00",
                                "1e3",
                                "0.001",
                                "1,00",
                                "2021-12-31T19:00:00",
                                "0000-01-01T00:00:00Z",
                                "1969-12-31T23:59:59Z",
                                "+10000-01-01T00:00:00Z",
                                "refunded",
                                "fulfilled",
                                "paid",
                                "XAU",
                                "JPY",
                                "guest")
                        .get(random.nextInt(16)));
            case 14 ->
                current != null && current.isTextual() ? NODES.numberNode(random.nextLong()) : NODES.textNode("12");
            default -> NODES.numberNode(random.nextInt(3) - 1);
        };
    }

    private static JsonNode nested(int depth) {
        JsonNode node = NODES.textNode("bottom");
        for (int i = 0; i < depth; i++) {
            ArrayNode wrapper = NODES.arrayNode();
            wrapper.add(node);
            node = i % 2 == 0 ? wrapper : NODES.objectNode().set("k", wrapper);
        }
        return node;
    }

    public static String mangleText(String text, Random random) {
        int at = random.nextInt(text.length());
        return switch (random.nextInt(4)) {
            case 0 -> text.substring(0, at);
            case 1 -> text.substring(0, at) + (char) random.nextInt(0x80) + text.substring(at);
            case 2 -> text.substring(0, at) + "[".repeat(2000) + text.substring(at);
            default -> text.substring(at);
        };
    }

    /** A place in the tree a value can be put: a member of an object or an element of an array. */
    public record Slot(JsonNode parent, String field, int index) {

        public JsonNode current() {
            return field != null ? parent.get(field) : parent.get(index);
        }

        /** Puts {@code value} here; {@code null} deletes the member or element. */
        public void replace(JsonNode value) {
            if (field != null) {
                if (value == null) {
                    ((ObjectNode) parent).remove(field);
                } else {
                    ((ObjectNode) parent).set(field, value);
                }
            } else if (value == null) {
                ((ArrayNode) parent).remove(index);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }
    }

    /** Every place in the tree, depth first. */
    public static List<Slot> slots(JsonNode root) {
        List<Slot> slots = new ArrayList<>();
        collect(root, slots);
        return slots;
    }

    private static void collect(JsonNode node, List<Slot> slots) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                slots.add(new Slot(node, member.getKey(), -1));
                collect(member.getValue(), slots);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                slots.add(new Slot(node, null, i));
                collect(node.get(i), slots);
            }
        }
    }
}
