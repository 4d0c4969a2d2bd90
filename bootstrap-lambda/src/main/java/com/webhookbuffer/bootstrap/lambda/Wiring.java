package com.webhookbuffer.bootstrap.lambda;

import com.webhookbuffer.adapter.aws.ApiGatewayWebhookHandler;
import com.webhookbuffer.adapter.aws.SqsBatchHandler;
import com.webhookbuffer.adapter.aws.SqsClients;
import com.webhookbuffer.adapter.aws.SqsMessageQueue;
import com.webhookbuffer.adapter.json.JacksonPayloadParser;
import com.webhookbuffer.adapter.persistence.DatabaseLogin;
import com.webhookbuffer.adapter.persistence.DatabaseSettings;
import com.webhookbuffer.adapter.persistence.MyBatisOrderRepository;
import com.webhookbuffer.application.ingest.AcceptWebhook;
import com.webhookbuffer.application.ingest.IngestSettings;
import com.webhookbuffer.application.payload.PayloadReader;
import com.webhookbuffer.application.payload.PayloadValidation;
import com.webhookbuffer.application.worker.ProcessWebhookBatch;
import com.webhookbuffer.domain.processing.RetryBackoff;
import com.webhookbuffer.domain.webhook.WebhookSecret;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.crac.Context;
import org.crac.Resource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * How the hexagon is assembled for AWS Lambda, read top to bottom: settings from the environment, then clients,
 * adapters, use cases and handlers. Built once per execution environment (in the function's constructor), never
 * per invocation.
 *
 * <p>Each function gets only its half ({@link Ingest}, {@link Worker}), so the ingest jar never loads a class of
 * the database side. The local stack runs {@link Ingest} as it is and builds its worker from the same settings
 * readers ({@link #retryBackoff}, {@link #newPayloadReader}), so a variable means the same thing in both places.
 */
public final class Wiring {

    public static final String WEBHOOK_SECRETS = "WEBHOOK_SECRETS";
    /** A Secrets Manager secret holding what {@code WEBHOOK_SECRETS} would; the template's way (rotates unredeployed). */
    public static final String WEBHOOK_SECRETS_ARN = "WEBHOOK_SECRETS_ARN";
    public static final String WEBHOOK_TOLERANCE_SECONDS = "WEBHOOK_TOLERANCE_SECONDS";
    public static final String MAX_BODY_BYTES = "MAX_BODY_BYTES";
    public static final String QUEUE_URL = "QUEUE_URL";
    public static final String DLQ_URL = "DLQ_URL";
    public static final String DB_URL = "DB_URL";
    public static final String DB_USER = "DB_USER";
    public static final String DB_PASSWORD = "DB_PASSWORD";
    public static final String DB_SECRET_ARN = "DB_SECRET_ARN";
    /** The worker's own runtime role, as a secret; read by the deploy-time setup, which creates that role. */
    public static final String DB_WORKER_SECRET_ARN = "DB_WORKER_SECRET_ARN";
    /** pgjdbc's {@code sslmode}; {@code verify-full} on AWS, against the RDS certificate bundle in the jar. */
    public static final String DB_SSL_MODE = "DB_SSL_MODE";
    public static final String DB_POOL_SIZE = "DB_POOL_SIZE";
    public static final String RETRY_BACKOFF_BASE_SECONDS = "RETRY_BACKOFF_BASE_SECONDS";
    public static final String RETRY_BACKOFF_CAP_SECONDS = "RETRY_BACKOFF_CAP_SECONDS";
    /** The AWS SDK's own name for an SQS endpoint override: set for a local SQS (ElasticMQ), unset on AWS. */
    public static final String AWS_ENDPOINT_URL_SQS = "AWS_ENDPOINT_URL_SQS";
    /** The SDK's name for a Secrets Manager endpoint override: a local stand-in in tests, unset on AWS. */
    public static final String AWS_ENDPOINT_URL_SECRETS_MANAGER = "AWS_ENDPOINT_URL_SECRETS_MANAGER";
    public static final String AWS_REGION = "AWS_REGION";

    /** Every variable the functions read; the SAM template's contract test holds the template to this list. */
    public static final List<String> VARIABLES = List.of(WEBHOOK_SECRETS, WEBHOOK_SECRETS_ARN,
            WEBHOOK_TOLERANCE_SECONDS, MAX_BODY_BYTES, QUEUE_URL, DLQ_URL, DB_URL, DB_USER, DB_PASSWORD, DB_SECRET_ARN,
            DB_WORKER_SECRET_ARN, DB_SSL_MODE, DB_POOL_SIZE, RETRY_BACKOFF_BASE_SECONDS, RETRY_BACKOFF_CAP_SECONDS,
            AWS_ENDPOINT_URL_SQS, AWS_ENDPOINT_URL_SECRETS_MANAGER);

    private Wiring() {
    }

    /**
     * The ingest side: API Gateway → AcceptWebhook → SQS. As a CRaC resource it primes the payload path before a
     * SnapStart snapshot; nothing else needs care (the URL-connection client opens connections per request).
     */
    public record Ingest(ApiGatewayWebhookHandler handler, PayloadReader payloadReader, IngestSettings settings,
            SigningSecrets secrets) implements Resource {

        @Override
        public void beforeCheckpoint(Context<? extends Resource> context) {
            Priming.payloadPath(payloadReader, 200);
        }

        /** No connection was opened before the snapshot; the signing secrets are read again (they may rotate). */
        @Override
        public void afterRestore(Context<? extends Resource> context) {
            secrets.reread();
        }

        public static Ingest from(Map<String, String> environment) {
            EnvironmentVariables env = new EnvironmentVariables(environment);
            SigningSecrets secrets = signingSecrets(env);
            IngestSettings settings = new IngestSettings(
                    secrets.get(),
                    Duration.ofSeconds(env.integer(WEBHOOK_TOLERANCE_SECONDS, 300, 1, 86_400)),
                    env.integer(MAX_BODY_BYTES, IngestSettings.DEFAULT_MAX_BODY_BYTES, 1,
                            IngestSettings.MAX_BODY_BYTES_LIMIT),
                    IngestSettings.DEFAULT_RETRY_AFTER);
            String queueUrl = env.required(QUEUE_URL);

            SqsClient sqs = sqsClient(env);

            SqsMessageQueue queue = new SqsMessageQueue(sqs, queueUrl, env.optional(DLQ_URL).orElse(queueUrl));
            PayloadReader payloadReader = newPayloadReader();

            AcceptWebhook inbox = new AcceptWebhook(settings, secrets, payloadReader, queue, Clock.systemUTC());

            return new Ingest(new ApiGatewayWebhookHandler(inbox), payloadReader, settings, secrets);
        }
    }

    /**
     * The worker side: SQS event → ProcessWebhookBatch → PostgreSQL, with the DLQ for poison. As a CRaC resource it
     * primes the batch path and closes the pool before a snapshot (frozen connections would be dead, or shared by
     * every restored copy), and opens a fresh pool after restore.
     */
    record Worker(SqsBatchHandler handler, PayloadReader payloadReader, RestorableDataSource dataSource,
            SnapStartRandom jitter) implements Resource {

        @Override
        public void beforeCheckpoint(Context<? extends Resource> context) {
            Priming.batchPath(payloadReader, 200);
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

        static Worker from(Map<String, String> environment, DatabaseCredentials credentials) {
            return from(environment, credentials, SnapStartRandom.create());
        }

        /** With the jitter given: the tests stand two copies of one snapshot side by side with it. */
        static Worker from(Map<String, String> environment, DatabaseCredentials credentials, SnapStartRandom jitter) {
            EnvironmentVariables env = new EnvironmentVariables(environment);
            String queueUrl = env.required(QUEUE_URL);
            String deadLetterQueueUrl = env.required(DLQ_URL);
            DatabaseSettings database = credentials.settings(env)
                    .withPoolSize(env.integer(DB_POOL_SIZE, DatabaseSettings.DEFAULT_POOL_SIZE, 1, 100));
            RetryBackoff backoff = retryBackoff(env);

            SqsClient sqs = sqsClient(env);
            RotatingLogin login = new RotatingLogin(() -> credentials.login(env),
                    new DatabaseLogin(database.user(), database.password()), Clock.systemUTC());
            RestorableDataSource dataSource = new RestorableDataSource(database, login);

            SqsMessageQueue queue = new SqsMessageQueue(sqs, queueUrl, deadLetterQueueUrl);
            MyBatisOrderRepository repository = new MyBatisOrderRepository(dataSource);
            PayloadReader payloadReader = newPayloadReader();

            ProcessWebhookBatch processor =
                    new ProcessWebhookBatch(payloadReader, repository, queue, backoff, jitter);

            return new Worker(new SqsBatchHandler(processor), payloadReader, dataSource, jitter);
        }
    }

    /** The worker's retry-later backoff, {@code RETRY_BACKOFF_BASE_SECONDS} and {@code RETRY_BACKOFF_CAP_SECONDS}. */
    public static RetryBackoff retryBackoff(EnvironmentVariables env) {
        int base = env.integer(RETRY_BACKOFF_BASE_SECONDS, (int) RetryBackoff.DEFAULT.base().toSeconds(), 1,
                (int) RetryBackoff.MAX_CAP.toSeconds());
        int cap = env.integer(RETRY_BACKOFF_CAP_SECONDS, (int) RetryBackoff.DEFAULT.cap().toSeconds(), 1,
                (int) RetryBackoff.MAX_CAP.toSeconds());
        if (cap < base) {
            throw new IllegalStateException(RETRY_BACKOFF_CAP_SECONDS + " (" + cap + ") must be >= "
                    + RETRY_BACKOFF_BASE_SECONDS + " (" + base + ")");
        }
        return new RetryBackoff(Duration.ofSeconds(base), Duration.ofSeconds(cap));
    }

    public static List<WebhookSecret> secrets(EnvironmentVariables env) {
        return secrets(env, WEBHOOK_SECRETS, env.required(WEBHOOK_SECRETS));
    }

    /**
     * The signing secrets: from the Secrets Manager secret {@code WEBHOOK_SECRETS_ARN} names (kept a few minutes,
     * read again after), or from {@code WEBHOOK_SECRETS}.
     */
    static SigningSecrets signingSecrets(EnvironmentVariables env) {
        return env.optional(WEBHOOK_SECRETS_ARN)
                .map(arn -> new SigningSecrets(() -> secrets(env, WEBHOOK_SECRETS_ARN,
                        secretText(env, arn)), Clock.systemUTC()))
                .orElseGet(() -> {
                    List<WebhookSecret> fixed = secrets(env);
                    return new SigningSecrets(() -> fixed, Clock.systemUTC());
                });
    }

    /** {@code whsec_} secrets separated by commas or spaces, as {@code variable} gave them. */
    private static List<WebhookSecret> secrets(EnvironmentVariables env, String variable, String text) {
        List<WebhookSecret> secrets = Arrays.stream(text.strip().split("[,\\s]+"))
                .filter(s -> !s.isBlank())
                .map(s -> env.parsed(variable, s, WebhookSecret::parse))
                .toList();
        if (secrets.isEmpty()) {
            throw new IllegalStateException(variable + " holds no whsec_ secret");
        }
        return secrets;
    }

    /**
     * Secrets Manager at {@code AWS_ENDPOINT_URL_SECRETS_MANAGER} (in {@code AWS_REGION}, with placeholder
     * credentials: a local stand-in) when set, otherwise AWS's with its defaults. One HTTP client, the URL-connection
     * one, as for SQS.
     */
    public static SecretsManagerClient secretsManager(EnvironmentVariables env) {
        SecretsManagerClientBuilder builder = SecretsManagerClient.builder()
                .httpClient(UrlConnectionHttpClient.create());
        env.optional(AWS_ENDPOINT_URL_SECRETS_MANAGER).ifPresent(endpoint -> builder
                .endpointOverride(env.parsed(AWS_ENDPOINT_URL_SECRETS_MANAGER, endpoint, URI::create))
                .region(Region.of(env.optional(AWS_REGION).orElse("us-east-1")))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))));
        return builder.build();
    }

    /** The text of a Secrets Manager secret, read now. */
    static String secretText(EnvironmentVariables env, String secretArn) {
        try (SecretsManagerClient secrets = secretsManager(env)) {
            return secrets.getSecretValue(get -> get.secretId(secretArn)).secretString();
        }
    }

    /** SQS at {@code AWS_ENDPOINT_URL_SQS} (in {@code AWS_REGION}) when set, otherwise AWS's with its defaults. */
    public static SqsClient sqsClient(EnvironmentVariables env) {
        return env.optional(AWS_ENDPOINT_URL_SQS)
                .map(endpoint -> SqsClients.forEndpoint(env.parsed(AWS_ENDPOINT_URL_SQS, endpoint, URI::create),
                        Region.of(env.optional(AWS_REGION).orElse("us-east-1"))))
                .orElseGet(SqsClients::create);
    }

    public static PayloadReader newPayloadReader() {
        return new PayloadReader(new JacksonPayloadParser(), PayloadValidation.newValidator());
    }
}
