package com.webhookbuffer.benchmarks;

import com.webhookbuffer.adapter.json.JacksonPayloadParser;
import com.webhookbuffer.application.payload.LineItemPayload;
import com.webhookbuffer.application.payload.PayloadValidation;
import com.webhookbuffer.application.payload.WebhookPayload;
import com.webhookbuffer.application.port.out.ParsedPayload;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Two steps of the ingest handler, each alone, on {@link IngestBenchmark}'s body: Jackson binding it into the
 * contract's records, and Hibernate Validator judging those records by the payload rules as {@code PayloadReader}
 * asks it to (the body, then each line item). Printed beside the handler and its floor, they say how much of the
 * handler's time the two libraries the design chose take by themselves.
 */
@State(Scope.Thread)
public class PayloadPartsBenchmark {

    private final String json = new String(IngestBenchmark.BODY, StandardCharsets.UTF_8);
    private final JacksonPayloadParser parser = new JacksonPayloadParser();
    private final Validator validator = PayloadValidation.newValidator();
    private final WebhookPayload payload = ((ParsedPayload.Parsed) parser.parse(json)).payload();

    @Benchmark
    public ParsedPayload bindingAlone() {
        return parser.parse(json);
    }

    @Benchmark
    public int rulesAlone() {
        int found = PayloadValidation.check(validator, payload).size();
        for (LineItemPayload item : payload.data().items()) {
            found += PayloadValidation.check(validator, item).size();
        }
        if (found != 0) {
            throw new IllegalStateException("the benchmark's body broke " + found + " rules");
        }
        return found;
    }
}
