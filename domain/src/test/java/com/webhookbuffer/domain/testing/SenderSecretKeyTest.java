package com.webhookbuffer.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The test signer is itself held to Svix's published asymmetric vector, so the tests built on it mean something. */
class SenderSecretKeyTest {

    @Test
    void signsSvixsPublishedVector() {
        SenderSecretKey key = SenderSecretKey.parse(
                "whsk_6Xb/dCcHpPea21PS1N9VY/NZW723CEc77N4rJCubMbfVKIDij2HKpMKkioLlX0dRqSKJp4AJ6p9lMicMFs6Kvg==");

        assertThat(key.publicKey().encoded()).isEqualTo("whpk_1SiA4o9hyqTCpIqC5V9HUakiiaeACeqfZTInDBbOir4=");
        assertThat(key.sign(
                        "msg_p5jXN8AQM9LWM0D4loKWxJek",
                        1614265330,
                        "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("v1a,hnO3f9T8Ytu9HwrXslvumlUpqtNVqkhqw/enGzPCXe5BdqzCInXqYXFymVJaA7AZdpXwVLPo3mNl8EM+m7TBAg"
                        + "==");
    }

    @Test
    void aGeneratedKeyWritesItselfInTheFormItParses() {
        SenderSecretKey key = SenderSecretKey.generate();

        assertThat(SenderSecretKey.parse(key.encoded()).publicKey()).isEqualTo(key.publicKey());
    }

    @Test
    void refusesASecretKeyWhosePublicHalfIsAnothers() {
        SenderSecretKey one = SenderSecretKey.generate();
        SenderSecretKey other = SenderSecretKey.generate();
        byte[] both = Base64.getDecoder().decode(one.encoded().substring(5));
        System.arraycopy(other.publicKey().key(), 0, both, 32, 32);
        String mixed = "whsk_" + Base64.getEncoder().encodeToString(both);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> SenderSecretKey.parse(mixed))
                .withMessage("the public half of the secret key is not the seed's");
    }
}
