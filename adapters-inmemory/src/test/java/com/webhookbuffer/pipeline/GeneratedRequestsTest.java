package com.webhookbuffer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.webhookbuffer.application.ingest.WebhookSignature;
import com.webhookbuffer.domain.processing.BatchReport;
import com.webhookbuffer.domain.processing.MessageResult;
import com.webhookbuffer.domain.processing.ProcessingOutcome;
import com.webhookbuffer.domain.testing.HostileRequests;
import com.webhookbuffer.domain.webhook.AcceptOutcome;
import com.webhookbuffer.domain.webhook.CorrelationId;
import com.webhookbuffer.domain.webhook.IncomingWebhook;
import com.webhookbuffer.domain.webhook.Violation;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Thousands of generated requests (see {@link HostileRequests}) through the inbox and, for those it accepts, the
 * worker, all on in-memory adapters: no request makes the inbox throw, nothing is queued unless it is accepted, a
 * refusal never lists more than {@link Violation#MAX_REPORTED} violations, and everything accepted is written (never
 * poison: the door accepts only what the store can keep). {@code -Dfuzz.cases=100000} runs more; {@code
 * -Dfuzz.seed=N} replays a run.
 */
class GeneratedRequestsTest {

    private enum Kind { ACCEPTED, INVALID, UNAUTHENTICATED, TOO_LARGE, MEDIA_TYPE, UNKNOWN_SOURCE, UNAVAILABLE }

    @Test
    void noGeneratedRequestMakesTheInboxFailOrQueuesWhatItRefusesOrAcceptsWhatTheStoreRefuses() {
        long seed = HostileRequests.seed();
        int cases = HostileRequests.cases(4_000);
        System.out.printf("GeneratedRequestsTest: %d cases, -Dfuzz.seed=%d%n", cases, seed);
        Hexagon hexagon = new Hexagon();
        long now = hexagon.clock.instant().getEpochSecond();
        HostileRequests requests = new HostileRequests(seed, (id, timestamp, body) ->
                WebhookSignature.sign(Hexagon.SECRET, id, Long.parseLong(timestamp), body), now);
        Map<Kind, Integer> seen = new EnumMap<>(Kind.class);

        for (int n = 0; n < cases; n++) {
            HostileRequests.Request request = requests.next(n);
            long queuedBefore = hexagon.queue.depth().visible();
            AcceptOutcome outcome;
            try {
                outcome = hexagon.inbox.accept(new IncomingWebhook(request.contentType(), request.webhookId(),
                        request.timestamp(), request.signature(), request.body(), CorrelationId.of("req-" + n)));
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + seed + ", " + request + ": the inbox threw " + e, e);
            }
            long queued = hexagon.queue.depth().visible() - queuedBefore;
            seen.merge(kindOf(outcome), 1, Integer::sum);
            assertThat(queued).as("seed %d, %s: queued by %s", seed, request, outcome)
                    .isEqualTo(outcome instanceof AcceptOutcome.Accepted ? 1 : 0);
            if (outcome instanceof AcceptOutcome.InvalidPayload invalid) {
                assertThat(invalid.violations()).as("seed %d, %s", seed, request)
                        .hasSizeLessThanOrEqualTo(Violation.MAX_REPORTED);
            }
            if (outcome instanceof AcceptOutcome.Accepted) {
                for (BatchReport report : hexagon.pollUntilNothingVisible()) {
                    for (MessageResult result : report.results()) {
                        assertThat(result.outcome()).as("seed %d, %s: accepted, then", seed, request)
                                .isInstanceOfAny(ProcessingOutcome.Written.class, ProcessingOutcome.Stale.class,
                                        ProcessingOutcome.Duplicate.class);
                    }
                }
            }
        }
        System.out.println("GeneratedRequestsTest: outcomes " + seen);
        // The generator must reach every door, or the test proves less than it says.
        assertThat(seen.keySet()).contains(Kind.ACCEPTED, Kind.INVALID, Kind.UNAUTHENTICATED, Kind.MEDIA_TYPE);
    }

    private static Kind kindOf(AcceptOutcome outcome) {
        return switch (outcome) {
            case AcceptOutcome.Accepted a -> Kind.ACCEPTED;
            case AcceptOutcome.InvalidPayload i -> Kind.INVALID;
            case AcceptOutcome.Unauthenticated u -> Kind.UNAUTHENTICATED;
            case AcceptOutcome.PayloadTooLarge p -> Kind.TOO_LARGE;
            case AcceptOutcome.UnsupportedMediaType m -> Kind.MEDIA_TYPE;
            case AcceptOutcome.UnknownSource s -> Kind.UNKNOWN_SOURCE;
            case AcceptOutcome.QueueUnavailable q -> Kind.UNAVAILABLE;
        };
    }
}
