package com.webhookbuffer.benchmarks;

import java.util.List;
import java.util.Locale;

/**
 * What a million webhooks cost on AWS, and where the money goes: API Gateway requests, the ingest function's
 * requests and GB-seconds, SQS requests as the code makes them, the worker's requests and GB-seconds, and the
 * database as a fixed monthly cost. The measured inputs come from the benchmark that prints it; the prices are AWS's
 * list prices in us-east-1 as read on {@value #PRICES_READ} (each constant names its page).
 */
record CostModel(double ingestHandlerMillis, double workerBatchMillis, int batchSize) {

    static final String PRICES_READ = "2026-11-27";
    /** HTTP API, first 300 million a month (aws.amazon.com/api-gateway/pricing). */
    static final double API_GATEWAY_PER_MILLION = 1.00;
    /** Lambda, per million invocations (aws.amazon.com/lambda/pricing). */
    static final double LAMBDA_REQUESTS_PER_MILLION = 0.20;
    /** Lambda x86_64 duration, first tier (aws.amazon.com/lambda/pricing). SnapStart on Java is not billed. */
    static final double LAMBDA_PER_GB_SECOND = 0.0000166667;
    /** SQS standard queue, per million requests after the free million (aws.amazon.com/sqs/pricing). */
    static final double SQS_PER_MILLION = 0.40;
    /**
     * The only SQS latency AWS states, as an example in its throughput guide ("if the latency from an Amazon
     * EC2-based client to Amazon SQS in the same region averages 20 ms", Amazon SQS Developer Guide, "Increasing
     * throughput using horizontal scaling and action batching"): an assumption, not a measurement.
     */
    static final double SQS_CALL_MILLIS = 20;
    /** RDS for PostgreSQL db.t4g.micro, Single-AZ, on demand: about 730 hours (third-party price lists; verify). */
    static final double DATABASE_PER_MONTH = 0.016 * 730;
    /**
     * The memory sizes shown, ingest and worker: the template's defaults (the ingest function's lowered to 512 MB by
     * #17, since its time is almost all waiting for SQS), the defaults before, and both at the smallest and at one
     * full vCPU.
     */
    static final List<Sizes> MEMORY_SIZES = List.of(
            new Sizes(512, 1024, "the template's defaults"),
            new Sizes(1024, 1024, "the defaults before #17"),
            new Sizes(512, 512, ""),
            new Sizes(1769, 1769, ""));
    /**
     * A worker invocation's time for a full batch, assumed: its one write is about 2 ms against a local PostgreSQL
     * ({@code OrderWriteBenchmark}, one connection, batches of 10), and over the network to RDS it takes the
     * statement's round trips (begin, claim, store, commit) at about a millisecond each, and the reading of the
     * batch; 10 ms is a round, generous figure.
     */
    static final double WORKER_BATCH_MILLIS = 10;
    /** The template's default batch size. */
    static final int BATCH_SIZE = 10;

    /**
     * The SQS requests one webhook costs as the code makes them: the ingest function's SendMessage (one per
     * request: each invocation answers one), and per batch the event source's ReceiveMessage and the
     * DeleteMessageBatch of what succeeded. Retries' ChangeMessageVisibility and the event source's empty receives
     * on an idle queue (a fixed few hundred thousand a month) are left out.
     */
    double sqsRequestsPerWebhook() {
        return 1 + 2.0 / batchSize;
    }

    /** Lambda bills duration in whole milliseconds, each invocation rounded up. */
    private static double billedSeconds(double millis) {
        return Math.ceil(millis) / 1000;
    }

    String report() {
        StringBuilder out = new StringBuilder(String.format(
                Locale.ROOT,
                "%nWhat a million webhooks cost on AWS (us-east-1 list prices read %s; dollars)%n",
                PRICES_READ));
        out.append(String.format(
                Locale.ROOT,
                "  ingest: %.3f ms handler (measured, request log on) + %.0f ms "
                        + "SendMessage (AWS's example latency) per request; worker: %.1f ms per batch of %d; SQS %.2f "
                        + "requests per webhook%n",
                ingestHandlerMillis,
                SQS_CALL_MILLIS,
                workerBatchMillis,
                batchSize,
                sqsRequestsPerWebhook()));
        out.append(String.format(
                Locale.ROOT,
                "%-12s %8s %12s %12s %8s %12s %12s %8s%n",
                "ingest/worker",
                "API GW",
                "ingest req",
                "ingest GB-s",
                "SQS",
                "worker req",
                "worker GB-s",
                "total"));
        for (Sizes sizes : MEMORY_SIZES) {
            double apiGateway = API_GATEWAY_PER_MILLION;
            double ingestRequests = LAMBDA_REQUESTS_PER_MILLION;
            double ingestDuration = 1_000_000
                    * sizes.ingestMegabytes()
                    / 1024.0
                    * billedSeconds(ingestHandlerMillis + SQS_CALL_MILLIS)
                    * LAMBDA_PER_GB_SECOND;
            double sqs = sqsRequestsPerWebhook() * SQS_PER_MILLION;
            double batches = 1_000_000.0 / batchSize;
            double workerRequests = batches / 1_000_000 * LAMBDA_REQUESTS_PER_MILLION;
            double workerDuration = batches
                    * sizes.workerMegabytes()
                    / 1024.0
                    * billedSeconds(workerBatchMillis)
                    * LAMBDA_PER_GB_SECOND;
            double total = apiGateway + ingestRequests + ingestDuration + sqs + workerRequests + workerDuration;
            out.append(String.format(
                                    Locale.ROOT,
                                    "%-12s %8.2f %12.2f %12.2f %8.2f %12.3f %12.3f %8.2f  %s",
                                    sizes.ingestMegabytes() + "/" + sizes.workerMegabytes(),
                                    apiGateway,
                                    ingestRequests,
                                    ingestDuration,
                                    sqs,
                                    workerRequests,
                                    workerDuration,
                                    total,
                                    sizes.note())
                            .stripTrailing())
                    .append(System.lineSeparator());
        }
        out.append(String.format(
                Locale.ROOT,
                "  plus the database, whatever the traffic: db.t4g.micro about %.2f a " + "month (and its storage)%n",
                DATABASE_PER_MONTH));
        return out.toString();
    }

    /** An ingest and a worker memory size (MB), as the template's IngestMemorySize and WorkerMemorySize. */
    record Sizes(int ingestMegabytes, int workerMegabytes, String note) {}
}
