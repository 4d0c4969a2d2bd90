package com.webhookbuffer.application.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.webhookbuffer.domain.webhook.VerificationKeys;
import com.webhookbuffer.domain.webhook.WebhookSecret;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The edges of what {@link SignatureVerifier} takes as a {@code webhook-timestamp}: 1 to 19 ASCII digits. */
class TimestampHeaderTest {

    private static final WebhookSecret SECRET = WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    private static final long NOW = 1_614_265_330L;
    private static final SignatureVerifier VERIFIER = new SignatureVerifier(
            VerificationKeys.of(List.of(SECRET)),
            Duration.ofMinutes(5),
            Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));
    private static final String ID = "msg_1";
    private static final byte[] BODY = "{}".getBytes(StandardCharsets.UTF_8);
    private static final String SIGNATURE = WebhookSignature.sign(SECRET, ID, NOW, BODY);

    @ParameterizedTest
    @ValueSource(strings = {"", "/", ":", "161426533a", "1614265330:", "+1614265330", " 1614265330"})
    void anEmptyTimestampOrOneWithACharacterJustOutsideTheDigitsIsMalformed(String timestamp) {
        assertThat(VERIFIER.verify(ID, timestamp, SIGNATURE, BODY)).isEqualTo(SignatureCheck.MALFORMED_HEADERS);
    }

    @Test
    void nineteenDigitsAreATimestampButTwentyAreNot() {
        assertThat(VERIFIER.verify(ID, "1000000000000000000", SIGNATURE, BODY))
                .isEqualTo(SignatureCheck.TIMESTAMP_OUT_OF_TOLERANCE);
        assertThat(VERIFIER.verify(ID, "10000000000000000000", SIGNATURE, BODY))
                .isEqualTo(SignatureCheck.MALFORMED_HEADERS);
    }

    @Test
    void digitsOfOtherScriptsAreNotDigitsHere() {
        // Long.parseLong reads Arabic-Indic and full-width digits; the header is ASCII digits only.
        for (String timestamp : new String[] {"\u0661\u0666\u0661\u0664", "\uFF11\uFF16\uFF11\uFF14"}) {
            assertThat(VERIFIER.verify(ID, timestamp, SIGNATURE, BODY))
                    .as(timestamp)
                    .isEqualTo(SignatureCheck.MALFORMED_HEADERS);
        }
    }

    @Test
    void nineteenDigitsPastTheLargestLongAreMalformedNotAnOverflow() {
        assertThat(VERIFIER.verify(ID, Long.toString(Long.MAX_VALUE), SIGNATURE, BODY))
                .isEqualTo(SignatureCheck.TIMESTAMP_OUT_OF_TOLERANCE);
        assertThat(VERIFIER.verify(ID, "0", SIGNATURE, BODY))
                .as("zero is a timestamp, a long way off")
                .isEqualTo(SignatureCheck.TIMESTAMP_OUT_OF_TOLERANCE);
        for (String past : new String[] {
            "9223372036854775808", "9223372036854775810", "9999999999999999999", "1" + "0".repeat(4_000)
        }) {
            assertThat(VERIFIER.verify(ID, past, SIGNATURE, BODY)).as(past).isEqualTo(SignatureCheck.MALFORMED_HEADERS);
        }
    }

    @Test
    void leadingZerosAndTheDigitsZeroAndNineAreDigits() {
        assertThat(VERIFIER.verify(ID, "0" + NOW, SIGNATURE, BODY))
                .as("signed over the text, not the number")
                .isEqualTo(SignatureCheck.NO_MATCHING_SIGNATURE);
        assertThat(VERIFIER.verify(ID, "0000000000000000009", SIGNATURE, BODY))
                .isEqualTo(SignatureCheck.TIMESTAMP_OUT_OF_TOLERANCE);
        assertThat(VERIFIER.verify(ID, Long.toString(NOW), SIGNATURE, BODY)).isEqualTo(SignatureCheck.AUTHENTIC);
    }

    @Test
    void aVerifierWithoutKeysIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() ->
                        new SignatureVerifier(VerificationKeys.of(List.of()), Duration.ofMinutes(5), Clock.systemUTC()))
                .withMessage("at least one webhook secret or public key is required");
    }
}
