package com.webhookbuffer.bootstrap.local.parts;

import static org.assertj.core.api.Assertions.assertThat;

import com.webhookbuffer.bootstrap.azure.AzureWiring;
import com.webhookbuffer.bootstrap.lambda.Wiring;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/settings.md's table of settings names exactly the variables the code reads (AWS, Azure, local): none missing, none
 * invented.
 */
class SettingsTableTest {

    private static final Pattern ROW_NAMES = Pattern.compile("^\\| (`[A-Z0-9_]+`(?:, `[A-Z0-9_]+`)*) \\|");
    private static final Pattern NAME = Pattern.compile("`([A-Z0-9_]+)`");

    @Test
    void everyVariableTheCodeReadsIsInTheTableAndNothingElse() throws IOException {
        String readme = Files.readString(Path.of("..", "docs", "settings.md"));
        String table = readme.substring(readme.indexOf("## Settings"));
        table = table.substring(0, table.indexOf("\n## ", 1));
        Set<String> documented = new TreeSet<>();
        for (String line : table.lines().toList()) {
            Matcher row = ROW_NAMES.matcher(line);
            if (row.find()) {
                Matcher name = NAME.matcher(row.group(1));
                while (name.find()) {
                    documented.add(name.group(1));
                }
            }
        }
        Set<String> read = new TreeSet<>(Wiring.VARIABLES);
        read.add(Wiring.AWS_REGION);
        read.addAll(LocalSettings.LOCAL_VARIABLES);
        read.addAll(AzureWiring.VARIABLES);
        String logback;
        try (InputStream in = getClass().getResourceAsStream("/run-local-logback.xml")) {
            logback = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(logback).contains("${LOG_LEVEL:-INFO}");
        read.add("LOG_LEVEL");

        assertThat(documented).isEqualTo(read);
    }
}
