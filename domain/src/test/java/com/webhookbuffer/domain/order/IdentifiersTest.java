package com.webhookbuffer.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import com.webhookbuffer.domain.testing.TestOrders;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentifiersTest {

    @Test
    void noIdentifierIsNotValidAndIsRefusedByName() {
        assertThat(Identifiers.isValid(null)).isFalse();
        assertThatNullPointerException().isThrownBy(() -> OrderId.of(null)).withMessage("orderId must not be null");
        assertThatNullPointerException().isThrownBy(() -> Sku.of(null)).withMessage("sku must not be null");
    }

    @Test
    void sixtyFourCharactersAreAnIdentifierButNotSixtyFive() {
        assertThat(Identifiers.isValid("a".repeat(64))).isTrue();
        assertThat(Identifiers.isValid("a".repeat(65))).isFalse();
    }

    @Test
    void aShortRejectedValueIsQuotedWhole() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OrderId.of("has space"))
                .withMessage("orderId must be 1-64 characters of [A-Za-z0-9_-], was: \"has space\"");
    }

    @Test
    void eightyCharactersAreQuotedWholeAndEightyOneAreCut() {
        String eighty = "!".repeat(80);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CustomerId.of(eighty))
                .withMessageEndingWith("was: \"" + eighty + "\"");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CustomerId.of(eighty + "!"))
                .withMessageEndingWith("was: \"" + eighty + "\"... (81 characters)");
    }

    @Test
    void identifiersReadAsTheirValue() {
        assertThat(OrderId.of("ord_1")).hasToString("ord_1");
        assertThat(CustomerId.of("cus_42")).hasToString("cus_42");
        assertThat(Sku.of("SKU-1")).hasToString("SKU-1");
        assertThat(OrderVersion.of(7)).hasToString("7");
    }

    @Test
    void versionsSortByValue() {
        List<OrderVersion> versions =
                new ArrayList<>(List.of(OrderVersion.of(3), OrderVersion.of(1), OrderVersion.of(2)));
        Collections.sort(versions);

        assertThat(versions).containsExactly(OrderVersion.of(1), OrderVersion.of(2), OrderVersion.of(3));
        assertThat(OrderVersion.of(1).compareTo(OrderVersion.of(1))).isZero();
        assertThat(OrderVersion.of(Long.MAX_VALUE).compareTo(OrderVersion.of(1)))
                .isPositive();
    }

    @Test
    void anUpdateNamesItsOrdersIdAndVersion() {
        OrderUpdate update = TestOrders.update("ord_9", 4);

        assertThat(update.orderId()).isEqualTo(OrderId.of("ord_9"));
        assertThat(update.version()).isEqualTo(OrderVersion.of(4));
    }
}
