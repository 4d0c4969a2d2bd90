package com.webhookbuffer.adapter.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.webhookbuffer.application.payload.PayloadValidation;
import com.webhookbuffer.application.reading.PayloadReader;
import com.webhookbuffer.application.reading.PayloadReading;
import com.webhookbuffer.domain.order.EventType;
import com.webhookbuffer.domain.order.Money;
import com.webhookbuffer.domain.order.OrderStatus;
import com.webhookbuffer.domain.testing.SampleWebhooks;
import com.webhookbuffer.domain.testing.SampleWebhooks.Raw;
import com.webhookbuffer.domain.webhook.Violation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every rule of the payload contract, each broken once through real JSON, the real validator and the domain:
 * the violation names the field and says what is wrong.
 */
class PayloadRulesTest {

    private static final PayloadReader READER =
            new PayloadReader(new JacksonPayloadParser(), PayloadValidation.newValidator());

    private static PayloadReading read(SampleWebhooks body) {
        return READER.read(body.bytes());
    }

    private static List<Violation> violations(SampleWebhooks body) {
        PayloadReading reading = read(body);
        assertThat(reading).isInstanceOf(PayloadReading.Invalid.class);
        return ((PayloadReading.Invalid) reading).violations();
    }

    private static SampleWebhooks sample() {
        return SampleWebhooks.order("ord_1001", 1);
    }

