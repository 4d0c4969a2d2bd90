package com.webhookbuffer.bootstrap.lambda.ingest;

import static com.webhookbuffer.bootstrap.lambda.Wiring.QUEUE_URL;
import static com.webhookbuffer.bootstrap.lambda.Wiring.SOURCE_SECRETS_ARN;
import static com.webhookbuffer.bootstrap.lambda.Wiring.WEBHOOK_SECRETS_ARN;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webhookbuffer.adapter.aws.in.ApiGatewayWebhookHandler;
import com.webhookbuffer.adapter.aws.out.EmbeddedMetrics;
import com.webhookbuffer.adapter.aws.out.SqsMessageQueue;
import com.webhookbuffer.application.ingest.IngestSettings;
import com.webhookbuffer.application.ingest.NamedSource;
import com.webhookbuffer.application.reading.PayloadReader;
import com.webhookbuffer.bootstrap.lambda.Priming;
import com.webhookbuffer.bootstrap.lambda.Wiring;
import com.webhookbuffer.bootstrap.pipeline.EnvironmentVariables;
import com.webhookbuffer.bootstrap.pipeline.Pipeline;
import com.webhookbuffer.bootstrap.pipeline.Settings;
import com.webhookbuffer.bootstrap.pipeline.SourceSettings;
import com.webhookbuffer.domain.port.in.WebhookInbox;
import com.webhookbuffer.domain.port.out.IngestMetrics;
import com.webhookbuffer.domain.port.out.MessageQueue;
import com.webhookbuffer.domain.webhook.SourceKeys;
import com.webhookbuffer.domain.webhook.SourceName;
import com.webhookbuffer.domain.webhook.VerificationKeys;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
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
public record IngestWiring(
        ApiGatewayWebhookHandler handler,
        PayloadReader payloadReader,
        IngestSettings settings,
        SigningSecrets<VerificationKeys> secrets,
        Map<SourceName, NamedSource> namedSources)
        implements Resource {

    /**
     * Built on first use, only where {@code SOURCE_SECRETS_ARN} is set. Built as the class loaded, it was the first
     * Jackson mapper of every cold start (about 0.23 s of class loading at its head), for a secret most functions
     * never read.
     */
    private static final class SecretJson {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        Priming.payloadPath(payloadReader, 200);
        boolean publicKeys = !secrets.get().publicKeys().isEmpty()
                || namedSources.values().stream()
                        .anyMatch(source -> source.keys().get() instanceof VerificationKeys keys
                                && !keys.publicKeys().isEmpty());
        if (publicKeys) {
            Priming.asymmetricPath(200);
        }
    }

    /** No connection was opened before the snapshot; the signing secrets and keys are read again (they rotate). */
    @Override
    public void afterRestore(Context<? extends Resource> context) {
        secrets.reread();
        namedSources.values().forEach(source -> {
            if (source.keys() instanceof SigningSecrets<?> rotating) {
                rotating.reread();
            }
        });
    }

    /** The ingest side as the function's environment variables describe it, its metrics on standard output. */
    public static IngestWiring from(Map<String, String> environment) {
        return from(environment, EmbeddedMetrics.STANDARD_OUTPUT);
    }

    /** With the metrics' log given: for tests, which read the documents the function writes. */
    public static IngestWiring from(Map<String, String> environment, Consumer<String> metricsLog) {
        EnvironmentVariables env = new EnvironmentVariables(environment);
        SigningSecrets<VerificationKeys> secrets = signingSecrets(env);
        IngestMetrics metrics =
                Wiring.metrics(env, metricsLog).<IngestMetrics>map(m -> m).orElse(IngestMetrics.NONE);
        return of(
                Settings.ingest(env, secrets.get()),
                secrets,
                namedSources(env),
                Wiring.sqsClient(env),
                env.required(QUEUE_URL),
                metrics);
    }

    /**
     * The ingest side publishing to the SQS queue at {@code queueUrl}, telling {@code metrics} of each answer: the
     * default source's inbox keyed by {@code secrets}, and one inbox per named source keyed by its own.
     */
    public static IngestWiring of(
            IngestSettings settings,
            SigningSecrets<VerificationKeys> secrets,
            Map<SourceName, NamedSource> namedSources,
            SqsClient sqs,
            String queueUrl,
            IngestMetrics metrics) {
        return of(settings, secrets, namedSources, new SqsMessageQueue(sqs, queueUrl), metrics);
    }

    /**
     * The same composition publishing through {@code queue}: the local stack's front, which answers many requests
     * at once in one process, publishes them as batch calls.
     */
    public static IngestWiring of(
            IngestSettings settings,
            SigningSecrets<VerificationKeys> secrets,
            Map<SourceName, NamedSource> namedSources,
            MessageQueue queue,
            IngestMetrics metrics) {
        PayloadReader payloadReader = Pipeline.payloadReader();
        WebhookInbox door = Pipeline.door(settings, secrets, namedSources, payloadReader, queue, metrics);

        return new IngestWiring(
                new ApiGatewayWebhookHandler(door), payloadReader, settings, secrets, Map.copyOf(namedSources));
    }

    /**
     * Each source {@code SOURCES} names, with its keys: from the Secrets Manager secret {@code SOURCE_SECRETS_ARN}
     * names (a JSON object from each source's {@code SOURCE_<NAME>_SECRETS} to its keys; kept a few minutes, read
     * again after), or from the {@code SOURCE_<NAME>_SECRETS} variables themselves.
     */
    static Map<SourceName, NamedSource> namedSources(EnvironmentVariables env) {
        Map<SourceName, NamedSource> sources = new LinkedHashMap<>();
        Optional<String> arn = env.optional(SOURCE_SECRETS_ARN);
        SourceSettings.sources(env).forEach((source, kind) -> {
            String variable = SourceSettings.secretsVariable(source);
            sources.put(
                    source,
                    new NamedSource(
                            kind,
                            arn.<SigningSecrets<SourceKeys>>map(secret -> new SigningSecrets<>(
                                            () -> Settings.sourceKeys(
                                                    env,
                                                    kind,
                                                    variable,
                                                    entryOf(Wiring.secretText(env, secret), variable)),
                                            Clock.systemUTC()))
                                    .orElseGet(() -> SigningSecrets.fixed(
                                            Settings.sourceKeys(env, kind, variable, env.required(variable))))));
        });
        return sources;
    }

    /** One source's keys from the JSON object {@code SOURCE_SECRETS_ARN}'s secret holds. */
    private static String entryOf(String json, String variable) {
        JsonNode entry;
        try {
            entry = SecretJson.MAPPER.readTree(json).path(variable);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(SOURCE_SECRETS_ARN + " names a secret that is not a JSON object");
        }
        if (!entry.isTextual()) {
            throw new IllegalStateException(SOURCE_SECRETS_ARN + " names a secret without a text " + variable);
        }
        return entry.asText();
    }

    /**
     * The signing secrets and public keys: from the Secrets Manager secret {@code WEBHOOK_SECRETS_ARN} names (kept
     * a few minutes, read again after), or from {@code WEBHOOK_SECRETS}; the same syntax in both.
     */
    static SigningSecrets<VerificationKeys> signingSecrets(EnvironmentVariables env) {
        return env.optional(WEBHOOK_SECRETS_ARN)
                .map(arn -> new SigningSecrets<>(
                        () -> Settings.verificationKeys(env, WEBHOOK_SECRETS_ARN, Wiring.secretText(env, arn)),
                        Clock.systemUTC()))
                .orElseGet(() -> SigningSecrets.fixed(Settings.verificationKeys(env)));
    }
}
