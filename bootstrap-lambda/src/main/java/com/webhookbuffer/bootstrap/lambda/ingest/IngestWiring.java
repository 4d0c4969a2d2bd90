package com.webhookbuffer.bootstrap.lambda.ingest;

import static com.webhookbuffer.bootstrap.lambda.Wiring.QUEUE_URL;
import static com.webhookbuffer.bootstrap.lambda.Wiring.WEBHOOK_SECRETS_ARN;

import com.webhookbuffer.adapter.aws.in.ApiGatewayWebhookHandler;
import com.webhookbuffer.adapter.aws.out.EmbeddedMetrics;
import com.webhookbuffer.adapter.aws.out.SqsMessageQueue;
import com.webhookbuffer.application.ingest.AcceptWebhook;
import com.webhookbuffer.application.ingest.InboxBySource;
import com.webhookbuffer.application.ingest.IngestSettings;
import com.webhookbuffer.application.reading.PayloadReader;
import com.webhookbuffer.bootstrap.lambda.Priming;
import com.webhookbuffer.bootstrap.lambda.Wiring;
import com.webhookbuffer.bootstrap.settings.EnvironmentVariables;
import com.webhookbuffer.bootstrap.settings.Settings;
import com.webhookbuffer.domain.port.in.WebhookInbox;
import com.webhookbuffer.domain.port.out.IngestMetrics;
import com.webhookbuffer.domain.webhook.SourceName;
import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;
import org.crac.Context;
import org.crac.Resource;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * How the ingest side is assembled, read top to bottom: API Gateway → {@code AcceptWebhook} → SQS. Built once per
 * execution environment (in the function's constructor), never per invocation. {@link #from} reads the function's
 * environment; {@link #of} is the one composition, which the function and the local stack both call.
 *
 * <p>As a CRaC resource it primes the payload path before a SnapStart snapshot; nothing else needs care (the
 * URL-connection client opens connections per request).
 */
public record IngestWiring(ApiGatewayWebhookHandler handler, PayloadReader payloadReader, IngestSettings settings,
        SigningSecrets secrets) implements Resource {

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        Priming.payloadPath(payloadReader, 200);
        if (!secrets.get().publicKeys().isEmpty()) {
            Priming.asymmetricPath(200);
        }
    }

    /** No connection was opened before the snapshot; the signing secrets and keys are read again (they rotate). */
    @Override
    public void afterRestore(Context<? extends Resource> context) {
        secrets.reread();
    }

    /** The ingest side as the function's environment variables describe it, its metrics on standard output. */
    public static IngestWiring from(Map<String, String> environment) {
        return from(environment, EmbeddedMetrics.STANDARD_OUTPUT);
    }

    /** With the metrics' log given: for tests, which read the documents the function writes. */
    public static IngestWiring from(Map<String, String> environment, Consumer<String> metricsLog) {
        EnvironmentVariables env = new EnvironmentVariables(environment);
        SigningSecrets secrets = signingSecrets(env);
        IngestMetrics metrics = Wiring.metrics(env, metricsLog).<IngestMetrics>map(m -> m).orElse(IngestMetrics.NONE);
        return of(Settings.ingest(env, secrets.get()), secrets, Wiring.sqsClient(env), env.required(QUEUE_URL),
                metrics);
    }

    /** The ingest side publishing to the SQS queue at {@code queueUrl}, telling {@code metrics} of each answer. */
    public static IngestWiring of(IngestSettings settings, SigningSecrets secrets, SqsClient sqs, String queueUrl,
            IngestMetrics metrics) {
        SqsMessageQueue queue = new SqsMessageQueue(sqs, queueUrl);
        PayloadReader payloadReader = Wiring.newPayloadReader();

        AcceptWebhook inbox = new AcceptWebhook(settings, secrets, payloadReader, queue, Clock.systemUTC(), metrics);
        WebhookInbox door = new InboxBySource(Map.of(SourceName.DEFAULT, inbox), metrics);

        return new IngestWiring(new ApiGatewayWebhookHandler(door), payloadReader, settings, secrets);
    }

    /**
     * The signing secrets and public keys: from the Secrets Manager secret {@code WEBHOOK_SECRETS_ARN} names (kept
     * a few minutes, read again after), or from {@code WEBHOOK_SECRETS}; the same syntax in both.
     */
    static SigningSecrets signingSecrets(EnvironmentVariables env) {
        return env.optional(WEBHOOK_SECRETS_ARN)
                .map(arn -> new SigningSecrets(() -> Settings.verificationKeys(env, WEBHOOK_SECRETS_ARN,
                        Wiring.secretText(env, arn)), Clock.systemUTC()))
                .orElseGet(() -> SigningSecrets.fixed(Settings.verificationKeys(env)));
    }
}
