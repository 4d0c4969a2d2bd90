package com.webhookbuffer.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages table of docs/architecture.md names exactly the production packages there are, each in its module, and
 * each package says what it is for in a {@code package-info.java}: the layout a newcomer reads is the tree.
 */
class PackagesTableTest {

    private static final Path PROJECT = Path.of("..");
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z.]+)` \\| ([a-z-]+) \\|");

    @Test
    void theArchitectureTableIsThePackageTree() throws IOException {
        assertThat(documented()).isEqualTo(packages());
    }

    @Test
    void everyPackageSaysWhatItIsFor() throws IOException {
        for (Map.Entry<String, String> found : packages().entrySet()) {
            Path folder = PROJECT.resolve(found.getValue())
                    .resolve("src/main/java/com/webhookbuffer")
                    .resolve(found.getKey().replace('.', '/'));
            assertThat(folder.resolve("package-info.java")).as(found.getKey()).exists();
        }
    }

    /** Package (below com.webhookbuffer) to module, from docs/architecture.md's table. */
    private static Map<String, String> documented() throws IOException {
        String readme = Files.readString(PROJECT.resolve("docs").resolve("architecture.md"));
        String table = readme.substring(readme.indexOf("The packages under `com.webhookbuffer`"));
        table = table.substring(0, table.indexOf("\n\n", table.indexOf("| package |")));
        Map<String, String> rows = new TreeMap<>();
        for (String line : table.lines().toList()) {
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                rows.put(row.group(1), row.group(2));
            }
        }
        return rows;
    }

    /** Package (below com.webhookbuffer) to module: every folder of production sources holding a Java file. */
    private static Map<String, String> packages() throws IOException {
        Map<String, String> found = new TreeMap<>();
        try (Stream<Path> modules = Files.list(PROJECT)) {
            for (Path module : modules.filter(Files::isDirectory).toList()) {
                Path root = module.resolve("src/main/java/com/webhookbuffer");
                if (!Files.isDirectory(root)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(root)) {
                    files.filter(f -> f.toString().endsWith(".java"))
                            .map(f -> root.relativize(f.getParent()).toString().replace('/', '.'))
                            .forEach(
                                    name -> found.put(name, module.getFileName().toString()));
                }
            }
        }
        return found;
    }
}
