package com.webhookbuffer.bootstrap.local.command.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.webhookbuffer.bootstrap.local.command.load.LoadPlan.Delivery;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The mix {@code ./run-local load} sends: exact for each N, shuffled by the seed, in the order it promises. */
class LoadPlanTest {

    private static final Instant NOW = Instant.parse("2026-11-26T14:00:00Z");

    @Test
    void theMixIsATenthDuplicatesAndATenthOfTheOrdersInTwoVersionsHalfOfThemNewestFirst() {
        LoadPlan plan = LoadPlan.of(2000, "r1", 42, NOW);

        assertThat(plan.size()).isEqualTo(2000);
        assertThat(plan.duplicates()).isEqualTo(200);
        assertThat(plan.twoVersionOrders()).isEqualTo(163);
        assertThat(plan.orders()).isEqualTo(1637);
        assertThat(plan.newestFirst()).isEqualTo(81);
        assertThat(plan.deliveries().stream()
                        .map(Delivery::webhookId)
                        .distinct()
                        .count())
                .isEqualTo(1800);
        assertThat(plan.deliveries().stream().map(Delivery::orderId).distinct().count())
                .isEqualTo(1637);
        assertThat(plan.describe())
                .isEqualTo("1637 orders (163 of them in two versions, 81 of those sent newest "
                        + "first) and 200 duplicate deliveries (the same webhook id and body sent again)");
    }

    @Test
    void versionsComeInThePromisedOrderAndADuplicateRepeatsItsOriginalLater() {
        LoadPlan plan = LoadPlan.of(2000, "r1", 7, NOW);
        Map<String, Integer> firstSent = new HashMap<>();
        Map<String, List<Long>> versions = new HashMap<>();
        int newestFirst = 0;
        for (Delivery delivery : plan.deliveries()) {
            if (firstSent.putIfAbsent(delivery.webhookId(), 1) != null) {
                continue;
            }
            versions.computeIfAbsent(delivery.orderId(), id -> new ArrayList<>())
                    .add(delivery.version());
        }
        for (Map.Entry<String, List<Long>> order : versions.entrySet()) {
            if (order.getValue().size() == 2) {
                boolean even =
                        Integer.parseInt(order.getKey().substring(order.getKey().lastIndexOf('_') + 1)) % 2 == 0;
                assertThat(order.getValue()).as(order.getKey()).isEqualTo(even ? List.of(2L, 1L) : List.of(1L, 2L));
                newestFirst += even ? 1 : 0;
            } else {
                assertThat(order.getValue()).isEqualTo(List.of(1L));
            }
        }
        assertThat(newestFirst).isEqualTo(plan.newestFirst());

        // A duplicate is the very delivery again: same id, same body.
        Map<String, Delivery> byId = new HashMap<>();
        for (Delivery delivery : plan.deliveries()) {
            Delivery earlier = byId.putIfAbsent(delivery.webhookId(), delivery);
            if (earlier != null) {
                assertThat(new String(delivery.body(), StandardCharsets.UTF_8))
                        .isEqualTo(new String(earlier.body(), StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void theSeedDecidesTheOrderOfSending() {
        assertThat(LoadPlan.of(300, "r1", 1, NOW)).isEqualTo(LoadPlan.of(300, "r1", 1, NOW));
        assertThat(LoadPlan.of(300, "r1", 1, NOW).deliveries())
                .isNotEqualTo(LoadPlan.of(300, "r1", 2, NOW).deliveries());
    }

    @Test
    void aLaterVersionIsTheSameOrderPaidAMinuteLater() {
        LoadPlan plan = LoadPlan.of(100, "r1", 3, NOW);
        Delivery second = plan.deliveries().stream()
                .filter(d -> d.version() == 2)
                .findFirst()
                .orElseThrow();

        assertThat(new String(second.body(), StandardCharsets.UTF_8))
                .contains("\"type\":\"order.updated\"")
                .contains("\"status\":\"paid\"")
                .contains("\"timestamp\":\"2026-11-26T14:01:00Z\"")
                .contains("\"version\":2")
                .contains("\"orderId\":\"" + second.orderId() + "\"");
        assertThat(second.webhookId())
                .isEqualTo("msg_load_r1_" + second.orderId().substring("ord_load_r1_".length()) + "_v2");
    }

    @Test
    void smallLoadsStillSendExactlyN() {
        for (int size = 1; size <= 30; size++) {
            LoadPlan plan = LoadPlan.of(size, "r1", size, NOW);
            assertThat(plan.size()).isEqualTo(size);
            assertThat(plan.orders() + plan.twoVersionOrders() + plan.duplicates())
                    .isEqualTo(size);
        }
    }
}
