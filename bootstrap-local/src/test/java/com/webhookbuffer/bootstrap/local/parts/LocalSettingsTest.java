package com.webhookbuffer.bootstrap.local.parts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a batch may hold depends on the engine: an SQS receive returns at most 10, a transaction holds more. */
class LocalSettingsTest {

    @Test
    void theQueueOnPostgresqlTakesBatchesOfAHundredByDefaultAndUpToAThousand() {
        assertThat(LocalSettings.from(Map.of()).batchSize()).isEqualTo(100);
        assertThat(LocalSettings.from(Map.of("BATCH_SIZE", "1000")).batchSize()).isEqualTo(1000);
        assertThatIllegalStateException()
                .isThrownBy(() -> LocalSettings.from(Map.of("BATCH_SIZE", "1001")))
                .withMessage("BATCH_SIZE must be 1-1000, was: 1001");
    }

    @Test
    void theAwsRehearsalKeepsTheTenAnSqsReceiveAllows() {
        assertThat(LocalSettings.from(Map.of("CLOUD", "aws")).batchSize()).isEqualTo(10);
        assertThatIllegalStateException()
                .isThrownBy(() -> LocalSettings.from(Map.of("CLOUD", "aws", "BATCH_SIZE", "11")))
                .withMessage("BATCH_SIZE must be 1-10, was: 11");
    }
}
