package com.webhookbuffer.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Header-borne identifiers (visible ASCII, bounded) and the violations an invalid payload lists. */
class HeaderValuesTest {

    @Test
    void theLowestAndHighestVisibleCharactersAreAllowedButNotTheirNeighbours() {
        assertThat(WebhookId.isValid("!")).isTrue();
        assertThat(WebhookId.isValid("~")).isTrue();
        assertThat(WebhookId.isValid(" ")).isFalse();
        assertThat(WebhookId.isValid("\u007F")).isFalse();
        assertThat(WebhookId.of("!~").value()).isEqualTo("!~");
    }

    @Test
    void noIdAndAnEmptyIdAreNotValid() {
        assertThat(WebhookId.isValid(null)).isFalse();
        assertThat(WebhookId.isValid("")).isFalse();
        assertThatNullPointerException()
                .isThrownBy(() -> WebhookId.of(null))
                .withMessage("webhook-id must not be null");
        assertThatNullPointerException()
                .isThrownBy(() -> CorrelationId.of(null))
                .withMessage("correlationId must not be null");
    }

    @Test
    void correlationIdOfOneHundredTwentyEightCharactersIsAllowedButNotOneMore() {
        assertThat(CorrelationId.of("c".repeat(128)).value()).hasSize(128);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CorrelationId.of("c".repeat(129)))
                .withMessage("correlationId must be 1-128 visible ASCII characters (0x21-0x7E), was 129 characters");
    }

    @Test
    void identifiersReadAsTheirValue() {
        assertThat(WebhookId.of("msg_1")).hasToString("msg_1");
        assertThat(CorrelationId.of("req-1")).hasToString("req-1");
    }

    @Test
    void aRandomCorrelationIdIsValidAndNewEachTime() {
        CorrelationId first = CorrelationId.random();

        assertThat(first.value()).hasSize(36);
        assertThat(CorrelationId.random()).isNotEqualTo(first);
    }

    @Test
    void violationsSortByFieldThenByMessage() {
        Violation typeB = new Violation("type", "b");
        Violation typeA = new Violation("type", "a");
        Violation data = new Violation("data", "z");
        List<Violation> violations = new ArrayList<>(List.of(typeB, typeA, data));
        Collections.sort(violations);

        assertThat(violations).containsExactly(data, typeA, typeB);
        assertThat(typeA.compareTo(new Violation("type", "a"))).isZero();
        assertThat(typeA).hasToString("type: a");
    }

    @Test
    void anInvalidPayloadListsAtLeastOneViolation() {
        Violation violation = new Violation("type", "must be order.created");

        assertThat(new AcceptOutcome.InvalidPayload(List.of(violation)).violations())
                .containsExactly(violation);
        assertThatIllegalArgumentException().isThrownBy(() -> new AcceptOutcome.InvalidPayload(List.of()));
    }
}
