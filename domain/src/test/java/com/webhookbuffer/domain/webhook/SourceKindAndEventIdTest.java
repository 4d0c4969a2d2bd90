package com.webhookbuffer.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SourceKindAndEventIdTest {

    @Test
    void eachKindIsFoundByTheNameOperatorsWriteAndNoOtherName() {
        for (SourceKind kind : SourceKind.values()) {
            assertThat(SourceKind.fromWireName(kind.wireName())).contains(kind);
            assertThat(SourceKind.WIRE_NAMES).contains(kind.wireName());
        }
        assertThat(SourceKind.SHOPIFY.wireName()).isEqualTo("shopify");
        assertThat(SourceKind.STANDARD_WEBHOOKS.wireName()).isEqualTo("standard-webhooks");
        assertThat(SourceKind.WOOCOMMERCE.wireName()).isEqualTo("woocommerce");
        assertThat(SourceKind.fromWireName("Shopify")).isEmpty();
        assertThat(SourceKind.fromWireName("")).isEmpty();
        assertThat(Arrays.stream(SourceKind.values()).map(SourceKind::wireName).toList())
                .hasSize(SourceKind.WIRE_NAMES.split(", ").length);
    }

    @Test
    void anEventIdIsVisibleAsciiUpToItsLimit() {
        String longest = "e".repeat(EventId.MAX_LENGTH);

        assertThat(EventId.of(longest).value()).isEqualTo(longest);
        assertThat(EventId.of("98880550").toString()).isEqualTo("98880550");
        assertThat(EventId.isValid(longest)).isTrue();
        assertThat(EventId.isValid(longest + "e")).isFalse();
        assertThat(EventId.isValid("with space")).isFalse();
        assertThat(EventId.isValid("")).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> EventId.of(longest + "e"));
    }

    @Test
    void aRefusedSourceNameIsShownShortAndInVisibleAsciiOnly() {
        String fortyVisible = "A".repeat(40);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> SourceName.of(fortyVisible))
                .withMessageEndingWith("was: \"" + fortyVisible + "\"");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SourceName.of(fortyVisible + "B"))
                .withMessageEndingWith("was: \"" + fortyVisible + "…\"");
        // The edges of visible ASCII ('!' and '~') are shown; a space, DEL and anything past them are not.
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SourceName.of("!~ \u007f\u00e9\u0020"))
                .withMessageEndingWith("was: \"!~????\"");
        assertThat(SourceName.isValid(null)).isFalse();
        assertThat(SourceName.of("shop-1").toString()).isEqualTo("shop-1");
    }
}
