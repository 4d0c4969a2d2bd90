package com.webhookbuffer.bootstrap.lambda.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.webhookbuffer.adapter.persistence.DatabaseSettings;
import com.webhookbuffer.adapter.persistence.TestPostgres;
import com.webhookbuffer.bootstrap.pipeline.EnvironmentVariables;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * TLS to the database: {@code DB_SSL_MODE=verify-full} makes every connection check the server against the RDS
 * certificate authorities in the jar, and a server that offers no TLS is refused, never spoken to in plain text.
 */
class DatabaseTlsTest {

    @Test
    void theShippedBundleHoldsRdsAuthoritiesValidToday() throws Exception {
        try (InputStream bundle = getClass().getClassLoader().getResourceAsStream(DatabaseTls.BUNDLE)) {
            var certificates = CertificateFactory.getInstance("X.509").generateCertificates(bundle);
            assertThat(certificates).hasSizeGreaterThan(50).allSatisfy(certificate -> {
                X509Certificate x509 = (X509Certificate) certificate;
                // RDS's own authorities, and the Amazon Trust Services roots RDS Proxy's certificates chain to.
                assertThat(x509.getSubjectX500Principal().getName())
                        .containsAnyOf("Amazon RDS", "Amazon Root CA", "Starfield");
                x509.checkValidity(Date.from(Instant.now()));
            });
        }
        assertThat(Files.readString(DatabaseTls.bundleFile())).contains("-----BEGIN CERTIFICATE-----");
    }

    @Test
    void verifyFullAddsTheModeAndTheBundleToTheUrl() {
        DatabaseSettings settings = DatabaseTls.apply(
                new EnvironmentVariables(Map.of("DB_SSL_MODE", "verify-full")),
                DatabaseSettings.of("jdbc:postgresql://db.example:5432/orders", "worker", "secret"));
        assertThat(settings.jdbcUrl())
                .isEqualTo("jdbc:postgresql://db.example:5432/orders?sslmode=verify-full" + "&sslrootcert="
                        + DatabaseTls.bundleFile());
        assertThatIllegalStateException()
                .isThrownBy(() -> DatabaseTls.apply(new EnvironmentVariables(Map.of("DB_SSL_MODE", "on")), settings))
                .withMessageStartingWith("DB_SSL_MODE must be one of");
    }

    @Test
    void aServerWithoutTlsIsRefusedNotSpokenToInPlainText() {
        DatabaseSettings plain = TestPostgres.shared();
        DatabaseSettings verified =
                DatabaseTls.apply(new EnvironmentVariables(Map.of("DB_SSL_MODE", "verify-full")), plain);
        assertThatThrownBy(() -> DriverManager.getConnection(verified.jdbcUrl(), plain.user(), plain.password()))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("SSL");
    }
}
