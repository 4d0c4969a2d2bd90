package com.webhookbuffer.adapter.aws.out;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/**
 * Builds the one {@link SqsClient} an execution environment uses (building one costs ~0.3 s: never per request).
 *
 * <p>The client's own limits leave room for a 20 s long poll; {@link SqsMessageQueue} tightens them per request
 * where a caller is waiting (publishing: {@link #PUBLISH_ATTEMPT_TIMEOUT} per attempt, {@link #PUBLISH_TIMEOUT} in
 * all, so the ingest function answers 202 or 503 long before API Gateway's 29 s integration timeout).
 */
public final class SqsClients {

    public static final Duration PUBLISH_ATTEMPT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(6);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private SqsClients() {}

    /** A client for AWS, with the region and credentials from the environment (as in Lambda). */
    public static SqsClient create() {
        return builder().build();
    }

    /**
     * A client for an SQS-compatible endpoint (ElasticMQ locally). Local servers ignore the signature, but the SDK
     * still signs, so it gets fixed dummy credentials.
     */
    public static SqsClient forEndpoint(URI endpoint, Region region) {
        Objects.requireNonNull(endpoint, "endpoint must not be null");
        return builder()
                .endpointOverride(endpoint)
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    private static SqsClientBuilder builder() {
        return SqsClient.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(Duration.ofSeconds(25))
                        .build())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallAttemptTimeout(Duration.ofSeconds(25))
                        .apiCallTimeout(Duration.ofSeconds(28))
                        .retryStrategy(RetryMode.STANDARD)
                        .build());
    }
}
