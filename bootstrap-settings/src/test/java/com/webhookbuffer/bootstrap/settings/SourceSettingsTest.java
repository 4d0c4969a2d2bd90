package com.webhookbuffer.bootstrap.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.webhookbuffer.domain.webhook.SourceKind;
import com.webhookbuffer.domain.webhook.SourceName;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceSettingsTest {

    private static Map<SourceName, SourceKind> sources(String text) {
        return SourceSettings.sources(new EnvironmentVariables(Map.of(SourceSettings.SOURCES, text)));
    }

    @Test
    void pairsAreSeparatedByCommasOrSpacesAndKeepTheirOrder() {
        assertThat(sources("partner=standard-webhooks,  eu-2=standard-webhooks")).containsExactly(
                Map.entry(SourceName.of("partner"), SourceKind.STANDARD_WEBHOOKS),
                Map.entry(SourceName.of("eu-2"), SourceKind.STANDARD_WEBHOOKS));
        assertThat(SourceSettings.sources(new EnvironmentVariables(Map.of()))).isEmpty();
        assertThat(sources("  ")).isEmpty();
    }

    @Test
    void eachMistakeIsNamed() {
        assertThatIllegalStateException().isThrownBy(() -> sources("partner"))
                .withMessage("SOURCES must hold name=kind pairs, was: partner");
        assertThatIllegalStateException().isThrownBy(() -> sources("Partner=standard-webhooks"))
                .withMessageStartingWith("SOURCES is malformed: source name must be 1-32 characters");
        assertThatIllegalStateException().isThrownBy(() -> sources("partner=stripe"))
                .withMessage("SOURCES: the kind of partner must be one of standard-webhooks, was: stripe");
        assertThatIllegalStateException().isThrownBy(() -> sources("a=standard-webhooks a=standard-webhooks"))
                .withMessage("SOURCES names a twice");
        assertThatIllegalStateException().isThrownBy(() -> sources("default=standard-webhooks"))
                .withMessageStartingWith("SOURCES must not name a source default");
    }

    @Test
    void aSourcesKeysAreInItsOwnVariable() {
        assertThat(SourceSettings.secretsVariable(SourceName.of("woo-eu-2"))).isEqualTo("SOURCE_WOO_EU_2_SECRETS");
    }
}
