package com.webhookbuffer.application.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.webhookbuffer.domain.testing.SeededRandom;
import com.webhookbuffer.domain.testing.SenderSecretKey;
import com.webhookbuffer.domain.webhook.VerificationKeys;
import com.webhookbuffer.domain.webhook.WebhookPublicKey;
import com.webhookbuffer.domain.webhook.WebhookSecret;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
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

    /**
     * Svix's asymmetric test vector over the same message (svix/svix-webhooks, server/svix-server/src/worker.rs,
     * {@code test_asymmetric_key_signing}, commit de55148dfa896f219ceb66181767599c1e9dadb8, MIT). The Standard
     * Webhooks repository publishes no {@code v1a} vector, and the example header in its specification does not
     * verify over its example message.
     */
    private static final SenderSecretKey SENDER = SenderSecretKey.parse(
            "whsk_6Xb/dCcHpPea21PS1N9VY/NZW723CEc77N4rJCubMbfVKIDij2HKpMKkioLlX0dRqSKJp4AJ6p9lMicMFs6Kvg==");

    private static final WebhookPublicKey PUBLIC_KEY =
            WebhookPublicKey.parse("whpk_1SiA4o9hyqTCpIqC5V9HUakiiaeACeqfZTInDBbOir4=");
    private static final String V1A_SIGNATURE =
            "v1a,hnO3f9T8Ytu9HwrXslvumlUpqtNVqkhqw/enGzPCXe5BdqzCInXqYXFymVJaA7AZdpXwVLPo3mNl8EM+m7TBAg==";

    private static SignatureVerifier verifierAt(long epochSecond, WebhookSecret... secrets) {
        return verifierAt(epochSecond, VerificationKeys.of(List.of(secrets)));
    }

    private static SignatureVerifier verifierAt(long epochSecond, VerificationKeys keys) {
        return new SignatureVerifier(keys, TOLERANCE, Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }

    private static SignatureVerifier publicKeysAtVectorTime(WebhookPublicKey... publicKeys) {
        return verifierAt(1614265330, new VerificationKeys(List.of(), List.of(publicKeys)));
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
        // With no public key configured, a v1a entry is ignored: the published v1a vector verifies nothing here.
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
                    .as("request %d", i)
                    .isEqualTo(SignatureCheck.AUTHENTIC);
            byte[] flipped = body.clone();
            int bit = random.nextInt(body.length * 8);
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThat(verifier.verify(id, Long.toString(timestamp), header, flipped))
                    .as("request %d with bit %d flipped", i, bit)
                    .isEqualTo(SignatureCheck.NO_MATCHING_SIGNATURE);
        }
    }

    @Test
    void asymmetricVectorVerifiesWithItsPublicKey() {
        assertThat(publicKeysAtVectorTime(PUBLIC_KEY).verify(ID, TIMESTAMP, V1A_SIGNATURE, BODY))
                .isEqualTo(SignatureCheck.AUTHENTIC);
        assertThat(SENDER.publicKey()).isEqualTo(PUBLIC_KEY);
        assertThat(SENDER.sign(ID, TIMESTAMP, BODY)).isEqualTo(V1A_SIGNATURE);
    }

    @Test
    void tamperedBodyIdOrTimestampFailsTheAsymmetricSignature() {
        SignatureVerifier verifier = publicKeysAtVectorTime(PUBLIC_KEY);
        byte[] tampered = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);

        assertThat(verifier.verify(ID, TIMESTAMP, V1A_SIGNATURE, tampered))
                .isEqualTo(SignatureCheck.NO_MATCHING_SIGNATURE);
        assertThat(verifier.verify(ID + "x", TIMESTAMP, V1A_SIGNATURE, BODY))
                .isEqualTo(SignatureCheck.NO_MATCHING_SIGNATURE);
        assertThat(verifier.verify(ID, "1614265331", V1A_SIGNATURE, BODY))
                .isEqualTo(SignatureCheck.NO_MATCHING_SIGNATURE);
        assertThat(verifierAt(1614265330 + 301, new VerificationKeys(List.of(), List.of(PUBLIC_KEY)))
                        .verify(ID, TIMESTAMP, V1A_SIGNATURE, BODY))
                .isEqualTo(SignatureCheck.TIMESTAMP_OUT_OF_TOLERANCE);
    }

    @Test
    void aSignatureOfOneSchemeNeverCountsForTheOther() {
        // The v1a payload under the v1 label, and the v1 payload under the v1a label.
        assertThat(publicKeysAtVectorTime(PUBLIC_KEY).verify(ID, TIMESTAMP, V1A_SIGNATURE.replace("v1a,", "v1,"), BODY))
                .isEqualTo(SignatureCheck.NO_MATCHING_SIGNATURE);
        assertThat(publicKeysAtVectorTime(PUBLIC_KEY).verify(ID, TIMESTAMP, SIGNATURE, BODY))
                .isEqualTo(SignatureCheck.NO_MATCHING_SIGNATURE);
        assertThat(AT_VECTOR_TIME.verify(ID, TIMESTAMP, SIGNATURE.replace("v1,", "v1a,"), BODY))
                .isEqualTo(SignatureCheck.NO_MATCHING_SIGNATURE);
    }

    @Test
    void eitherSchemeMayAuthenticateAMixedHeader() {
        SignatureVerifier both = verifierAt(1614265330, new VerificationKeys(List.of(SECRET), List.of(PUBLIC_KEY)));
        String wrongV1 = WebhookSignature.sign(OTHER, ID, 1614265330, BODY);
        String wrongV1a = SenderSecretKey.generate().sign(ID, TIMESTAMP, BODY);

        assertThat(both.verify(ID, TIMESTAMP, wrongV1 + " " + V1A_SIGNATURE, BODY))
                .isEqualTo(SignatureCheck.AUTHENTIC);
        assertThat(both.verify(ID, TIMESTAMP, V1A_SIGNATURE + " " + wrongV1, BODY))
                .isEqualTo(SignatureCheck.AUTHENTIC);
        assertThat(both.verify(ID, TIMESTAMP, SIGNATURE + " " + wrongV1a, BODY)).isEqualTo(SignatureCheck.AUTHENTIC);
        assertThat(both.verify(ID, TIMESTAMP, wrongV1 + " " + wrongV1a, BODY))
                .isEqualTo(SignatureCheck.NO_MATCHING_SIGNATURE);
    }

    @Test
    void anyConfiguredPublicKeyMayVerifyDuringARotation() {
        SenderSecretKey next = SenderSecretKey.generate();
        SignatureVerifier rotating = publicKeysAtVectorTime(next.publicKey(), PUBLIC_KEY);

        assertThat(rotating.verify(ID, TIMESTAMP, V1A_SIGNATURE, BODY)).isEqualTo(SignatureCheck.AUTHENTIC);
        assertThat(rotating.verify(ID, TIMESTAMP, next.sign(ID, TIMESTAMP, BODY), BODY))
                .isEqualTo(SignatureCheck.AUTHENTIC);
        assertThat(rotating.verify(ID, TIMESTAMP, next.sign(ID, TIMESTAMP, BODY) + " " + V1A_SIGNATURE, BODY))
                .isEqualTo(SignatureCheck.AUTHENTIC);
        assertThat(publicKeysAtVectorTime(next.publicKey()).verify(ID, TIMESTAMP, V1A_SIGNATURE, BODY))
                .isEqualTo(SignatureCheck.NO_MATCHING_SIGNATURE);
    }

    @Test
    void malformedAsymmetricEntriesAreIgnoredLikeMalformedV1Ones() {
        SignatureVerifier verifier = publicKeysAtVectorTime(PUBLIC_KEY);
        byte[] signature = Base64.getDecoder().decode(V1A_SIGNATURE.substring(4));
        byte[] scalarTooLarge = signature.clone();
        Arrays.fill(scalarTooLarge, 32, 64, (byte) 0xff);
        byte[] notAPoint = signature.clone();
        Arrays.fill(notAPoint, 0, 32, (byte) 0xff);
        List<String> malformed = List.of(
                "v1a,not base64!",
                "v1a,",
                "v1a,=",
                "v1a," + Base64.getEncoder().encodeToString(Arrays.copyOf(signature, 63)),
                "v1a," + Base64.getEncoder().encodeToString(Arrays.copyOf(signature, 65)),
                "v1a," + Base64.getEncoder().encodeToString(scalarTooLarge),
                "v1a," + Base64.getEncoder().encodeToString(notAPoint),
                "v1a " + V1A_SIGNATURE.substring(4),
                "V1A," + V1A_SIGNATURE.substring(4));

        for (String entry : malformed) {
            assertThat(verifier.verify(ID, TIMESTAMP, entry, BODY))
                    .as(entry)
                    .isEqualTo(SignatureCheck.NO_MATCHING_SIGNATURE);
            assertThat(verifier.verify(ID, TIMESTAMP, entry + " " + V1A_SIGNATURE, BODY))
                    .as(entry)
                    .isEqualTo(SignatureCheck.AUTHENTIC);
        }
    }

    @Test
    void onlyTheFirstFewDistinctAsymmetricSignaturesAreTried() {
        SignatureVerifier verifier = publicKeysAtVectorTime(PUBLIC_KEY);
        StringBuilder others = new StringBuilder();
        for (int i = 0; i < SignatureVerifier.MAX_V1A_SIGNATURES_TRIED - 1; i++) {
            others.append(SenderSecretKey.generate().sign(ID, TIMESTAMP, BODY)).append(' ');
        }
        String decoy = SenderSecretKey.generate().sign(ID, TIMESTAMP, BODY);

        assertThat(verifier.verify(ID, TIMESTAMP, others + V1A_SIGNATURE, BODY)).isEqualTo(SignatureCheck.AUTHENTIC);
        assertThat(verifier.verify(ID, TIMESTAMP, others + decoy + " " + V1A_SIGNATURE, BODY))
                .isEqualTo(SignatureCheck.NO_MATCHING_SIGNATURE);
        // A repeated entry, or one that does not decode to 64 bytes, costs nothing and takes no place.
        String repeated = (decoy + " ").repeat(200) + ("v1a,AAAA ").repeat(200);
        assertThat(verifier.verify(ID, TIMESTAMP, repeated + V1A_SIGNATURE, BODY))
                .isEqualTo(SignatureCheck.AUTHENTIC);
        // v1 entries are cheap and never limited.
        assertThat(verifierAt(1614265330, new VerificationKeys(List.of(SECRET), List.of(PUBLIC_KEY)))
                        .verify(ID, TIMESTAMP, others + decoy + " " + SIGNATURE, BODY))
                .isEqualTo(SignatureCheck.AUTHENTIC);
    }

    @Test
    void publicKeysAloneRefuseV1Signatures() {
        assertThat(publicKeysAtVectorTime(PUBLIC_KEY).verify(ID, TIMESTAMP, SIGNATURE + " " + V1A_SIGNATURE, BODY))
                .isEqualTo(SignatureCheck.AUTHENTIC);
        assertThat(publicKeysAtVectorTime(PUBLIC_KEY).verify(ID, TIMESTAMP, SIGNATURE, BODY))
                .isEqualTo(SignatureCheck.NO_MATCHING_SIGNATURE);
    }

    /** Random senders, ids and bodies: what is signed verifies, and any one flipped bit in the body does not. */
    @Test
    @ExtendWith(SeededRandom.class)
    void randomAsymmetricallySignedRequestsVerifyAndAnyFlippedBitFails(Random random) {
        for (int i = 0; i < 40; i++) {
            SenderSecretKey sender = SenderSecretKey.generate();
            String id = "msg_" + Long.toHexString(random.nextLong());
            long timestamp = 1_600_000_000L + random.nextInt(100_000_000);
            byte[] body = new byte[1 + random.nextInt(2048)];
            random.nextBytes(body);
            SignatureVerifier verifier = verifierAt(
                    timestamp + random.nextInt(601) - 300,
                    new VerificationKeys(List.of(OTHER), List.of(PUBLIC_KEY, sender.publicKey())));
            String header = sender.sign(id, timestamp, body);

            assertThat(verifier.verify(id, Long.toString(timestamp), header, body))
                    .as("request %d", i)
                    .isEqualTo(SignatureCheck.AUTHENTIC);
            byte[] flipped = body.clone();
            int bit = random.nextInt(body.length * 8);
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThat(verifier.verify(id, Long.toString(timestamp), header, flipped))
                    .as("request %d with bit %d flipped", i, bit)
                    .isEqualTo(SignatureCheck.NO_MATCHING_SIGNATURE);
        }
    }

    /** Random 64 bytes as a signature: most are not even well formed, and none may make the verifier throw. */
    @Test
    @ExtendWith(SeededRandom.class)
    void randomAsymmetricSignaturesNeitherVerifyNorThrow(Random random) {
        SignatureVerifier verifier = publicKeysAtVectorTime(PUBLIC_KEY);
        for (int i = 0; i < 200; i++) {
            byte[] signature = new byte[64];
            random.nextBytes(signature);
            String entry = "v1a," + Base64.getEncoder().encodeToString(signature);

            assertThat(verifier.verify(ID, TIMESTAMP, entry, BODY))
                    .as("%s", HexFormat.of().formatHex(signature))
                    .isEqualTo(SignatureCheck.NO_MATCHING_SIGNATURE);
        }
    }
}
