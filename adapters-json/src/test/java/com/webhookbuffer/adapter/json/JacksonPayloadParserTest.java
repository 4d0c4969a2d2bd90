package com.webhookbuffer.adapter.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.webhookbuffer.application.payload.LineItemPayload;
import com.webhookbuffer.application.payload.OrderPayload;
import com.webhookbuffer.application.payload.WebhookPayload;
import com.webhookbuffer.application.port.out.ParsedPayload;
import com.webhookbuffer.domain.testing.SampleWebhooks;
import com.webhookbuffer.domain.testing.SampleWebhooks.Raw;
import com.webhookbuffer.domain.webhook.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JacksonPayloadParserTest {

    private final JacksonPayloadParser parser = new JacksonPayloadParser();

    private Violation malformed(String json) {
        ParsedPayload parsed = parser.parse(json);
        assertThat(parsed).isInstanceOf(ParsedPayload.Malformed.class);
        return ((ParsedPayload.Malformed) parsed).violation();
    }

    @Test
    void readsTheContractsSampleIntoThePayloadRecords() {
        ParsedPayload parsed = parser.parse(SampleWebhooks.order("ord_1001", 1).json());

        assertThat(parsed)
                .isEqualTo(new ParsedPayload.Parsed(new WebhookPayload(
                        "order.created",
                        "2026-11-26T14:00:00Z",
                        new OrderPayload(
                                "ord_1001",
                                1L,
                                "cus_42",
                                "placed",
                                "EUR",
                                List.of(new LineItemPayload("SKU-1", 2, "19.99")),
                                "39.98"))));
    }

    @Test
    void unknownFieldsAreIgnored() {
        String json = SampleWebhooks.order("ord_1", 1)
                .with("extra", List.of(1, 2))
                .with("data.items[0].colour", "red")
                .json();

        assertThat(parser.parse(json)).isInstanceOf(ParsedPayload.Parsed.class);
    }

    @Test
    void missingFieldsAreLeftToValidation() {
        ParsedPayload parsed = parser.parse(
                SampleWebhooks.order("ord_1", 1).without("data.version").json());

        assertThat(((ParsedPayload.Parsed) parsed).payload().data().version()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not json", "{", "{\"type\":", "[1,2]", "\"text\"", "42", "null"})
    void refusesWhatIsNotAJsonObject(String body) {
        assertThat(malformed(body).field()).isEqualTo("body");
    }

    @Test
    void refusesDuplicateKeysSinceTheyCanMeanTwoThings() {
        String json =
                SampleWebhooks.order("ord_1", 1).json().replace("{\"type\"", "{\"type\":\"order.updated\",\"type\"");

        assertThat(malformed(json).message()).contains("Duplicate field 'type'");
    }

    @Test
    void refusesTrailingData() {
        assertThat(malformed(SampleWebhooks.order("ord_1", 1).json() + " {}").field())
                .isEqualTo("body");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "data.version|\"2\"",
                "data.version|1.5",
                "data.version|true",
                "data.version|{}",
                "data.items[0].quantity|\"2\"",
                "data.items[0].quantity|2.0",
                "data.items[0].unitPrice|19.99",
                "data.items[0].unitPrice|19",
                "data.total|39.98",
                "data.orderId|1001",
                "data.items|\"\"",
                "data.items|{}",
                "data|[]",
                "type|true"
            })
    void refusesValuesOfTheWrongJsonTypeNamingTheField(String field, String rawValue) {
        Violation violation = malformed(
                SampleWebhooks.order("ord_1", 1).with(field, new Raw(rawValue)).json());

        assertThat(violation).isEqualTo(new Violation(field, "has the wrong JSON type"));
    }

    @Test
    void versionBeyondALongIsRefused() {
        String json = SampleWebhooks.order("ord_1", 1)
                .with("data.version", new Raw("9223372036854775808"))
                .json();

        assertThat(malformed(json).field()).isEqualTo("data.version");
    }
}
