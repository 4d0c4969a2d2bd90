package com.webhookbuffer.bootstrap.lambda.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.webhookbuffer.adapter.json.JacksonPayloadParser;
import com.webhookbuffer.application.payload.PayloadValidation;
import com.webhookbuffer.application.reading.PayloadReader;
import com.webhookbuffer.application.reading.PayloadReading;
import com.webhookbuffer.bootstrap.lambda.Priming;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Priming must run the real paths, so its sample must be a valid webhook: otherwise it warms the error path. */
class BatchPrimingTest {

    private static final PayloadReader READER =
            new PayloadReader(new JacksonPayloadParser(), PayloadValidation.newValidator());

    @Test
    void theSampleIsAValidWebhook() {
        assertThat(READER.read(Priming.SAMPLE.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PayloadReading.Valid.class);
    }

    @Test
    void theBatchPathWritesEveryPrimingWebhookInMemory() {
        assertThat(BatchPriming.run(READER, 5)).isEqualTo(5);
    }
}
