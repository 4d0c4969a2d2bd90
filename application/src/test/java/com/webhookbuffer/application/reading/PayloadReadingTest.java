package com.webhookbuffer.application.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.webhookbuffer.domain.webhook.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayloadReadingTest {

    @Test
    void anInvalidReadingHasAtLeastOneViolationAndSummarisesThemAll() {
        PayloadReading.Invalid invalid = new PayloadReading.Invalid(
                List.of(new Violation("data.total", "is required"), new Violation("type", "is required")));

        assertThat(invalid.summary()).isEqualTo("data.total: is required; type: is required");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PayloadReading.Invalid(List.of()))
                .withMessage("violations must not be empty");
    }
}
