package com.webhookbuffer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.webhookbuffer.application.ingest.AcceptWebhook;
import com.webhookbuffer.application.ingest.InboxBySource;
import com.webhookbuffer.application.ingest.IngestSettings;
import com.webhookbuffer.application.ingest.WebhookSignature;
import com.webhookbuffer.domain.order.OrderId;
import com.webhookbuffer.domain.port.in.WebhookInbox;
import com.webhookbuffer.domain.port.out.IngestMetrics;
import com.webhookbuffer.domain.queue.Delivery;
import com.webhookbuffer.domain.queue.Envelope;
import com.webhookbuffer.domain.testing.SampleWebhooks;
import com.webhookbuffer.domain.webhook.AcceptOutcome;
import com.webhookbuffer.domain.webhook.CorrelationId;
import com.webhookbuffer.domain.webhook.IncomingWebhook;
import com.webhookbuffer.domain.webhook.SourceName;
import com.webhookbuffer.domain.webhook.WebhookSecret;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Named sources through the in-memory hexagon: each request goes to its source's inbox with that source's keys, an
 * unconfigured source is refused before anything is looked at, and what two sources send with the same ids ends as
 * two orders.
 */
class SourcesTest {

    private static final SourceName PARTNER = SourceName.of("partner");
    private static final WebhookSecret PARTNER_SECRET =
            WebhookSecret.parse("whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

    private final Hexagon hexagon = new Hexagon();
    private final List<AcceptOutcome> refusedHere = new ArrayList<>();
    private final WebhookInbox door = new InboxBySource(
            Map.of(
                    SourceName.DEFAULT,
                    hexagon.inbox,
                    PARTNER,
                    new AcceptWebhook(
                            IngestSettings.withSecrets(List.of(PARTNER_SECRET)),
                            Hexagon.PAYLOAD_READER,
                            hexagon.queue,
                            hexagon.clock)),
            (outcome, latency) -> refusedHere.add(outcome));

    private IncomingWebhook signed(SourceName source, WebhookSecret secret, String webhookId, byte[] body) {
        long now = hexagon.clock.instant().getEpochSecond();
        return new IncomingWebhook(
                source,
                "application/json",
                webhookId,
                Long.toString(now),
                WebhookSignature.sign(secret, webhookId, now, body),
                body,
                CorrelationId.of("req-" + webhookId));
    }

    @Test
    void aSourceTakesOnlyWhatItsOwnKeysSignedAndQueuesItUnderItsName() {
        byte[] body = SampleWebhooks.order("ord_1", 1).bytes();

        assertThat(door.accept(signed(PARTNER, Hexagon.SECRET, "wh_1", body)))
                .as("the default source's secret is not the partner's")
                .isInstanceOf(AcceptOutcome.Unauthenticated.class);
        assertThat(door.accept(signed(PARTNER, PARTNER_SECRET, "wh_1", body)))
                .isInstanceOf(AcceptOutcome.Accepted.class);
        assertThat(door.accept(signed(SourceName.DEFAULT, PARTNER_SECRET, "wh_1", body)))
                .isInstanceOf(AcceptOutcome.Unauthenticated.class);

        List<Delivery> queued = hexagon.queue.receive(10);
        assertThat(queued)
                .singleElement()
                .satisfies(delivery ->
                        assertThat(delivery.envelope().attributes()).containsEntry(Envelope.SOURCE, "partner"));
    }

    @Test
    void aSourceNobodyConfiguredIsRefusedBeforeAnythingElseAndNothingIsQueued() {
        AcceptOutcome outcome = door.accept(signed(
                SourceName.of("stranger"),
                PARTNER_SECRET,
                "wh_1",
                SampleWebhooks.order("ord_1", 1).bytes()));

        assertThat(outcome).isInstanceOf(AcceptOutcome.UnknownSource.class);
        assertThat(refusedHere).containsExactly(outcome);
        assertThat(hexagon.queue.depth().visible()).isZero();
    }

    @Test
    void theSameIdsFromTwoSourcesEndAsTwoOrders() {
        byte[] fromPartner =
                SampleWebhooks.order("ord_1", 2).with("type", "order.updated").bytes();
        byte[] fromDefault = SampleWebhooks.order("ord_1", 1).bytes();

        assertThat(door.accept(signed(PARTNER, PARTNER_SECRET, "wh_1", fromPartner)))
                .isInstanceOf(AcceptOutcome.Accepted.class);
        assertThat(door.accept(signed(SourceName.DEFAULT, Hexagon.SECRET, "wh_1", fromDefault)))
                .isInstanceOf(AcceptOutcome.Accepted.class);
        hexagon.pollUntilNothingVisible();

        assertThat(hexagon.repository.find(PARTNER, OrderId.of("ord_1")))
                .hasValueSatisfying(order -> assertThat(order.version().value()).isEqualTo(2));
        assertThat(hexagon.repository.find(OrderId.of("ord_1")))
                .hasValueSatisfying(order -> assertThat(order.version().value()).isEqualTo(1));
    }

    @Test
    void theInboxOfPostWebhooksIsRequired() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new InboxBySource(Map.of(PARTNER, hexagon.inbox), IngestMetrics.NONE))
                .withMessageContaining("default source");
    }
}
