package com.webhookbuffer.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PlatformSecretsTest {

    @Test
    void eachLineIsOneSecretItsUtf8BytesTheKey() {
        PlatformSecrets secrets = PlatformSecrets.parse("first secret, with spaces\r\nzweites Geheimnis ü\n");

        assertThat(secrets.keys()).hasSize(2);
        assertThat(new String(secrets.keys().get(0), StandardCharsets.UTF_8)).isEqualTo("first secret, with spaces");
        assertThat(secrets.keys().get(1)).isEqualTo("zweites Geheimnis ü".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void blankLinesAreSkippedButATextWithNoSecretIsRefusedWithoutRepeatingIt() {
        assertThat(PlatformSecrets.parse("\n  \none\n\n").keys()).hasSize(1);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PlatformSecrets.parse(" \n\r\n\t"))
                .withMessage("at least one secret is required (one per line)");
        assertThatIllegalArgumentException().isThrownBy(() -> PlatformSecrets.parse(""));
        assertThatNullPointerException().isThrownBy(() -> PlatformSecrets.parse(null));
    }

    @Test
    void whoeverChangesAKeyChangesOnlyItsOwnCopy() {
        PlatformSecrets secrets = PlatformSecrets.parse("abc");

        secrets.keys().get(0)[0] = 'x';

        assertThat(secrets.keys().get(0)).isEqualTo("abc".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void itsTextCountsTheSecretsButNeverShowsOne() {
        assertThat(PlatformSecrets.parse("s3cret\nother").toString()).isEqualTo("PlatformSecrets[2 secret(s)]");
    }
}
