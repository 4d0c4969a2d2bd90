package com.webhookbuffer.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The ports table of docs/architecture.md names every port there is and, for each, exactly the production classes
 * that implement it (read from the compiled code with ArchUnit): a new adapter, or a port nobody documents, fails
 * here instead of drifting.
 */
class PortsTableTest {

    private static final Path DOC = Path.of("..", "docs", "architecture.md");
    private static final Pattern ROW =
            Pattern.compile("^\\| `(\\w+)` \\| (inbound|outbound)[^|]*\\|[^|]*\\| (.*) \\|$");
    /** A class named in the last column; {@code Type.CONSTANT} (an implementation held in a constant) is not one. */
    private static final Pattern NAMED_CLASS = Pattern.compile("`([A-Z]\\w*)`(?!\\.)");

    private static final Set<String> PORT_PACKAGES = Set.of(
            HexagonRules.ROOT + ".domain.port.in",
            HexagonRules.ROOT + ".domain.port.out",
            HexagonRules.ROOT + ".application.port.out");

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(HexagonRules.ROOT);

    @Test
    void theTableNamesEveryPortAndExactlyItsImplementations() throws IOException {
        assertThat(documented()).isEqualTo(implemented());
    }

    /** Port to the classes the table names for it. */
    private static Map<String, Set<String>> documented() throws IOException {
        Map<String, Set<String>> rows = new TreeMap<>();
        for (String line : Files.readAllLines(DOC)) {
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                Set<String> named = new TreeSet<>();
                Matcher name = NAMED_CLASS.matcher(row.group(3));
                while (name.find()) {
                    named.add(name.group(1));
                }
                rows.put(row.group(1), named);
            }
        }
        return rows;
    }

    /**
     * Every interface in the port packages to its named, concrete production implementations. A sealed result type
     * that sits beside the ports ({@code ParsedPayload}, {@code Translation}: every case nested in it) is no port.
     */
    private static Map<String, Set<String>> implemented() {
        Map<String, Set<String>> ports = new TreeMap<>();
        for (JavaClass port : PRODUCTION) {
            if (!port.isInterface()
                    || !PORT_PACKAGES.contains(port.getPackageName())
                    || !port.isTopLevelClass()
                    || port.getSimpleName().equals("package-info")) {
                continue;
            }
            Set<JavaClass> implementations = port.getAllSubclasses().stream()
                    .filter(implementation -> !implementation.isInterface() && !implementation.isAnonymousClass())
                    .filter(implementation -> !implementation.getModifiers().contains(JavaModifier.ABSTRACT))
                    .collect(Collectors.toSet());
            boolean resultType = !implementations.isEmpty()
                    && implementations.stream()
                            .allMatch(implementation -> implementation
                                    .getEnclosingClass()
                                    .map(port::equals)
                                    .orElse(false));
            if (!resultType) {
                ports.put(
                        port.getSimpleName(),
                        implementations.stream()
                                .map(JavaClass::getSimpleName)
                                .collect(Collectors.toCollection(TreeSet::new)));
            }
        }
        return ports;
    }
}
