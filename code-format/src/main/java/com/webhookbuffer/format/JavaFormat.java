package com.webhookbuffer.format;

import com.palantir.javaformat.java.Formatter;
import com.palantir.javaformat.java.FormatterException;
import com.palantir.javaformat.java.JavaFormatterOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code JavaFormat check|apply ROOT}: every {@code .java} file below ROOT (but build output,
 * installed npm packages and hidden folders) in palantir-java-format's style, with its imports
 * sorted and unused ones removed. {@code check} lists the files that differ and exits 1; {@code
 * apply} rewrites them. A file that does not parse is named with the parser's message, and fails
 * both.
 */
public final class JavaFormat {

    /**
     * Folders that hold no source of ours: build output, npm's installs, the local stack's state.
     */
    private static final Set<String> SKIPPED = Set.of("target", "node_modules");

    private static final int MAX_PASSES = 5;

    private JavaFormat() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2 || !Set.of("check", "apply").contains(args[0])) {
            System.err.println("usage: JavaFormat check|apply ROOT");
            System.exit(2);
        }
        boolean apply = args[0].equals("apply");
        Formatter formatter = Formatter.createFormatter(JavaFormatterOptions.builder()
                .style(JavaFormatterOptions.Style.PALANTIR)
                .build());
        List<Path> files = javaFiles(Path.of(args[1]));
        List<String> unformatted = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (Path file : files) {
            String source = Files.readString(file, StandardCharsets.UTF_8);
            String formatted;
            try {
                formatted = settled(formatter, source);
            } catch (FormatterException e) {
                unreadable.add(file + ": " + e.getMessage());
                continue;
            }
            if (!formatted.equals(source)) {
                unformatted.add(file.toString());
                if (apply) {
                    Files.writeString(file, formatted, StandardCharsets.UTF_8);
                }
            }
        }
        unreadable.forEach(line -> System.err.println("java-format: does not parse: " + line));
        if (apply) {
            System.out.println("java-format: " + unformatted.size() + " of " + files.size() + " files rewritten");
        } else if (!unformatted.isEmpty()) {
            unformatted.forEach(file -> System.err.println("java-format: not formatted: " + file));
            System.err.println("java-format: "
                    + unformatted.size()
                    + " of "
                    + files.size()
                    + " files differ from palantir-java-format; rewrite them with"
                    + " ./mvnw -pl code-format verify -Dformat=apply");
        } else {
            System.out.println("java-format: all " + files.size() + " files formatted");
        }
        System.exit(!unreadable.isEmpty() || (!apply && !unformatted.isEmpty()) ? 1 : 0);
    }

    /**
     * Formatted until formatting changes nothing more: removing an unused import can shift what the formatter does
     * next (seen here with google-java-format, whose fork this is: one pass left 49 of 409 files to change again),
     * and {@code apply} must leave a file that {@code check} passes.
     */
    private static String settled(Formatter formatter, String source) throws FormatterException {
        String current = source;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            String next = formatter.formatSourceAndFixImports(current);
            if (next.equals(current)) {
                return current;
            }
            current = next;
        }
        throw new FormatterException("still changing after " + MAX_PASSES + " formatting passes");
    }

    private static List<Path> javaFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(path -> path.toString().endsWith(".java"))
                    .filter(path -> Files.isRegularFile(path))
                    .filter(path -> isSource(root.relativize(path)))
                    .sorted()
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static boolean isSource(Path relative) {
        for (Path part : relative.getParent() == null ? List.<Path>of() : relative.getParent()) {
            String name = part.toString();
            if (SKIPPED.contains(name) || name.startsWith(".")) {
                return false;
            }
        }
        return true;
    }
}
