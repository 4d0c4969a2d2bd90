package com.webhookbuffer.bootstrap.local.command.load;

import com.webhookbuffer.bootstrap.local.command.SampleOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What {@code ./run-local load N} sends: N deliveries made as real senders make them. Most orders are sent once;
 * about one order in ten comes in two versions (placed, then paid), every other one of those with the newer version
 * sent first; and about one delivery in ten is a duplicate, the same webhook id and body delivered again later, as
 * a sender does whose first delivery timed out. The mix is exact for a given N, and the order of sending is
 * shuffled with the run's seed.
 *
 * @param runId            names this run's webhook and order ids, so that runs never share an order
 * @param deliveries       what is sent, in this order
 * @param orders           distinct orders
 * @param twoVersionOrders orders sent in two versions
 * @param newestFirst      of those, the ones whose version 2 is sent before version 1
 * @param duplicates       deliveries that repeat an earlier one
 */
public record LoadPlan(
        String runId, List<Delivery> deliveries, int orders, int twoVersionOrders, int newestFirst, int duplicates) {

    /** One duplicate delivery in {@value}. */
    static final int DUPLICATE_EVERY = 10;
    /** One order in {@value} of the rest is sent in two versions. */
    static final int TWO_VERSIONS_EVERY = 10;
    /** How much later than version 1 the sender says version 2 came about. */
    private static final Duration VERSION_GAP = Duration.ofMinutes(1);

    public LoadPlan {
        deliveries = List.copyOf(deliveries);
    }

    /** One POST: the webhook it delivers, the order version it carries. */
    record Delivery(String webhookId, String orderId, long version, Instant timestamp) {

        byte[] body() {
            String json = version == 1
                    ? SampleOrder.json(orderId, version, timestamp)
                    : SampleOrder.paid(orderId, version, timestamp);
            return json.getBytes(StandardCharsets.UTF_8);
        }
    }

    public static LoadPlan of(int size, String runId, long seed, Instant now) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be >= 1, was: " + size);
        }
        int duplicates = size / DUPLICATE_EVERY;
        int unique = size - duplicates;
        // orders + twoVersionOrders = unique, with twoVersionOrders a tenth of the orders.
        int twoVersionOrders = unique / (TWO_VERSIONS_EVERY + 1);
        int orders = unique - twoVersionOrders;
        Random random = new Random(seed);

        List<Delivery> firsts = new ArrayList<>(unique);
        for (int order = 1; order <= orders; order++) {
            String orderId = "ord_load_" + runId + "_" + order;
            firsts.add(new Delivery(webhookId(runId, order, 1), orderId, 1, now));
            if (order <= twoVersionOrders) {
                firsts.add(new Delivery(webhookId(runId, order, 2), orderId, 2, now.plus(VERSION_GAP)));
            }
        }
        Collections.shuffle(firsts, random);
        int newestFirst = putVersionsInOrder(firsts);

        // A duplicate goes anywhere after the delivery it repeats: ranks sort the originals by position and slot
        // each copy between two of them.
        List<Ranked> ranked = new ArrayList<>(size);
        for (int i = 0; i < unique; i++) {
            ranked.add(new Ranked(2L * i, firsts.get(i)));
        }
        List<Integer> originals = new ArrayList<>(unique);
        for (int i = 0; i < unique; i++) {
            originals.add(i);
        }
        Collections.shuffle(originals, random);
        for (int original : originals.subList(0, duplicates)) {
            int after = original + random.nextInt(unique - original);
            ranked.add(new Ranked(2L * after + 1, firsts.get(original)));
        }
        ranked.sort(Comparator.comparingLong(Ranked::rank));
        return new LoadPlan(
                runId,
                ranked.stream().map(Ranked::delivery).toList(),
                orders,
                twoVersionOrders,
                newestFirst,
                duplicates);
    }

    private record Ranked(long rank, Delivery delivery) {}

    /**
     * Every other two-version order (the even-numbered ones) is sent newest first, the others oldest first; the
     * shuffle placed their two deliveries anywhere, so the two are swapped where needed. Returns how many are sent
     * newest first.
     */
    private static int putVersionsInOrder(List<Delivery> deliveries) {
        Map<String, Integer> firstSeen = new HashMap<>();
        int newestFirst = 0;
        for (int i = 0; i < deliveries.size(); i++) {
            Delivery delivery = deliveries.get(i);
            Integer earlier = firstSeen.putIfAbsent(delivery.orderId(), i);
            if (earlier == null) {
                continue;
            }
            boolean wantNewestFirst = orderNumber(delivery.orderId()) % 2 == 0;
            boolean isNewestFirst = deliveries.get(earlier).version() == 2;
            if (wantNewestFirst != isNewestFirst) {
                deliveries.set(i, deliveries.get(earlier));
                deliveries.set(earlier, delivery);
            }
            if (wantNewestFirst) {
                newestFirst++;
            }
        }
        return newestFirst;
    }

    private static int orderNumber(String orderId) {
        return Integer.parseInt(orderId.substring(orderId.lastIndexOf('_') + 1));
    }

    private static String webhookId(String runId, int order, long version) {
        return "msg_load_" + runId + "_" + order + "_v" + version;
    }

    int size() {
        return deliveries.size();
    }

    /** The mix in words, for the command's first lines and its summary. */
    String describe() {
        return orders + " orders (" + twoVersionOrders + " of them in two versions, " + newestFirst
                + " of those sent newest first) and " + duplicates
                + " duplicate deliveries (the same webhook id and body sent again)";
    }
}
