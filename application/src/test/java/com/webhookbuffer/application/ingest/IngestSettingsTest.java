package com.webhookbuffer.application.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.webhookbuffer.domain.webhook.VerificationKeys;
import com.webhookbuffer.domain.webhook.WebhookSecret;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngestSettingsTest {

    private static final List<WebhookSecret> SECRETS =
            List.of(WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
    private static final Duration SECOND = Duration.ofSeconds(1);

    private static IngestSettings settings(Duration tolerance, int maxBodyBytes, Duration retryAfter) {
        return new IngestSettings(VerificationKeys.of(SECRETS), tolerance, maxBodyBytes, retryAfter);
    }

    @Test
    void atLeastOneSecretIsRequired() {
        assertThat(IngestSettings.withSecrets(SECRETS).keys().secrets()).isEqualTo(SECRETS);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> IngestSettings.withSecrets(List.of()))
                .withMessage("at least one webhook secret or public key is required");
    }

    @Test
    void timestampToleranceOfOneSecondIsAllowedButNotLess() {
        assertThat(settings(SECOND, 1, SECOND).timestampTolerance()).isEqualTo(SECOND);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> settings(Duration.ofMillis(999), 1, SECOND))
                .withMessage("timestampTolerance must be >= 1s, was: PT0.999S");
    }

    @Test
    void bodyLimitOfOneByteIsAllowedButNotZero() {
        assertThat(settings(SECOND, 1, SECOND).maxBodyBytes()).isEqualTo(1);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> settings(SECOND, 0, SECOND))
                .withMessageStartingWith("maxBodyBytes must be 1-1044480 ")
                .withMessageEndingWith("was: 0");
    }

    @Test
    void bodyLimitOfWhatFitsOneSqsMessageIsAllowedButNotOneByteMore() {
        int limit = IngestSettings.MAX_BODY_BYTES_LIMIT;

        assertThat(limit).isEqualTo(1_044_480);
        assertThat(settings(SECOND, limit, SECOND).maxBodyBytes()).isEqualTo(limit);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> settings(SECOND, limit + 1, SECOND))
                .withMessageEndingWith("was: 1044481");
    }

    @Test
    void retryAfterOfOneSecondIsAllowedButNotLess() {
        assertThat(settings(SECOND, 1, SECOND).retryAfter()).isEqualTo(SECOND);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> settings(SECOND, 1, Duration.ofMillis(999)))
                .withMessage("retryAfter must be >= 1s, was: PT0.999S");
    }

    @Test
    void theDefaultsAreFiveMinutesAQuarterMebibyteAndFiveSeconds() {
        IngestSettings defaults = IngestSettings.withSecrets(SECRETS);

        assertThat(defaults.timestampTolerance()).isEqualTo(Duration.ofMinutes(5));
        assertThat(defaults.maxBodyBytes()).isEqualTo(262_144);
        assertThat(defaults.retryAfter()).isEqualTo(Duration.ofSeconds(5));
    }
}
