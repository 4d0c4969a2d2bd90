package com.webhookbuffer.bootstrap.lambda.worker;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.webhookbuffer.domain.processing.ConnectionBudget;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SAM template's {@code Custom::ConcurrencyCheck}, the first thing a deploy does: it refuses, with the numbers,
 * a stack whose reserved concurrencies the account's Lambda quota cannot give (a new account's can be 10), before
 * the database exists and before anything reserves concurrency. Refused there, a first deploy rolls back in a minute
 * with nothing to delete; refused later, it would meet a cluster that protects itself from deletion.
 *
 * <p>Properties: {@code DbMaxConnections}, {@code DbReservedConnections}, {@code WorkerPoolSize} (the worker's
 * reservation is its {@code MaximumConcurrency}, computed from them as the setup does) and
 * {@code IngestReservedConcurrency}. Returns {@code IngestReservedConcurrency}, the ingest function's reservation
 * once checked, so that nothing reserves it before the check. It runs outside the VPC (the Lambda API at its public
 * endpoint) and needs nothing the stack creates.
 */
public final class ConcurrencyCheckFunction implements RequestHandler<CloudFormationCustomResourceEvent, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(ConcurrencyCheckFunction.class);

    private final Supplier<OptionalInt> concurrencyQuota;

    public ConcurrencyCheckFunction() {
        this(AccountConcurrency::quota);
    }

    /** @param concurrencyQuota the account's quota; empty when it cannot be read, which skips the check */
    ConcurrencyCheckFunction(Supplier<OptionalInt> concurrencyQuota) {
        this.concurrencyQuota = concurrencyQuota;
    }

    @Override
    public Void handleRequest(CloudFormationCustomResourceEvent event, Context context) {
        CustomResourceAnswer.answer(event, context, "concurrency-check", "the concurrency check", this::check);
        return null;
    }

    private Map<String, String> check(CloudFormationCustomResourceEvent event) {
        if ("Delete".equals(event.getRequestType())) {
            return Map.of();
        }
        Map<String, Object> properties = event.getResourceProperties();
        ConnectionBudget budget = new ConnectionBudget(
                CustomResourceAnswer.number(properties, "DbMaxConnections"),
                CustomResourceAnswer.number(properties, "DbReservedConnections"),
                CustomResourceAnswer.number(properties, "WorkerPoolSize"));
        int worker = EventSourceBudget.maximumConcurrency(budget);
        int ingest = CustomResourceAnswer.number(properties, "IngestReservedConcurrency");
        OptionalInt quota = concurrencyQuota.get();
        quota.ifPresent(q -> AccountConcurrency.requireRoom(q, worker, ingest));
        LOG.atInfo()
                .addKeyValue("event", "concurrency.checked")
                .addKeyValue("quota", quota.isPresent() ? Integer.toString(quota.getAsInt()) : "unknown")
                .addKeyValue("workerReserved", worker)
                .addKeyValue("ingestReserved", ingest)
                .log("concurrency checked");
        return Map.of("IngestReservedConcurrency", Integer.toString(ingest));
    }
}
