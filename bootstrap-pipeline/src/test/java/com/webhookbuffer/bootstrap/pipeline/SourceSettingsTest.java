package com.webhookbuffer.bootstrap.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.webhookbuffer.application.ingest.NamedSource;
import com.webhookbuffer.domain.webhook.PlatformSecrets;
import com.webhookbuffer.domain.webhook.SourceKind;
import com.webhookbuffer.domain.webhook.SourceName;
import com.webhookbuffer.domain.webhook.VerificationKeys;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceSettingsTest {

    private static Map<SourceName, SourceKind> sources(String text) {
        return SourceSettings.sources(new EnvironmentVariables(Map.of(SourceSettings.SOURCES, text)));
    }

    @Test
    void pairsAreSeparatedByCommasOrSpacesAndKeepTheirOrder() {
        assertThat(sources("partner=standard-webhooks,  eu-2=standard-webhooks"))
                .containsExactly(
                        Map.entry(SourceName.of("partner"), SourceKind.STANDARD_WEBHOOKS),
                        Map.entry(SourceName.of("eu-2"), SourceKind.STANDARD_WEBHOOKS));
        assertThat(SourceSettings.sources(new EnvironmentVariables(Map.of()))).isEmpty();
        assertThat(sources("  ")).isEmpty();
    }

    @Test
    void eachMistakeIsNamed() {
        assertThatIllegalStateException()
                .isThrownBy(() -> sources("partner"))
                .withMessage("SOURCES must hold name=kind pairs, was: partner");
        assertThatIllegalStateException()
                .isThrownBy(() -> sources("Partner=standard-webhooks"))
                .withMessageStartingWith("SOURCES is malformed: source name must be 1-32 characters");
        assertThatIllegalStateException()
                .isThrownBy(() -> sources("partner=stripe"))
                .withMessage("SOURCES: the kind of partner must be one of " + SourceKind.WIRE_NAMES + ", was: stripe");
        assertThatIllegalStateException()
                .isThrownBy(() -> sources("a=standard-webhooks a=standard-webhooks"))
                .withMessage("SOURCES names a twice");
        assertThatIllegalStateException()
                .isThrownBy(() -> sources("default=standard-webhooks"))
                .withMessageStartingWith("SOURCES must not name a source default");
    }

    @Test
    void aSourcesKeysAreInItsOwnVariable() {
        assertThat(SourceSettings.secretsVariable(SourceName.of("woo-eu-2"))).isEqualTo("SOURCE_WOO_EU_2_SECRETS");
    }

    @Test
    void eachSourcesKeysAreReadAsItsKindWritesThem() {
        Map<SourceName, NamedSource> named = SourceSettings.named(new EnvironmentVariables(Map.of(
                SourceSettings.SOURCES,
                "partner=standard-webhooks shop=shopify woo=woocommerce",
                "SOURCE_PARTNER_SECRETS",
                "whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "SOURCE_SHOP_SECRETS",
                "shpss_old\nshpss_new\n",
                "SOURCE_WOO_SECRETS",
                "p,K% z`9]kq; ~Ls")));

        assertThat(named.get(SourceName.of("partner")).keys().get()).isInstanceOf(VerificationKeys.class);
        assertThat(named.get(SourceName.of("shop")).kind()).isEqualTo(SourceKind.SHOPIFY);
        assertThat(((PlatformSecrets) named.get(SourceName.of("shop")).keys().get()).keys())
                .containsExactly(
                        "shpss_old".getBytes(StandardCharsets.UTF_8), "shpss_new".getBytes(StandardCharsets.UTF_8));
        assertThat(((PlatformSecrets) named.get(SourceName.of("woo")).keys().get()).keys())
                .as("a WooCommerce secret is the whole line, spaces and punctuation included")
                .containsExactly("p,K% z`9]kq; ~Ls".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSourceWithoutUsableKeysStopsTheStartNamingItsVariableNotItsText() {
        assertThatIllegalStateException()
                .isThrownBy(() ->
                        SourceSettings.named(new EnvironmentVariables(Map.of(SourceSettings.SOURCES, "shop=shopify"))))
                .withMessageContaining("SOURCE_SHOP_SECRETS");
        assertThatIllegalStateException()
                .isThrownBy(() -> SourceSettings.named(new EnvironmentVariables(
                        Map.of(SourceSettings.SOURCES, "shop=shopify", "SOURCE_SHOP_SECRETS", " \n \n"))))
                .withMessage("SOURCE_SHOP_SECRETS is required but not set");
        assertThatIllegalStateException()
                .isThrownBy(() -> SourceSettings.named(new EnvironmentVariables(Map.of(
                        SourceSettings.SOURCES,
                        "partner=standard-webhooks",
                        "SOURCE_PARTNER_SECRETS",
                        "shpss_a-shopify-secret-by-mistake"))))
                .withMessageContaining("SOURCE_PARTNER_SECRETS")
                .withMessageNotContaining("shpss_a-shopify-secret-by-mistake");
    }
}
