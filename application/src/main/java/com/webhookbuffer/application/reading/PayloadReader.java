package com.webhookbuffer.application.reading;

import com.webhookbuffer.application.payload.IsoTimestamp;
import com.webhookbuffer.application.payload.LineItemPayload;
import com.webhookbuffer.application.payload.OrderPayload;
import com.webhookbuffer.application.payload.PayloadValidation;
import com.webhookbuffer.application.payload.WebhookPayload;
import com.webhookbuffer.application.port.out.ParsedPayload;
import com.webhookbuffer.application.port.out.PayloadParser;
import com.webhookbuffer.application.port.out.PayloadTranslator;
import com.webhookbuffer.application.port.out.Translation;
import com.webhookbuffer.domain.order.Adjustments;
import com.webhookbuffer.domain.order.CustomerId;
import com.webhookbuffer.domain.order.EventType;
import com.webhookbuffer.domain.order.LineItem;
import com.webhookbuffer.domain.order.Money;
import com.webhookbuffer.domain.order.Order;
import com.webhookbuffer.domain.order.OrderId;
import com.webhookbuffer.domain.order.OrderStatus;
import com.webhookbuffer.domain.order.OrderUpdate;
import com.webhookbuffer.domain.order.OrderVersion;
import com.webhookbuffer.domain.order.Sku;
import com.webhookbuffer.domain.webhook.Violation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * Reads a webhook body into the domain: strict UTF-8, then JSON ({@link PayloadParser}), then every rule (Jakarta
 * Validation), then the domain's own constructors. The rules are the domain's, stated once in it and only named
 * here, so a body that passes them is one the constructors take: if one refused it, that would be a bug, not the
 * sender's fault. The inbox and the worker both read through here, so a body is judged by one set of rules on both
 * sides of the queue.
 */
public final class PayloadReader {

    private final PayloadParser parser;
    private final Validator validator;

    public PayloadReader(PayloadParser parser, Validator validator) {
        this.parser = Objects.requireNonNull(parser, "parser must not be null");
        this.validator = Objects.requireNonNull(validator, "validator must not be null");
    }

    public PayloadReading read(byte[] body) {
        return read(body, PayloadTranslator.AS_SENT, "");
    }

    /**
     * Reads a platform's body: strict UTF-8, then its {@code translator} into the contract, then as {@link
     * #read(String)} does. A body that is not text is refused before the translator sees it.
     *
     * @param topic what the delivery is about, as its protocol read it
     */
    public PayloadReading read(byte[] body, PayloadTranslator translator, String topic) {
        String json;
        try {
            // Strict: a body with broken UTF-8 would not survive the queue byte for byte, so it is refused here.
            json = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            return invalid(new Violation("body", "must be UTF-8 encoded JSON"));
        }
        // SQS refuses these two noncharacters in a message body; refused here, the sender hears 400, not an
        // endless 503 for a message the queue could never take.
        if (json.indexOf('\uFFFE') >= 0 || json.indexOf('\uFFFF') >= 0) {
            return invalid(new Violation("body", "must not contain U+FFFE or U+FFFF"));
        }
        return switch (translator.translate(topic, json)) {
            case Translation.Untranslatable untranslatable -> new PayloadReading.Invalid(untranslatable.violations());
            case Translation.Translated translated -> read(translated.json());
        };
    }

    public PayloadReading read(String json) {
        return switch (parser.parse(json)) {
            case ParsedPayload.Malformed malformed -> invalid(malformed.violation());
            case ParsedPayload.Parsed parsed -> validate(parsed.payload(), json);
        };
    }

    private PayloadReading validate(WebhookPayload payload, String json) {
        List<Violation> found = new ArrayList<>(PayloadValidation.check(validator, payload));
        boolean itemsLeftUnchecked = validateItems(payload, found);
        if (!found.isEmpty()) {
            boolean stoppedEarly = itemsLeftUnchecked || found.size() > Violation.MAX_REPORTED;
            return new PayloadReading.Invalid(
                    found.stream().sorted().limit(Violation.MAX_REPORTED).toList(), stoppedEarly);
        }
        return new PayloadReading.Valid(toDomain(payload), json);
    }

    /**
     * The line items, one at a time and only when their number is within the rule, until {@link
     * Violation#MAX_REPORTED} violations are found in all: a body of hundreds of broken items costs no more to
     * judge, or to answer, than one of twenty. Returns whether items were left unchecked.
     */
    private boolean validateItems(WebhookPayload payload, List<Violation> found) {
        List<LineItemPayload> items =
                payload.data() == null ? null : payload.data().items();
        if (items == null || items.size() > Order.MAX_ITEMS) {
            return false;
        }
        int i = 0;
        for (; i < items.size() && found.size() < Violation.MAX_REPORTED; i++) {
            String field = "data.items[" + i + "]";
            LineItemPayload item = items.get(i);
            if (item == null) {
                found.add(new Violation(field, "must not be null"));
                continue;
            }
            for (Violation violation : PayloadValidation.check(validator, item)) {
                found.add(new Violation(field + "." + violation.field(), violation.message()));
            }
        }
        return i < items.size();
    }

    private static OrderUpdate toDomain(WebhookPayload payload) {
        OrderPayload data = payload.data();
        Currency currency = Money.currency(data.currency());
        List<LineItem> items = data.items().stream()
                .map(item -> new LineItem(
                        Sku.of(item.sku()), item.quantity(), new Money(new BigDecimal(item.unitPrice()), currency)))
                .toList();
        Order order = new Order(
                OrderId.of(data.orderId()),
                OrderVersion.of(data.version()),
                CustomerId.of(data.customerId()),
                OrderStatus.fromWireName(data.status()).orElseThrow(),
                currency,
                items,
                new Adjustments(
                        amount(data.discounts(), currency),
                        amount(data.shipping(), currency),
                        amount(data.fees(), currency),
                        amount(data.tax(), currency),
                        Boolean.TRUE.equals(data.taxIncluded())),
                new Money(new BigDecimal(data.total()), currency),
                IsoTimestamp.Validator.parse(payload.timestamp()));
        return new OrderUpdate(EventType.fromWireName(payload.type()).orElseThrow(), order);
    }

    /** An optional amount: absent is zero. */
    private static Money amount(String text, Currency currency) {
        return text == null ? Money.zero(currency) : new Money(new BigDecimal(text), currency);
    }

    private static PayloadReading invalid(Violation violation) {
        return new PayloadReading.Invalid(List.of(violation));
    }
}
