package com.webhookbuffer.domain.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Webhook bodies as JSON text, starting from the contract's sample and changed one field at a time, so each test
 * shows exactly which rule it breaks: {@code SampleWebhooks.order("ord_1", 2).with("data.items[0].quantity", 0)}.
 */
public final class SampleWebhooks {

    private final Map<String, Object> root;

    private SampleWebhooks(Map<String, Object> root) {
        this.root = root;
    }

    /** The contract's sample body, for {@code orderId} at {@code version}. */
    public static SampleWebhooks order(String orderId, long version) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("sku", "SKU-1");
        item.put("quantity", 2);
        item.put("unitPrice", "19.99");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("orderId", orderId);
        data.put("version", version);
        data.put("customerId", "cus_42");
        data.put("status", "placed");
        data.put("currency", "EUR");
        data.put("items", new ArrayList<>(List.of(item)));
        data.put("total", "39.98");
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("type", "order.created");
        root.put("timestamp", "2026-11-26T14:00:00Z");
        root.put("data", data);
        return new SampleWebhooks(root);
    }

    /** Sets the value at a path such as {@code data.items[0].quantity}; a new key is added at the end. */
    public SampleWebhooks with(String path, Object value) {
        Target target = resolve(path);
        target.set(value);
        return this;
    }

    /** Removes the value at a path, as if the sender had left the field out. */
    public SampleWebhooks without(String path) {
        resolve(path).remove();
        return this;
    }

    /** Adds a line item; the total is left alone (set it with {@link #with}). */
    public SampleWebhooks withItem(String sku, int quantity, String unitPrice) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("sku", sku);
        item.put("quantity", quantity);
        item.put("unitPrice", unitPrice);
        items().add(item);
        return this;
    }

    public String json() {
        StringBuilder out = new StringBuilder();
        write(root, out);
        return out.toString();
    }

    public byte[] bytes() {
        return json().getBytes(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private List<Object> items() {
        return (List<Object>) ((Map<String, Object>) root.get("data")).get("items");
    }

    @SuppressWarnings("unchecked")
    private Target resolve(String path) {
        Object container = root;
        String[] steps = path.replace("[", ".[").split("\\.");
        for (int i = 0; i < steps.length - 1; i++) {
            container = step(container, steps[i]);
        }
        String last = steps[steps.length - 1];
        Object parent = container;
        if (last.startsWith("[")) {
            int index = Integer.parseInt(last.substring(1, last.length() - 1));
            List<Object> list = (List<Object>) parent;
            return new Target(v -> list.set(index, v), () -> list.remove(index));
        }
        Map<String, Object> map = (Map<String, Object>) parent;
        return new Target(v -> map.put(last, v), () -> map.remove(last));
    }

    @SuppressWarnings("unchecked")
    private static Object step(Object container, String step) {
        if (step.startsWith("[")) {
            return ((List<Object>) container).get(Integer.parseInt(step.substring(1, step.length() - 1)));
        }
        return ((Map<String, Object>) container).get(step);
    }

    private record Target(Consumer<Object> setter, Runnable remover) {
        void set(Object value) {
            setter.accept(value);
        }

        void remove() {
            remover.run();
        }
    }

    /** A raw JSON fragment, written as is (for wrong types, nested garbage, numbers with exponents). */
    public record Raw(String json) {}

    @SuppressWarnings("unchecked")
    private static void write(Object value, StringBuilder out) {
        switch (value) {
            case null -> out.append("null");
            case Raw raw -> out.append(raw.json());
            case String s -> writeString(s, out);
            case Number n -> out.append(n);
            case Boolean b -> out.append(b);
            case Map<?, ?> map -> {
                out.append('{');
                boolean first = true;
                for (var entry : ((Map<String, Object>) map).entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    writeString(entry.getKey(), out);
                    out.append(':');
                    write(entry.getValue(), out);
                }
                out.append('}');
            }
            case List<?> list -> {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(list.get(i), out);
                }
                out.append(']');
            }
            default -> throw new IllegalArgumentException("cannot write " + value.getClass());
        }
    }

    private static void writeString(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
