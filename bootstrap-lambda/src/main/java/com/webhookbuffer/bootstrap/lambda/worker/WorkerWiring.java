package com.webhookbuffer.bootstrap.lambda.worker;

import static com.webhookbuffer.bootstrap.pipeline.Settings.DB_POOL_SIZE;

import com.webhookbuffer.adapter.aws.in.SqsBatchHandler;
import com.webhookbuffer.adapter.aws.out.EmbeddedMetrics;
import com.webhookbuffer.adapter.aws.out.SqsFailedDeliveries;
import com.webhookbuffer.adapter.persistence.DatabaseLogin;
import com.webhookbuffer.adapter.persistence.DatabaseSettings;
import com.webhookbuffer.adapter.persistence.MyBatisOrderRepository;
import com.webhookbuffer.application.reading.PayloadReader;
import com.webhookbuffer.application.worker.ProcessWebhookBatch;
import com.webhookbuffer.bootstrap.lambda.Wiring;
import com.webhookbuffer.bootstrap.pipeline.EnvironmentVariables;
import com.webhookbuffer.bootstrap.pipeline.Pipeline;
import com.webhookbuffer.domain.port.out.WorkerMetrics;
import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;
import org.crac.Context;
import org.crac.Resource;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * How the worker side is assembled, read top to bottom: SQS event → {@code ProcessWebhookBatch} → PostgreSQL, with
 * the dead-letter queue for poison. Built once per execution environment. {@link #from} reads the function's
 * environment; {@link #processor} is the one composition of the use case, which the function and the local stack
 * both call.
 *
 * <p>As a CRaC resource it primes the batch path and closes the pool before a snapshot (frozen connections would be
 * dead, or shared by every restored copy), and opens a fresh pool after restore.
 */
public record WorkerWiring(
        SqsBatchHandler handler, PayloadReader payloadReader, RestorableDataSource dataSource, SnapStartRandom jitter)
        implements Resource {

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        BatchPriming.run(payloadReader, 200);
        dataSource.close();
    }

    /**
     * Re-created per restored environment: the backoff's jitter (every copy of the snapshot would otherwise
     * draw the same delays), the database login (the snapshot's may have rotated since) and the pool.
     */
    @Override
    public void afterRestore(Context<? extends Resource> context) {
        jitter.reseed();
        dataSource.reopen();
    }

    /** The worker side as the function's environment variables describe it, its metrics on standard output. */
    public static WorkerWiring from(Map<String, String> environment, DatabaseCredentials credentials) {
        return from(environment, credentials, EmbeddedMetrics.STANDARD_OUTPUT);
    }

    /** With the metrics' log given: for tests, which read the documents the function writes. */
    public static WorkerWiring from(
            Map<String, String> environment, DatabaseCredentials credentials, Consumer<String> metricsLog) {
        return from(environment, credentials, SnapStartRandom.create(), metricsLog);
    }

    /** With the jitter given: the tests stand two copies of one snapshot side by side with it. */
    static WorkerWiring from(Map<String, String> environment, DatabaseCredentials credentials, SnapStartRandom jitter) {
        return from(environment, credentials, jitter, EmbeddedMetrics.STANDARD_OUTPUT);
    }

    private static WorkerWiring from(
            Map<String, String> environment,
            DatabaseCredentials credentials,
            SnapStartRandom jitter,
            Consumer<String> metricsLog) {
        EnvironmentVariables env = new EnvironmentVariables(environment);
        WorkerSettings settings = WorkerSettings.from(env);
        DatabaseSettings database = credentials
                .settings(env)
                .withPoolSize(env.integer(DB_POOL_SIZE, DatabaseSettings.DEFAULT_POOL_SIZE, 1, 100));

        SqsClient sqs = Wiring.sqsClient(env);
        RotatingLogin login = new RotatingLogin(
                () -> credentials.login(env),
                new DatabaseLogin(database.user(), database.password()),
                Clock.systemUTC());
        RestorableDataSource dataSource = new RestorableDataSource(database, login);
        PayloadReader payloadReader = Pipeline.payloadReader();

        WorkerMetrics metrics =
                Wiring.metrics(env, metricsLog).<WorkerMetrics>map(m -> m).orElse(WorkerMetrics.NONE);
        ProcessWebhookBatch processor = processor(settings, payloadReader, dataSource, sqs, jitter, metrics);

        return new WorkerWiring(new SqsBatchHandler(processor), payloadReader, dataSource, jitter);
    }

    /** The worker's use case on SQS and PostgreSQL, telling {@code metrics} of each batch. */
    public static ProcessWebhookBatch processor(
            WorkerSettings settings,
            PayloadReader payloadReader,
            DataSource database,
            SqsClient sqs,
            RandomGenerator jitter,
            WorkerMetrics metrics) {
        return Pipeline.worker(
                payloadReader,
                new MyBatisOrderRepository(database),
                new SqsFailedDeliveries(sqs, settings.queueUrl(), settings.deadLetterQueueUrl()),
                settings.retries(),
                jitter,
                metrics);
    }
}