    @Test
    void theContractsSampleIsValidAndBecomesAnOrderUpdate() {
        PayloadReading reading = read(sample());

        assertThat(reading).isInstanceOf(PayloadReading.Valid.class);
        var update = ((PayloadReading.Valid) reading).update();
        assertThat(update.type()).isEqualTo(EventType.ORDER_CREATED);
        assertThat(update.order().id().value()).isEqualTo("ord_1001");
        assertThat(update.order().status()).isEqualTo(OrderStatus.PLACED);
        assertThat(update.order().total()).isEqualTo(Money.of("39.98", "EUR"));
        assertThat(update.order().items()).singleElement().satisfies(item -> {
            assertThat(item.sku().value()).isEqualTo("SKU-1");
            assertThat(item.quantity()).isEqualTo(2);
        });
        assertThat(((PayloadReading.Valid) reading).json()).isEqualTo(sample().json());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "type",
                "timestamp",
                "data",
                "data.orderId",
                "data.version",
                "data.customerId",
                "data.status",
                "data.currency",
                "data.items",
                "data.total",
                "data.items[0].sku",
                "data.items[0].quantity",
                "data.items[0].unitPrice"
            })
    void everyFieldIsRequired(String field) {
        assertThat(violations(sample().without(field))).contains(new Violation(field, "is required"));
        assertThat(violations(sample().with(field, null))).contains(new Violation(field, "is required"));
    }

    @Test
    void typeIsOneOfTheThreeOrderEvents() {
        assertThat(violations(sample().with("type", "order.deleted")))
                .containsExactly(
                        new Violation("type", "must be one of: order.created, order.updated, order.cancelled"));
    }

    @Test
    void statusIsOneOfTheFiveStatuses() {
        assertThat(violations(sample().with("data.status", "PLACED")))
                .containsExactly(
                        new Violation("data.status", "must be one of: placed, paid, shipped, refunded, cancelled"));
        assertThat(read(sample().with("data.status", "refunded"))).isInstanceOf(PayloadReading.Valid.class);
    }

    @Test
    void cancelledEventAndCancelledStatusGoTogether() {
        assertThat(violations(sample().with("type", "order.cancelled")))
                .containsExactly(new Violation("data.status", "must be cancelled when type is order.cancelled"));
        assertThat(violations(sample().with("data.status", "cancelled")))
                .containsExactly(new Violation("data.status", "may be cancelled only when type is order.cancelled"));
        assertThat(read(sample().with("type", "order.cancelled").with("data.status", "cancelled")))
                .isInstanceOf(PayloadReading.Valid.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "ord 1",
                "ord/1",
                "\u00f6rd",
                "ord_1'; DROP TABLE orders; --",
                "x12345678901234567890123456789012345678901234567890123456789012345"
            })
    void identifiersAreOneToSixtyFourSafeCharacters(String id) {
        String rule = "must be 1-64 characters of [A-Za-z0-9_-]";
        assertThat(violations(sample().with("data.orderId", id))).containsExactly(new Violation("data.orderId", rule));
        assertThat(violations(sample().with("data.customerId", id)))
                .containsExactly(new Violation("data.customerId", rule));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "tab\tin",
                "line\nbreak",
                "nul\u0000",
                "x123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"
                    + "01234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567"
                    + "890123456789012345678901234567890123456789012345678901234567"
            })
    void skusAreOneToTwoHundredFiftyFiveCharactersWithoutControls(String sku) {
        assertThat(violations(sample().with("data.items[0].sku", sku)))
                .containsExactly(new Violation(
                        "data.items[0].sku", "must be 1-255 characters, none of them a control character"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"IPOD 2008 PINK", "course-v1:org+course+run1", "\u00f6rd/1", "variant:808950810"})
    void skusAreFreeText(String sku) {
        assertThat(read(sample().with("data.items[0].sku", sku))).isInstanceOf(PayloadReading.Valid.class);
    }

    @Test
    void versionIsAtLeastOne() {
        assertThat(violations(sample().with("data.version", 0)))
                .containsExactly(new Violation("data.version", "must be >= 1"));
        assertThat(read(sample().with("data.version", Long.MAX_VALUE))).isInstanceOf(PayloadReading.Valid.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"eur", "EURO", "ABC", "XAU", ""})
    void currencyIsAnIso4217CodeWithAMinorUnit(String currency) {
        assertThat(violations(sample().with("data.currency", currency)))
                .containsExactly(new Violation(
                        "data.currency", "must be an ISO 4217 currency code with a minor unit, e.g. EUR"));
    }

    @Test
    void anOrderHoldsOneToFiveHundredItems() {
        assertThat(violations(sample().with("data.items", List.of())))
                .containsExactly(new Violation("data.items", "must hold 1-500 line items"));

        SampleWebhooks most = sample().with("data.items", new ArrayList<>());
        for (int i = 0; i < 500; i++) {
            most.withItem("SKU-" + i, 1, "1.00");
        }
        assertThat(read(most.with("data.total", "500.00"))).isInstanceOf(PayloadReading.Valid.class);
        assertThat(violations(most.withItem("SKU-500", 1, "1.00").with("data.total", "501.00")))
                .containsExactly(new Violation("data.items", "must hold 1-500 line items"));
    }

    @Test
    void aNullItemIsNamed() {
        assertThat(violations(sample().with("data.items[0]", null)))
                .contains(new Violation("data.items[0]", "must not be null"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 10_001})
    void quantityIsOneToTenThousand(int quantity) {
        assertThat(violations(sample().with("data.items[0].quantity", quantity)))
                .contains(new Violation("data.items[0].quantity", "must be 1-10000"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1.00", "+1.00", "1e3", "1,00", " 1.00", "1.", ".5", "", "abc", "1000000000000000"})
    void pricesAreDecimalStringsAtLeastZero(String price) {
        assertThat(violations(sample().with("data.items[0].unitPrice", price)))
                .contains(new Violation(
                        "data.items[0].unitPrice", "must be a decimal string >= 0 and < 10^15, e.g. \"19.99\""));
    }

    @ParameterizedTest
    @CsvSource({"EUR,19.999,2", "JPY,19.5,0", "KWD,1.2345,3"})
    void pricesHaveAtMostTheCurrencysMinorUnitDigits(String currency, String price, int digits) {
        List<Violation> found = violations(sample().with("data.currency", currency)
                .with("data.items[0].unitPrice", price)
                .with("data.total", price));

        String rule = "must have at most " + digits + " fraction digits for " + currency;
        assertThat(found)
                .containsExactly(new Violation("data.items[0].unitPrice", rule), new Violation("data.total", rule));
    }

    @Test
    void trailingZerosDoNotCountAsDigits() {
        assertThat(read(sample().with("data.items[0].unitPrice", "19.9900").with("data.total", "39.980")))
                .isInstanceOf(PayloadReading.Valid.class);
    }

    @Test
    void totalEqualsTheSumOfQuantityTimesUnitPriceExactly() {
        assertThat(violations(sample().with("data.total", "39.97")))
                .containsExactly(new Violation(
                        "data.total",
                        "must equal the sum of quantity x unitPrice - discounts + shipping + fees + tax (unless"
                                + " taxIncluded) (39.98)"));
        SampleWebhooks two = sample().withItem("SKU-2", 3, "0.10").with("data.total", "40.28");
        assertThat(read(two)).isInstanceOf(PayloadReading.Valid.class);
    }

    @Test
    void discountsShippingFeesAndTaxAreOptionalAndCountTowardsTheTotal() {
        // SampleWebhooks changes in place: each case starts from a fresh one.
        Supplier<SampleWebhooks> shop = () -> sample().with("data.discounts", "20.00")
                .with("data.shipping", "10.00")
                .with("data.fees", "1.50")
                .with("data.tax", "6.00");
        assertThat(read(shop.get().with("data.total", "37.48"))).isInstanceOf(PayloadReading.Valid.class);
        assertThat(read(shop.get().with("data.taxIncluded", true).with("data.total", "31.48")))
                .isInstanceOf(PayloadReading.Valid.class);
        assertThat(violations(shop.get().with("data.total", "39.98")))
                .containsExactly(new Violation(
                        "data.total",
                        "must equal the sum of quantity x unitPrice - discounts + shipping + fees + tax (unless"
                                + " taxIncluded) (37.48)"));
        assertThat(violations(sample().with("data.shipping", "1.001").with("data.tax", "-1")))
                .extracting(Violation::field)
                .containsExactlyInAnyOrder("data.shipping", "data.tax");
        assertThat(violations(sample().with("data.taxIncluded", "yes")))
                .extracting(Violation::field)
                .containsExactly("data.taxIncluded");
        PayloadReading.Valid valid = (PayloadReading.Valid) read(shop.get().with("data.total", "37.48"));
        assertThat(valid.update().order().adjustments().shipping().amount()).isEqualByComparingTo("10.00");
        assertThat(valid.update().order().subtotal().amount()).isEqualByComparingTo("39.98");
    }

    private static final Violation BAD_TIMESTAMP = new Violation(
            "timestamp",
            "must be an RFC 3339 date-time with offset within the years 0001-9999 (UTC), e.g. 2026-11-26T14:00:00Z");

    @Test
    void timestampIsAnRfc3339DateTime() {
        assertThat(violations(sample().with("timestamp", "26/11/2026 14:00"))).containsExactly(BAD_TIMESTAMP);
        assertThat(read(sample().with("timestamp", "2026-11-26T15:00:00.250+01:00")))
                .isInstanceOf(PayloadReading.Valid.class);
        assertThat(read(sample().with("timestamp", "2026-11-26t15:00:00z"))).isInstanceOf(PayloadReading.Valid.class);
        // What OffsetDateTime also reads but RFC 3339 does not write: no seconds, a signed or longer year.
        assertThat(violations(sample().with("timestamp", "2026-11-26T14:00Z"))).containsExactly(BAD_TIMESTAMP);
        assertThat(violations(sample().with("timestamp", "+2026-11-26T14:00:00Z")))
                .containsExactly(BAD_TIMESTAMP);
        assertThat(violations(sample().with("timestamp", "2026-11-26T14:00:00.1234567890Z")))
                .containsExactly(BAD_TIMESTAMP);
    }

    @Test
    void timestampLiesWithinTheYearsTheStoreKeeps() {
        assertThat(read(sample().with("timestamp", "0001-01-01T00:00:00Z"))).isInstanceOf(PayloadReading.Valid.class);
        assertThat(read(sample().with("timestamp", "9999-12-31T23:59:59.999999999Z")))
                .isInstanceOf(PayloadReading.Valid.class);
        for (String outside : List.of(
                "0000-01-01T00:00:00Z",
                "+10000-01-01T00:00:00Z",
                "0001-01-01T00:00:00+00:01",
                "9999-12-31T23:59:59-00:01",
                "-0001-01-01T00:00:00Z")) {
            assertThat(violations(sample().with("timestamp", outside)))
                    .as(outside)
                    .containsExactly(BAD_TIMESTAMP);
        }
    }

    @Test
    void aBodyOfThousandsOfBrokenItemsIsJudgedByItsCountAlone() {
        SampleWebhooks nulls = sample().with(
                        "data.items",
                        new SampleWebhooks.Raw(
                                "[" + String.join(",", java.util.Collections.nCopies(10_000, "null")) + "]"));
        PayloadReading reading = read(nulls);
        assertThat(reading)
                .isEqualTo(
                        new PayloadReading.Invalid(List.of(new Violation("data.items", "must hold 1-500 line items"))));
    }

    @Test
    void exactlyTwentyViolationsAreAllListedWithoutStoppingEarlyAndTwentyOneStop() {
        SampleWebhooks twenty = sample().with("data.version", 0);
        for (int i = 1; i <= 19; i++) {
            twenty.withItem("SKU-" + i, 0, "1.00");
        }
        PayloadReading.Invalid all = (PayloadReading.Invalid) read(twenty);
        assertThat(all.violations()).hasSize(20);
        assertThat(all.stoppedEarly()).isFalse();
        assertThat(all.summary()).doesNotContain("checking stopped");

        PayloadReading.Invalid stopped = (PayloadReading.Invalid) read(twenty.withItem("SKU-20", 0, "1.00"));
        assertThat(stopped.violations()).hasSize(20);
        assertThat(stopped.stoppedEarly()).isTrue();
        assertThat(stopped.summary()).endsWith("; (checking stopped at 20)");
        // The twenty found first are the ones listed: the last item was never checked.
        assertThat(stopped.violations())
                .contains(new Violation("data.version", "must be >= 1"))
                .extracting(Violation::field)
                .doesNotContain("data.items[20].quantity");
    }

    @Test
    void moreThanTwentyFoundInTheLastItemCheckedStillSayCheckingStopped() {
        SampleWebhooks body = sample().with("data.version", 0);
        for (int i = 1; i <= 18; i++) {
            body.withItem("SKU-" + i, 0, "1.00");
        }
        body.withItem("", 0, "x");
        PayloadReading.Invalid invalid = (PayloadReading.Invalid) read(body);
        assertThat(invalid.violations()).hasSize(20);
        assertThat(invalid.stoppedEarly()).as("22 found, 20 listed").isTrue();
    }

    @Test
    void theFiveHundredthItemsFractionIsCheckedAgainstTheCurrency() {
        SampleWebhooks five = sample();
        for (int i = 1; i < 499; i++) {
            five.withItem("SKU-" + i, 1, "0.00");
        }
        five.withItem("SKU-last", 1, "0.001");
        assertThat(violations(five))
                .contains(new Violation("data.items[499].unitPrice", "must have at most 2 fraction digits for EUR"));
    }

    @Test
    void fiveHundredItemsAreEachCheckedButFiveHundredAndOneAreJudgedByTheirCount() {
        SampleWebhooks five = sample();
        for (int i = 1; i < 499; i++) {
            five.withItem("SKU-" + i, 1, "0.00");
        }
        five.withItem("SKU-last", 0, "0.00");
        assertThat(violations(five)).containsExactly(new Violation("data.items[499].quantity", "must be 1-10000"));

        SampleWebhooks tooMany = sample();
        for (int i = 1; i <= 500; i++) {
            tooMany.withItem("SKU-" + i, 0, "1.001");
        }
        assertThat(read(tooMany))
                .isEqualTo(
                        new PayloadReading.Invalid(List.of(new Violation("data.items", "must hold 1-500 line items"))));
    }

    @Test
    void aDateThatDoesNotExistIsNotATimestamp() {
        assertThat(violations(sample().with("timestamp", "2026-02-30T00:00:00Z")))
                .containsExactly(BAD_TIMESTAMP);
        assertThat(violations(sample().with("timestamp", "2026-11-26T24:00:00Z")))
                .containsExactly(BAD_TIMESTAMP);
    }

    @Test
    void checkingStopsOnceTwentyViolationsAreFound() {
        SampleWebhooks broken = sample();
        for (int i = 1; i < 500; i++) {
            broken.withItem("", 0, "x");
        }
        PayloadReading.Invalid invalid = (PayloadReading.Invalid) read(broken);
        assertThat(invalid.violations()).hasSize(Violation.MAX_REPORTED);
        assertThat(invalid.stoppedEarly()).isTrue();
        assertThat(invalid.violations()).contains(new Violation("data.items[1].quantity", "must be 1-10000"));

        // Prices too precise for the currency are judged together (the total depends on all of them): their
        // violations stop at one more than are answered too, so 499 of them cost what 21 do.
        SampleWebhooks precise = sample();
        for (int i = 1; i < 500; i++) {
            precise.withItem("SKU-" + i, 1, "0.000000000000000001");
        }
        PayloadReading.Invalid tooPrecise = (PayloadReading.Invalid) read(precise);
        assertThat(tooPrecise.violations())
                .hasSize(Violation.MAX_REPORTED)
                .allSatisfy(v -> assertThat(v.message()).isEqualTo("must have at most 2 fraction digits for EUR"));
        assertThat(tooPrecise.stoppedEarly()).isTrue();

        SampleWebhooks few = sample().withItem("", 1, "1.00").withItem("SKU-3", 0, "1.00");
        PayloadReading.Invalid some = (PayloadReading.Invalid) read(few);
        assertThat(some.stoppedEarly()).isFalse();
        assertThat(some.violations())
                .extracting(Violation::field)
                .contains("data.items[1].sku", "data.items[2].quantity");
    }

    @Test
    void everyViolatedFieldIsListedAtOnce() {
        List<Violation> found = violations(sample().with("type", "nope")
                .with("data.orderId", "")
                .with("data.version", 0)
                .with("data.items[0].quantity", 0)
                .without("data.currency"));

        assertThat(found)
                .extracting(Violation::field)
                .containsExactly("data.currency", "data.items[0].quantity", "data.orderId", "data.version", "type");
    }

    @Test
    void aBodyThatIsNotUtf8IsRefusedBeforeParsing() {
        byte[] latin1 = sample().with("data.customerId", "caf\u00e9").json().getBytes(StandardCharsets.ISO_8859_1);

        assertThat(READER.read(latin1))
                .isEqualTo(new PayloadReading.Invalid(List.of(new Violation("body", "must be UTF-8 encoded JSON"))));
    }

    @Test
    void noncharactersTheQueueCannotCarryAreRefused() {
        byte[] body = sample().with("extra", "a\uFFFFb").bytes();

        assertThat(READER.read(body))
                .isEqualTo(new PayloadReading.Invalid(
                        List.of(new Violation("body", "must not contain U+FFFE or U+FFFF"))));
        assertThat(READER.read(sample().with("extra", "caf\u00e9 \uD83D\uDE00").bytes()))
                .as("other Unicode, 4-byte characters included, is fine")
                .isInstanceOf(PayloadReading.Valid.class);
    }

    @Test
    void wrongJsonTypesAreReportedAsViolations() {
        assertThat(violations(sample().with("data.version", new Raw("\"1\""))))
                .containsExactly(new Violation("data.version", "has the wrong JSON type"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "type",
                "timestamp",
                "data",
                "data.status",
                "data.currency",
                "data.items",
                "data.total",
                "data.items[0].quantity",
                "data.items[0].unitPrice"
            })
    void aMissingFieldIsReportedOnceAsRequiredAndForNothingElse(String field) {
        assertThat(violations(sample().with(field, null))).containsExactly(new Violation(field, "is required"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\uFFFE", "\uFFFF"})
    void aNoncharacterIsRefusedEvenAsTheVeryFirstCharacter(String noncharacter) {
        byte[] body = (noncharacter + sample().json()).getBytes(StandardCharsets.UTF_8);

        assertThat(READER.read(body))
                .isEqualTo(new PayloadReading.Invalid(
                        List.of(new Violation("body", "must not contain U+FFFE or U+FFFF"))));
    }
}
