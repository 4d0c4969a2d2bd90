package com.webhookbuffer.bootstrap.lambda.worker;

import java.time.Duration;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The account's Lambda concurrency quota, which the deploy checks against what the stack reserves: a new account's
 * quota can be as low as 10, far below the worker's computed {@code MaximumConcurrency}, and a deploy that cannot
 * reserve it should say so with the numbers, not leave throttled batches to spend their receives.
 */
final class AccountConcurrency {

    /** Lambda keeps this much of the account's concurrency unreserved, whatever the functions ask. */
    static final int MIN_UNRESERVED = 100;

    private static final Logger LOG = LoggerFactory.getLogger(AccountConcurrency.class);

    private AccountConcurrency() {}

    /** The quota (GetAccountSettings' ConcurrentExecutions); empty when it cannot be read, which skips the check. */
    static OptionalInt quota() {
        try (LambdaClient lambda = LambdaClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(Duration.ofSeconds(10))
                        .build())
                .build()) {
            return OptionalInt.of(lambda.getAccountSettings().accountLimit().concurrentExecutions());
        } catch (SdkException e) {
            LOG.warn(
                    "the account's Lambda concurrency quota could not be read, so it is not checked: {}", e.toString());
            return OptionalInt.empty();
        }
    }

    /**
     * Refuses a stack whose reserved concurrencies the account cannot give, with the numbers and what to change.
     *
     * @param quota             the account's concurrency quota
     * @param workerReserved    the worker's reserved concurrency (its {@code MaximumConcurrency})
     * @param ingestReserved    the ingest function's reserved concurrency
     */
    static void requireRoom(int quota, int workerReserved, int ingestReserved) {
        int reservable = quota - MIN_UNRESERVED;
        if (workerReserved + ingestReserved > reservable) {
            throw new IllegalArgumentException("the account's Lambda concurrency quota is " + quota + ", of which "
                    + reservable + " can be reserved (Lambda keeps " + MIN_UNRESERVED + " unreserved), but this stack"
                    + " reserves " + workerReserved + " for the worker (its MaximumConcurrency) and " + ingestReserved
                    + " for ingest: ask AWS to raise the quota, or lower DbMaxConnections, raise WorkerPoolSize or"
                    + " lower IngestReservedConcurrency");
        }
    }
}
