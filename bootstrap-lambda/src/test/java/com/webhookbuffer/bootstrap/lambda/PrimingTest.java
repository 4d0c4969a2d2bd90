package com.webhookbuffer.bootstrap.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Priming must run the real paths to their end: a v1a signature that fails would warm only part of Ed25519. */
class PrimingTest {

    @Test
    void theAsymmetricPathVerifiesEveryRound() {
        assertThat(Priming.asymmetricPath(3)).isEqualTo(3);
    }
}
