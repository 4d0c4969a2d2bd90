package com.webhookbuffer.bootstrap.lambda.worker;

import com.webhookbuffer.adapter.persistence.DatabaseSettings;
import com.webhookbuffer.bootstrap.lambda.Wiring;
import com.webhookbuffer.bootstrap.pipeline.EnvironmentVariables;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;

/**
 * TLS to the database, as {@code DB_SSL_MODE} says. {@code verify-full} (the SAM template's) checks the server's
 * certificate and host name against the Amazon RDS certificate authorities shipped in the worker jar
 * ({@value #BUNDLE}); pgjdbc reads them from a file, so the bundle is copied to the temporary folder once.
 */
public final class DatabaseTls {

    public static final String BUNDLE = "rds/rds-ca-bundle.pem";
    /** pgjdbc's modes; the two that verify need the bundle. */
    static final Set<String> MODES = Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

    private static Path bundleFile;

    private DatabaseTls() {}

    static DatabaseSettings apply(EnvironmentVariables env, DatabaseSettings settings) {
        String mode = env.optional(Wiring.DB_SSL_MODE).orElse(null);
        if (mode == null) {
            return settings;
        }
        if (!MODES.contains(mode)) {
            throw new IllegalStateException(Wiring.DB_SSL_MODE + " must be one of " + MODES + ", was: " + mode);
        }
        String parameters = "sslmode=" + mode + (mode.startsWith("verify-") ? "&sslrootcert=" + bundleFile() : "");
        return settings.withUrlParameters(parameters);
    }

    /** The RDS bundle as a file pgjdbc can read; written once per execution environment. */
    static synchronized Path bundleFile() {
        if (bundleFile == null) {
            try (InputStream bundle = DatabaseTls.class.getClassLoader().getResourceAsStream(BUNDLE)) {
                if (bundle == null) {
                    throw new IllegalStateException(BUNDLE + " is missing from the jar");
                }
                Path file = Files.createTempFile("rds-ca-bundle", ".pem");
                Files.copy(bundle, file, StandardCopyOption.REPLACE_EXISTING);
                bundleFile = file;
            } catch (IOException e) {
                throw new UncheckedIOException("the RDS certificate bundle could not be written", e);
            }
        }
        return bundleFile;
    }
}
