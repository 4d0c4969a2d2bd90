package com.webhookbuffer.domain.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Webhook requests as a careless or hostile sender makes them, generated from a seed: header values absent, empty,
 * huge, non-ASCII or overflowing; bodies with bytes flipped, cut or inserted; JSON values at and past every
 * boundary of the contract, signed correctly so they reach the payload rules. Most are refused; some are valid.
 *
 * <p>The seed is {@code -Dfuzz.seed} or a fresh one, and the number of cases {@code -Dfuzz.cases} or the test's
 * default; a test prints both, so a failure can be replayed exactly.
 */
public final class HostileRequests {

    /** One request as the inbox sees it; a {@code null} header was not sent. */
    public record Request(
            String contentType, String webhookId, String timestamp, String signature, byte[] body, String description) {

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return description;
        }
    }

    /** Signs as the sender would: {@code webhook-signature} for the id, timestamp and body. */
    @FunctionalInterface
    public interface Signer {
        String sign(String webhookId, String timestamp, byte[] body);
    }

    /** Values at and past the boundaries of the contract, by the JSON type they belong to. */
    private static final List<String> NUMBERS = List.of(
            "0",
            "1",
            "-1",
            "10000",
            "10001",
            "500",
            "501",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775808",
            "-9223372036854775809",
            "2147483647",
            "2147483648",
            "1e3",
            "1E400",
            "-0",
            "0.0",
            "1.5",
            "1e-400",
            "00",
            "99999999999999999999999");

    private static final List<String> TEXTS = List.of(
            "\"\"",
            "\" \"",
            "\"0\"",
            "\"19.99\"",
            "\"999999999999999\"",
            "\"1000000000000000\"",
            "\"0.0001\"",
            "\"0.00001\"",
            "\"1e3\"",
            "\"-1\"",
            "\"EUR\"",
            "\"XAU\"",
            "\"XXX\"",
            "\"eur\"",
            "\"\\u0000\"",
            "\"\\ud800\"",
            "\"\\uFFFE\"",
            "\"\u00e9\u00e8\"",
            "\"" + "a".repeat(65) + "\"",
            "\"" + "a".repeat(64) + "\"",
            "\"0000-01-01T00:00:00Z\"",
            "\"0001-01-01T00:00:00Z\"",
            "\"0001-01-01T00:00:00+00:01\"",
            "\"9999-12-31T23:59:59.999999999Z\"",
            "\"9999-12-31T23:59:59-18:00\"",
            "\"+10000-01-01T00:00:00Z\"",
            "\"-0001-01-01T00:00:00Z\"",
            "\"2026-11-26T14:00Z\"",
            "\"2026-02-30T00:00:00Z\"",
            "\"2026-11-26T24:00:00Z\"",
            "\"2026-11-26t14:00:00z\"",
            "\"2026-11-26T14:00:00.1234567890Z\"",
            "\"order.cancelled\"",
            "\"cancelled\"",
            "\"placed\"");
    private static final List<String> OTHERS = List.of(
            "null",
            "true",
            "[]",
            "{}",
            "[null]",
            "[{}]",
            "{\"a\":" + "[".repeat(40) + "]".repeat(40) + "}",
            "\"" + "x".repeat(5_000) + "\"");
    private static final List<String> PATHS = List.of(
            "type",
            "timestamp",
            "data",
            "data.orderId",
            "data.version",
            "data.customerId",
            "data.status",
            "data.currency",
            "data.items",
            "data.total",
            "data.items[0]",
            "data.items[0].sku",
            "data.items[0].quantity",
            "data.items[0].unitPrice",
            "unknown");
    private static final List<String> CONTENT_TYPES = List.of(
            "application/json",
            "application/json; charset=utf-8",
            "APPLICATION/JSON",
            "application/json;charset=\"UTF-8\"",
            "application/json; charset=latin1",
            "text/plain",
            "application/problem+json",
            "",
            ";",
            "application/json; charset=",
            "*/*",
            "application/json\u0000",
            "application/json; q=\u00ff");

    private final Random random;
    private final Signer signer;
    private final long nowSeconds;

    public HostileRequests(long seed, Signer signer, long nowSeconds) {
        this.random = new Random(seed);
        this.signer = signer;
        this.nowSeconds = nowSeconds;
    }

    public static long seed() {
        return Long.getLong("fuzz.seed", new Random().nextLong());
    }

    public static int cases(int byDefault) {
        return Integer.getInteger("fuzz.cases", byDefault);
    }

    /** The next request; {@code n} makes its webhook and order ids unique within a run. */
    public Request next(int n) {
        String webhookId = "wh_fuzz_" + n;
        SampleWebhooks sample = SampleWebhooks.order("ord_fuzz_" + n, 1 + random.nextInt(3));
        List<String> what = new ArrayList<>();
        int jsonMutations = random.nextInt(4);
        for (int i = 0; i < jsonMutations; i++) {
            String path = pick(PATHS);
            String value = random.nextInt(10) == 0
                    ? null
                    : pick(random.nextBoolean() ? NUMBERS : random.nextBoolean() ? TEXTS : OTHERS);
            try {
                if (value == null) {
                    sample.without(path);
                } else {
                    sample.with(path, new SampleWebhooks.Raw(value));
                }
                what.add(path + (value == null ? " removed" : "=" + abbreviate(value)));
            } catch (RuntimeException pathGone) {
                // An earlier mutation replaced the container this path runs through: nothing to change.
            }
        }
        if (random.nextInt(8) == 0) {
            int copies = random.nextInt(2) == 0 ? 600 : 1 + random.nextInt(30);
            String item = random.nextBoolean() ? "null" : "{\"sku\":\"\",\"quantity\":0,\"unitPrice\":\"1.001\"}";
            try {
                sample.with(
                        "data.items",
                        new SampleWebhooks.Raw(
                                "[" + String.join(",", java.util.Collections.nCopies(copies, item)) + "]"));
                what.add("data.items=" + copies + " x " + item);
            } catch (RuntimeException dataGone) {
                // data itself was replaced above.
            }
        }
        byte[] body = sample.bytes();
        if (random.nextInt(6) == 0) {
            body = mutateBytes(body);
            what.add("body bytes mutated");
        }
        String timestamp = Long.toString(nowSeconds);
        String contentType = "application/json";
        String signature = signer.sign(webhookId, timestamp, body);
        // Headers are changed after signing: a changed id or timestamp must fail the signature, not the server.
        if (random.nextInt(4) == 0) {
            contentType = random.nextInt(5) == 0 ? null : random.nextBoolean() ? pick(CONTENT_TYPES) : noise();
            what.add("content-type=" + abbreviate(String.valueOf(contentType)));
        }
        if (random.nextInt(4) == 0) {
            webhookId = random.nextInt(5) == 0 ? null : noise();
            what.add("webhook-id=" + abbreviate(String.valueOf(webhookId)));
        }
        if (random.nextInt(4) == 0) {
            timestamp = random.nextInt(6) == 0 ? null : timestampNoise();
            what.add("webhook-timestamp=" + abbreviate(String.valueOf(timestamp)));
        }
        if (random.nextInt(4) == 0) {
            signature = random.nextInt(6) == 0 ? null : signatureNoise(signature);
            what.add("webhook-signature=" + abbreviate(String.valueOf(signature)));
        }
        return new Request(
                contentType,
                webhookId,
                timestamp,
                signature,
                body,
                "#" + n + (what.isEmpty() ? " valid" : " " + String.join(", ", what)));
    }

    private byte[] mutateBytes(byte[] body) {
        byte[] out = body.clone();
        return switch (random.nextInt(4)) {
            case 0 -> {
                out[random.nextInt(out.length)] = (byte) random.nextInt(256);
                yield out;
            }
            case 1 -> java.util.Arrays.copyOf(out, random.nextInt(out.length));
            case 2 -> {
                byte[] longer = java.util.Arrays.copyOf(out, out.length + 1);
                int at = random.nextInt(out.length);
                System.arraycopy(out, at, longer, at + 1, out.length - at);
                longer[at] = (byte) (0x80 + random.nextInt(128));
                yield longer;
            }
            default -> new byte[0];
        };
    }

    private String timestampNoise() {
        return switch (random.nextInt(8)) {
            case 0 -> "9999999999999999999";
            case 1 -> "9223372036854775807";
            case 2 -> "-" + nowSeconds;
            case 3 -> " " + nowSeconds;
            case 4 -> Long.toString(nowSeconds) + "0".repeat(random.nextInt(30));
            case 5 -> "";
            case 6 -> "\u0661\u0662\u0663";
            default -> noise();
        };
    }

    private String signatureNoise(String valid) {
        return switch (random.nextInt(7)) {
            case 0 -> "v1," + "A".repeat(random.nextInt(200));
            case 1 -> "v1,!!!not base64";
            case 2 -> (valid + " ").repeat(1 + random.nextInt(200)).strip();
            case 3 -> "v1a," + valid.substring(3);
            case 4 -> "v1," + "=".repeat(random.nextInt(10));
            case 5 -> valid.replace("v1,", "v1 ,");
            default -> noise();
        };
    }

    /** Text of any length up to 9,000 characters, from any part of Unicode, controls included. */
    private String noise() {
        int length = random.nextInt(5) == 0 ? random.nextInt(9_000) : random.nextInt(40);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(
                    switch (random.nextInt(4)) {
                        case 0 -> (char) (0x21 + random.nextInt(0x5e));
                        case 1 -> (char) random.nextInt(0x20);
                        case 2 -> (char) (0x80 + random.nextInt(0x780));
                        default -> (char) random.nextInt(0x10000);
                    });
        }
        return text.toString();
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Short and printable: anything outside visible ASCII is shown as its code point, so a report reads whole. */
    private static String abbreviate(String value) {
        StringBuilder shown = new StringBuilder();
        value.codePoints().limit(40).forEach(c -> {
            if (c >= 0x20 && c < 0x7f) {
                shown.appendCodePoint(c);
            } else {
                shown.append(String.format("\\u%04X", c));
            }
        });
        return value.length() <= 40 ? shown.toString() : shown + "...(" + value.length() + " chars)";
    }
}
