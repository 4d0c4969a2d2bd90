package com.webhookbuffer.bootstrap.local.command.load;

import com.webhookbuffer.bootstrap.local.parts.HttpFront;
import java.util.List;
import java.util.Optional;

/**
 * What {@code ./run-local load} sends, and how: its arguments, parsed.
 *
 * @param size        webhooks to send
 * @param rate        requests per second over all connections; empty: each connection sends its next request
 *                    as soon as its last is answered
 * @param concurrency connections, each with one request at a time
 */
public record LoadOptions(int size, Optional<Double> rate, int concurrency) {

    public static final int DEFAULT_SIZE = 1000;
    static final int MAX_SIZE = 100_000;
    public static final int DEFAULT_CONCURRENCY = 32;
    /** More at once would be answered 503 by the stack's front on purpose, which is not what a load measures. */
    static final int MAX_CONCURRENCY = HttpFront.MAX_WEBHOOKS_IN_PROGRESS;

    static final double MAX_RATE = 100_000;

    static final String USAGE = "usage: ./run-local load [N] [--rate R] [--concurrency C]  (N 1-" + MAX_SIZE
            + ", default " + DEFAULT_SIZE + "; R requests/s, default as fast as answered; C 1-" + MAX_CONCURRENCY
            + ", default " + DEFAULT_CONCURRENCY + ")";

    /** The arguments after {@code load}; a bad one is a usage error whose message says what is allowed. */
    public static LoadOptions parse(List<String> args) {
        int size = DEFAULT_SIZE;
        Optional<Double> rate = Optional.empty();
        int concurrency = DEFAULT_CONCURRENCY;
        boolean sizeGiven = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            switch (option) {
                case "--rate", "--concurrency" -> {
                    String value;
                    if (arg.contains("=")) {
                        value = arg.substring(arg.indexOf('=') + 1);
                    } else if (i + 1 < args.size()) {
                        value = args.get(++i);
                    } else {
                        throw usage(option + " needs a value");
                    }
                    if (option.equals("--rate")) {
                        rate = Optional.of(rate(value));
                    } else {
                        concurrency = whole("--concurrency", value, 1, MAX_CONCURRENCY);
                    }
                }
                default -> {
                    if (arg.startsWith("-") || sizeGiven) {
                        throw usage("unexpected argument: " + arg);
                    }
                    size = whole("N", arg, 1, MAX_SIZE);
                    sizeGiven = true;
                }
            }
        }
        return new LoadOptions(size, rate, concurrency);
    }

    private static int whole(String name, String value, int min, int max) {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // Said below, with the range.
        }
        throw usage(name + " must be a whole number from " + min + " to " + max + ", was: " + value);
    }

    private static double rate(String value) {
        try {
            double parsed = Double.parseDouble(value);
            if (parsed > 0 && parsed <= MAX_RATE) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // Said below, with the range.
        }
        throw usage("--rate must be a number of requests per second above 0 and at most " + (long) MAX_RATE + ", was: "
                + value);
    }

    private static IllegalStateException usage(String problem) {
        return new IllegalStateException("load: " + problem + "\n" + USAGE);
    }

    String pace() {
        return rate.map(r -> "paced at " + number(r) + " requests/s").orElse("as fast as they are answered");
    }

    /** A rate as given: a whole number without its {@code .0}. */
    static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
