package com.webhookbuffer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.webhookbuffer.application.ingest.IngestSettings;
import com.webhookbuffer.application.ingest.WebhookSignature;
import com.webhookbuffer.domain.processing.BatchReport;
import com.webhookbuffer.domain.processing.MessageResult;
import com.webhookbuffer.domain.processing.ProcessingOutcome;
import com.webhookbuffer.domain.testing.HostileRequests;
import com.webhookbuffer.domain.testing.SenderSecretKey;
import com.webhookbuffer.domain.webhook.AcceptOutcome;
import com.webhookbuffer.domain.webhook.CorrelationId;
import com.webhookbuffer.domain.webhook.IncomingWebhook;
import com.webhookbuffer.domain.webhook.VerificationKeys;
import com.webhookbuffer.domain.webhook.Violation;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Thousands of generated requests (see {@link HostileRequests}) through the inbox and, for those it accepts, the
 * worker, all on in-memory adapters: no request makes the inbox throw, nothing is queued unless it is accepted, a
 * refusal never lists more than {@link Violation#MAX_REPORTED} violations, and everything accepted is written (never
 * poison: the door accepts only what the store can keep). Every fourth request is signed {@code v1a} with a
 * sender's secret key whose public key the door holds beside its secret, the rest {@code v1}.
 * {@code -Dfuzz.cases=100000} runs more; {@code -Dfuzz.seed=N} replays a run.
 */
class GeneratedRequestsTest {

    private enum Kind {
        ACCEPTED,
        INVALID,
        UNAUTHENTICATED,
        TOO_LARGE,
        MEDIA_TYPE,
        UNKNOWN_SOURCE,
        UNAVAILABLE,
        NOTHING_TO_QUEUE
    }

    @Test
    void noGeneratedRequestMakesTheInboxFailOrQueuesWhatItRefusesOrAcceptsWhatTheStoreRefuses() {
        long seed = HostileRequests.seed();
        int cases = HostileRequests.cases(4_000);
        System.out.printf("GeneratedRequestsTest: %d cases, -Dfuzz.seed=%d%n", cases, seed);
        SenderSecretKey sender = SenderSecretKey.generate();
        Hexagon hexagon = new Hexagon(
                IngestSettings.withKeys(new VerificationKeys(List.of(Hexagon.SECRET), List.of(sender.publicKey()))),
                new Random(1));
        long now = hexagon.clock.instant().getEpochSecond();
        Set<String> signedAsymmetrically = new HashSet<>();
        int[] signatures = {0};
        HostileRequests requests = new HostileRequests(
                seed,
                (id, timestamp, body) -> {
                    // Ed25519 costs about a millisecond each way here: a quarter of the cases mixes the schemes well
                    // enough.
                    if (signatures[0]++ % 4 == 0) {
                        signedAsymmetrically.add(id);
                        return sender.sign(id, timestamp, body);
                    }
                    return WebhookSignature.sign(Hexagon.SECRET, id, Long.parseLong(timestamp), body);
                },
                now);
        Map<Kind, Integer> seen = new EnumMap<>(Kind.class);
        int acceptedAsymmetric = 0;

        for (int n = 0; n < cases; n++) {
            HostileRequests.Request request = requests.next(n);
            long queuedBefore = hexagon.queue.depth().visible();
            AcceptOutcome outcome;
            try {
                outcome = hexagon.inbox.accept(new IncomingWebhook(
                        request.contentType(),
                        request.webhookId(),
                        request.timestamp(),
                        request.signature(),
                        request.body(),
                        CorrelationId.of("req-" + n)));
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + seed + ", " + request + ": the inbox threw " + e, e);
            }
            long queued = hexagon.queue.depth().visible() - queuedBefore;
            seen.merge(kindOf(outcome), 1, Integer::sum);
            assertThat(queued)
                    .as("seed %d, %s: queued by %s", seed, request, outcome)
                    .isEqualTo(outcome instanceof AcceptOutcome.Accepted ? 1 : 0);
            if (outcome instanceof AcceptOutcome.InvalidPayload invalid) {
                assertThat(invalid.violations())
                        .as("seed %d, %s", seed, request)
                        .hasSizeLessThanOrEqualTo(Violation.MAX_REPORTED);
            }
            if (outcome instanceof AcceptOutcome.Accepted) {
                if (signedAsymmetrically.contains(request.webhookId())) {
                    acceptedAsymmetric++;
                }
                for (BatchReport report : hexagon.pollUntilNothingVisible()) {
                    for (MessageResult result : report.results()) {
                        assertThat(result.outcome())
                                .as("seed %d, %s: accepted, then", seed, request)
                                .isInstanceOfAny(
                                        ProcessingOutcome.Written.class,
                                        ProcessingOutcome.Stale.class,
                                        ProcessingOutcome.Duplicate.class);
                    }
                }
            }
        }
        System.out.println(
                "GeneratedRequestsTest: outcomes " + seen + ", " + acceptedAsymmetric + " of the accepted signed v1a");
        // The generator must reach every door, or the test proves less than it says.
        assertThat(seen.keySet()).contains(Kind.ACCEPTED, Kind.INVALID, Kind.UNAUTHENTICATED, Kind.MEDIA_TYPE);
        assertThat(acceptedAsymmetric)
                .as("accepted requests signed v1a")
                .isPositive()
                .isLessThan(seen.get(Kind.ACCEPTED));
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
            case AcceptOutcome.NothingToQueue n -> Kind.NOTHING_TO_QUEUE;
        };
    }
}
