package com.webhookbuffer.bootstrap.lambda;

import com.webhookbuffer.adapter.aws.out.EmbeddedMetrics;
import com.webhookbuffer.adapter.aws.out.SqsClients;
import com.webhookbuffer.bootstrap.pipeline.EnvironmentVariables;
import com.webhookbuffer.bootstrap.pipeline.Settings;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What the two functions' wirings share: the AWS settings they read beside the shared ones ({@link Settings}: one
 * name per setting, the same in the SAM template, the local stack and docs/settings.md), and the clients and readers both
 * sides build. Each side is
 * assembled in its own package, {@code ingest.IngestWiring} and {@code worker.WorkerWiring}, so each deployment jar
 * holds only its function.
 */
public final class Wiring {

    /** A Secrets Manager secret holding what {@code WEBHOOK_SECRETS} would; the template's way (rotates unredeployed). */
    public static final String WEBHOOK_SECRETS_ARN = "WEBHOOK_SECRETS_ARN";
    /**
     * A Secrets Manager secret holding the named sources' keys: a JSON object from each {@code SOURCE_<NAME>_SECRETS}
     * to what that variable would hold; the template's way (rotates unredeployed).
     */
    public static final String SOURCE_SECRETS_ARN = "SOURCE_SECRETS_ARN";

    public static final String QUEUE_URL = "QUEUE_URL";
    public static final String DLQ_URL = "DLQ_URL";
    public static final String DB_SECRET_ARN = "DB_SECRET_ARN";
    /** The worker's own runtime role, as a secret; read by the deploy-time setup, which creates that role. */
    public static final String DB_WORKER_SECRET_ARN = "DB_WORKER_SECRET_ARN";
    /** pgjdbc's {@code sslmode}; {@code verify-full} on AWS, against the RDS certificate bundle in the jar. */
    public static final String DB_SSL_MODE = "DB_SSL_MODE";
    /** The AWS SDK's own name for an SQS endpoint override: set for a local SQS (ElasticMQ), unset on AWS. */
    public static final String AWS_ENDPOINT_URL_SQS = "AWS_ENDPOINT_URL_SQS";
    /** The SDK's name for a Secrets Manager endpoint override: a local stand-in in tests, unset on AWS. */
    public static final String AWS_ENDPOINT_URL_SECRETS_MANAGER = "AWS_ENDPOINT_URL_SECRETS_MANAGER";

    public static final String AWS_REGION = "AWS_REGION";
    /** {@code on} (the default) or {@code off}: whether the functions write CloudWatch metrics to their log. */
    public static final String METRICS = "METRICS";
    /** The CloudWatch namespace of those metrics; the template makes it {@code WebhookBuffer/<stack name>}. */
    public static final String METRICS_NAMESPACE = "METRICS_NAMESPACE";

    public static final String DEFAULT_METRICS_NAMESPACE = "WebhookBuffer";

    /**
     * Every variable the functions read: the shared ones ({@link Settings#VARIABLES}) and AWS's. The SAM template's
     * contract test holds the template to this list.
     */
    public static final List<String> VARIABLES = Stream.concat(
                    Settings.VARIABLES.stream(),
                    Stream.of(
                            WEBHOOK_SECRETS_ARN,
                            SOURCE_SECRETS_ARN,
                            QUEUE_URL,
                            DLQ_URL,
                            DB_SECRET_ARN,
                            DB_WORKER_SECRET_ARN,
                            DB_SSL_MODE,
                            AWS_ENDPOINT_URL_SQS,
                            AWS_ENDPOINT_URL_SECRETS_MANAGER,
                            METRICS,
                            METRICS_NAMESPACE))
            .toList();

    private Wiring() {}

    /**
     * Secrets Manager at {@code AWS_ENDPOINT_URL_SECRETS_MANAGER} (in {@code AWS_REGION}, with placeholder
     * credentials: a local stand-in) when set, otherwise AWS's with its defaults. One HTTP client, the URL-connection
     * one, as for SQS.
     */
    public static SecretsManagerClient secretsManager(EnvironmentVariables env) {
        SecretsManagerClientBuilder builder =
                SecretsManagerClient.builder().httpClient(UrlConnectionHttpClient.create());
        env.optional(AWS_ENDPOINT_URL_SECRETS_MANAGER)
                .ifPresent(endpoint -> builder.endpointOverride(
                                env.parsed(AWS_ENDPOINT_URL_SECRETS_MANAGER, endpoint, URI::create))
                        .region(Region.of(env.optional(AWS_REGION).orElse("us-east-1")))
                        .credentialsProvider(
                                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))));
        return builder.build();
    }

    /** The text of a Secrets Manager secret, read now. */
    public static String secretText(EnvironmentVariables env, String secretArn) {
        try (SecretsManagerClient secrets = secretsManager(env)) {
            return secrets.getSecretValue(get -> get.secretId(secretArn)).secretString();
        }
    }

    /** SQS at {@code AWS_ENDPOINT_URL_SQS} (in {@code AWS_REGION}) when set, otherwise AWS's with its defaults. */
    public static SqsClient sqsClient(EnvironmentVariables env) {
        return env.optional(AWS_ENDPOINT_URL_SQS)
                .map(endpoint -> SqsClients.forEndpoint(
                        env.parsed(AWS_ENDPOINT_URL_SQS, endpoint, URI::create),
                        Region.of(env.optional(AWS_REGION).orElse("us-east-1"))))
                .orElseGet(SqsClients::create);
    }

    /**
     * The functions' metrics as {@code METRICS} and {@code METRICS_NAMESPACE} say: embedded-metric documents written
     * to {@code log} (standard output on Lambda), or none when off. A namespace CloudWatch would refuse stops the
     * function at start, not at the first request.
     */
    public static Optional<EmbeddedMetrics> metrics(EnvironmentVariables env, Consumer<String> log) {
        String switched = env.optional(METRICS).orElse("on");
        return switch (switched) {
            case "on" ->
                Optional.of(env.parsed(
                        METRICS_NAMESPACE,
                        env.optional(METRICS_NAMESPACE).orElse(DEFAULT_METRICS_NAMESPACE),
                        namespace -> new EmbeddedMetrics(namespace, log, Clock.systemUTC())));
            case "off" -> Optional.empty();
            default -> throw new IllegalStateException(METRICS + " must be on or off, was: " + switched);
        };
    }
}
