package com.webhookbuffer.application.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.webhookbuffer.domain.testing.SeededRandom;
import com.webhookbuffer.domain.webhook.WebhookSecret;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

class SignatureVerifierTest {

    /** The Standard Webhooks published test vector, as every reference library checks it. */
    private static final WebhookSecret SECRET = WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final String TIMESTAMP = "1614265330";
    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private static final WebhookSecret OTHER = WebhookSecret.ofKey(new byte[32]);
    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    private static SignatureVerifier verifierAt(long epochSecond, WebhookSecret... secrets) {
        return new SignatureVerifier(List.of(secrets), TOLERANCE,
                Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }

    private static final SignatureVerifier AT_VECTOR_TIME = verifierAt(1614265330, SECRET);

    @Test
    void publishedVectorVerifies() {
        assertThat(AT_VECTOR_TIME.verify(ID, TIMESTAMP, SIGNATURE, BODY)).isEqualTo(SignatureCheck.AUTHENTIC);
    }

    @Test
    void signerProducesThePublishedVector() {
        assertThat(WebhookSignature.sign(SECRET, ID, 1614265330, BODY)).isEqualTo(SIGNATURE);
    }

    @Test
    void tamperedBodyIdOrTimestampFails() {
        byte[] tampered = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);
        assertThat(AT_VECTOR_TIME.verify(ID, TIMESTAMP, SIGNATURE, tampered))
                .isEqualTo(SignatureCheck.NO_MATCHING_SIGNATURE);
        assertThat(AT_VECTOR_TIME.verify(ID + "x", TIMESTAMP, SIGNATURE, BODY))
                .isEqualTo(SignatureCheck.NO_MATCHING_SIGNATURE);
        assertThat(AT_VECTOR_TIME.verify(ID, "1614265331", SIGNATURE, BODY))
                .isEqualTo(SignatureCheck.NO_MATCHING_SIGNATURE);
    }

    @Test
    void timestampsOutsideTheToleranceFailEitherWay() {
        long signedAt = 1614265330;
        assertThat(verifierAt(signedAt + 300, SECRET).verify(ID, TIMESTAMP, SIGNATURE, BODY))
                .isEqualTo(SignatureCheck.AUTHENTIC);
        assertThat(verifierAt(signedAt + 301, SECRET).verify(ID, TIMESTAMP, SIGNATURE, BODY))
                .isEqualTo(SignatureCheck.TIMESTAMP_OUT_OF_TOLERANCE);
        assertThat(verifierAt(signedAt - 300, SECRET).verify(ID, TIMESTAMP, SIGNATURE, BODY))
                .isEqualTo(SignatureCheck.AUTHENTIC);
        assertThat(verifierAt(signedAt - 301, SECRET).verify(ID, TIMESTAMP, SIGNATURE, BODY))
                .isEqualTo(SignatureCheck.TIMESTAMP_OUT_OF_TOLERANCE);
    }

    @Test
    void anyConfiguredSecretMayMatchDuringARotation() {
        assertThat(verifierAt(1614265330, OTHER, SECRET).verify(ID, TIMESTAMP, SIGNATURE, BODY))
                .isEqualTo(SignatureCheck.AUTHENTIC);
        assertThat(verifierAt(1614265330, OTHER).verify(ID, TIMESTAMP, SIGNATURE, BODY))
                .isEqualTo(SignatureCheck.NO_MATCHING_SIGNATURE);
    }

    @Test
    void anySignatureInTheHeaderMayMatch() {
        String otherSignature = WebhookSignature.sign(OTHER, ID, 1614265330, BODY);

        assertThat(AT_VECTOR_TIME.verify(ID, TIMESTAMP, otherSignature + " " + SIGNATURE, BODY))
                .isEqualTo(SignatureCheck.AUTHENTIC);
        assertThat(AT_VECTOR_TIME.verify(ID, TIMESTAMP, SIGNATURE + "  " + otherSignature, BODY))
                .isEqualTo(SignatureCheck.AUTHENTIC);
        assertThat(AT_VECTOR_TIME.verify(ID, TIMESTAMP, otherSignature, BODY))
                .isEqualTo(SignatureCheck.NO_MATCHING_SIGNATURE);
    }

