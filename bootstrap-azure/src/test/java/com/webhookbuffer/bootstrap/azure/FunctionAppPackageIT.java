package com.webhookbuffer.bootstrap.azure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The function app package as Azure gets it: host.json, a folder per function, and one jar with no AWS in it. */
class FunctionAppPackageIT {

    private static final Path ZIP = Path.of(System.getProperty("functionapp.zip"));

    @Test
    void thePackageHoldsHostJsonBothFunctionsAndTheirJar() throws IOException {
        assertThat(Files.exists(ZIP)).as("%s is built by 'package'", ZIP).isTrue();
        try (ZipFile zip = new ZipFile(ZIP.toFile())) {
            assertThat(zip.stream().map(ZipEntry::getName))
                    .contains("host.json", "webhooks/function.json", "worker/function.json", "bootstrap-azure.jar");
            List<String> classes = new ArrayList<>();
            try (InputStream jar = zip.getInputStream(zip.getEntry("bootstrap-azure.jar"));
                    JarInputStream entries = new JarInputStream(jar)) {
                for (var entry = entries.getNextJarEntry(); entry != null; entry = entries.getNextJarEntry()) {
                    classes.add(entry.getName());
                }
            }
            assertThat(classes)
                    .contains(
                            "com/webhookbuffer/bootstrap/azure/WebhookFunctions.class",
                            "com/webhookbuffer/adapter/azure/out/AzureMessageQueue.class",
                            "org/postgresql/Driver.class",
                            "db/migration/V1__orders.sql");
            assertThat(classes)
                    .noneMatch(name -> name.startsWith("software/amazon/")
                            || name.startsWith("com/amazonaws/")
                            || name.startsWith("com/webhookbuffer/bootstrap/lambda/")
                            || name.startsWith("org/junit/")
                            || name.startsWith("io/zonky/"));
        }
    }
}