    @Test
    void otherSignatureVersionsAreIgnoredNotErrors() {
        String v1a = "v1a,hnO3f9T8Ytu9HwrXslvumlUpqtNVqkhqw/enGzPCXe5BdqzCInXqYXFymVJaA7AZdpXwVLPo3mNl8EM+m7TBAg==";

        assertThat(AT_VECTOR_TIME.verify(ID, TIMESTAMP, v1a + " " + SIGNATURE, BODY))
                .isEqualTo(SignatureCheck.AUTHENTIC);
        assertThat(AT_VECTOR_TIME.verify(ID, TIMESTAMP, v1a, BODY)).isEqualTo(SignatureCheck.NO_MATCHING_SIGNATURE);
        // The v1 payload offered under another version's label does not count either.
        assertThat(AT_VECTOR_TIME.verify(ID, TIMESTAMP, SIGNATURE.replace("v1,", "v2,"), BODY))
                .isEqualTo(SignatureCheck.NO_MATCHING_SIGNATURE);
    }

    @Test
    void missingOrMalformedHeadersFail() {
        assertThat(AT_VECTOR_TIME.verify(null, TIMESTAMP, SIGNATURE, BODY)).isEqualTo(SignatureCheck.MISSING_HEADERS);
        assertThat(AT_VECTOR_TIME.verify(ID, null, SIGNATURE, BODY)).isEqualTo(SignatureCheck.MISSING_HEADERS);
        assertThat(AT_VECTOR_TIME.verify(ID, TIMESTAMP, null, BODY)).isEqualTo(SignatureCheck.MISSING_HEADERS);
        assertThat(AT_VECTOR_TIME.verify(ID, "-1614265330", SIGNATURE, BODY))
                .isEqualTo(SignatureCheck.MALFORMED_HEADERS);
        assertThat(AT_VECTOR_TIME.verify(ID, "1614265330.0", SIGNATURE, BODY))
                .isEqualTo(SignatureCheck.MALFORMED_HEADERS);
        assertThat(AT_VECTOR_TIME.verify(ID, "99999999999999999999", SIGNATURE, BODY))
                .isEqualTo(SignatureCheck.MALFORMED_HEADERS);
        assertThat(AT_VECTOR_TIME.verify("has space", TIMESTAMP, SIGNATURE, BODY))
                .isEqualTo(SignatureCheck.MALFORMED_HEADERS);
        assertThat(AT_VECTOR_TIME.verify(ID, TIMESTAMP, "v1,not base64!", BODY))
                .isEqualTo(SignatureCheck.NO_MATCHING_SIGNATURE);
        assertThat(AT_VECTOR_TIME.verify(ID, TIMESTAMP, "", BODY)).isEqualTo(SignatureCheck.NO_MATCHING_SIGNATURE);
    }

    /** Random ids, bodies and secrets: what is signed verifies, and any one flipped bit in the body does not. */
    @Test
    @ExtendWith(SeededRandom.class)
    void randomSignedRequestsVerifyAndAnyFlippedBitFails(Random random) {
        for (int i = 0; i < 300; i++) {
            byte[] key = new byte[24 + random.nextInt(41)];
            random.nextBytes(key);
            WebhookSecret secret = WebhookSecret.ofKey(key);
            String id = "msg_" + Long.toHexString(random.nextLong());
            long timestamp = 1_600_000_000L + random.nextInt(100_000_000);
            byte[] body = new byte[1 + random.nextInt(2048)];
            random.nextBytes(body);
            SignatureVerifier verifier = verifierAt(timestamp + random.nextInt(601) - 300, OTHER, secret);
            String header = WebhookSignature.sign(secret, id, timestamp, body);

            assertThat(verifier.verify(id, Long.toString(timestamp), header, body))
                    .as("request %d", i).isEqualTo(SignatureCheck.AUTHENTIC);
            byte[] flipped = body.clone();
            int bit = random.nextInt(body.length * 8);
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThat(verifier.verify(id, Long.toString(timestamp), header, flipped))
                    .as("request %d with bit %d flipped", i, bit).isEqualTo(SignatureCheck.NO_MATCHING_SIGNATURE);
        }
    }
}
