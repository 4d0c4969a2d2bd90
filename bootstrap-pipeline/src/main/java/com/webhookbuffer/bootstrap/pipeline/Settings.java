package com.webhookbuffer.bootstrap.pipeline;

import com.webhookbuffer.application.ingest.IngestSettings;
import com.webhookbuffer.domain.processing.RetryBackoff;
import com.webhookbuffer.domain.processing.RetryPolicy;
import com.webhookbuffer.domain.webhook.PlatformSecrets;
import com.webhookbuffer.domain.webhook.SourceKeys;
import com.webhookbuffer.domain.webhook.SourceKind;
import com.webhookbuffer.domain.webhook.VerificationKeys;
import java.time.Duration;
import java.util.List;

/**
 * The settings every bootstrap reads the same way, whichever cloud runs it: their variable names (one name per
 * setting, in the SAM template, the Azure template, the local stack and docs/settings.md) and their readers. A cloud's own
 * settings (queue addresses, secret references, endpoints) are its bootstrap's.
 */
public final class Settings {

    public static final String WEBHOOK_SECRETS = "WEBHOOK_SECRETS";
    public static final String WEBHOOK_TOLERANCE_SECONDS = "WEBHOOK_TOLERANCE_SECONDS";
    public static final String MAX_BODY_BYTES = "MAX_BODY_BYTES";
    public static final String DB_URL = "DB_URL";
    public static final String DB_USER = "DB_USER";
    public static final String DB_PASSWORD = "DB_PASSWORD";
    public static final String DB_POOL_SIZE = "DB_POOL_SIZE";
    public static final String RETRY_BACKOFF_BASE_SECONDS = "RETRY_BACKOFF_BASE_SECONDS";
    public static final String RETRY_BACKOFF_CAP_SECONDS = "RETRY_BACKOFF_CAP_SECONDS";
    /** The backoff while the order store is unreachable: long enough for a database's maintenance. */
    public static final String OUTAGE_BACKOFF_BASE_SECONDS = "OUTAGE_BACKOFF_BASE_SECONDS";

    public static final String OUTAGE_BACKOFF_CAP_SECONDS = "OUTAGE_BACKOFF_CAP_SECONDS";

    /** Every variable read here. */
    public static final List<String> VARIABLES = List.of(
            WEBHOOK_SECRETS,
            SourceSettings.SOURCES,
            WEBHOOK_TOLERANCE_SECONDS,
            MAX_BODY_BYTES,
            DB_URL,
            DB_USER,
            DB_PASSWORD,
            DB_POOL_SIZE,
            RETRY_BACKOFF_BASE_SECONDS,
            RETRY_BACKOFF_CAP_SECONDS,
            OUTAGE_BACKOFF_BASE_SECONDS,
            OUTAGE_BACKOFF_CAP_SECONDS);

    private Settings() {}

    /** The door's settings: {@code WEBHOOK_TOLERANCE_SECONDS} and {@code MAX_BODY_BYTES}, with the keys in force. */
    public static IngestSettings ingest(EnvironmentVariables env, VerificationKeys keys) {
        return new IngestSettings(
                keys,
                Duration.ofSeconds(env.integer(WEBHOOK_TOLERANCE_SECONDS, 300, 1, 86_400)),
                env.integer(
                        MAX_BODY_BYTES, IngestSettings.DEFAULT_MAX_BODY_BYTES, 1, IngestSettings.MAX_BODY_BYTES_LIMIT),
                IngestSettings.DEFAULT_RETRY_AFTER);
    }

    /** The signing secrets and public keys {@code WEBHOOK_SECRETS} holds. */
    public static VerificationKeys verificationKeys(EnvironmentVariables env) {
        return verificationKeys(env, WEBHOOK_SECRETS, env.required(WEBHOOK_SECRETS));
    }

    /**
     * {@code whsec_} secrets and {@code whpk_} public keys in any mix, separated by commas or spaces, as
     * {@code variable} (or the secret it names) gave them ({@link VerificationKeys#parse}).
     */
    public static VerificationKeys verificationKeys(EnvironmentVariables env, String variable, String text) {
        return env.parsed(variable, text, VerificationKeys::parse);
    }

    /**
     * A named source's keys as its kind reads them from {@code variable} (or the secret it names): Standard
     * Webhooks' as {@link #verificationKeys(EnvironmentVariables, String, String)}; a platform's shared secrets one
     * per line ({@link PlatformSecrets#parse}), since they are free text.
     */
    public static SourceKeys sourceKeys(EnvironmentVariables env, SourceKind kind, String variable, String text) {
        return switch (kind) {
            case STANDARD_WEBHOOKS -> verificationKeys(env, variable, text);
            case SHOPIFY, WOOCOMMERCE -> env.parsed(variable, text, PlatformSecrets::parse);
        };
    }

    /**
     * The worker's backoffs: after a transient failure ({@code RETRY_BACKOFF_BASE_SECONDS},
     * {@code RETRY_BACKOFF_CAP_SECONDS}) and while the order store is unreachable ({@code OUTAGE_BACKOFF_BASE_SECONDS},
     * {@code OUTAGE_BACKOFF_CAP_SECONDS}).
     */
    public static RetryPolicy retryPolicy(EnvironmentVariables env) {
        return new RetryPolicy(
                backoff(env, RETRY_BACKOFF_BASE_SECONDS, RETRY_BACKOFF_CAP_SECONDS, RetryBackoff.DEFAULT),
                backoff(
                        env,
                        OUTAGE_BACKOFF_BASE_SECONDS,
                        OUTAGE_BACKOFF_CAP_SECONDS,
                        RetryPolicy.DEFAULT_STORE_OUTAGE));
    }

    private static RetryBackoff backoff(
            EnvironmentVariables env, String baseName, String capName, RetryBackoff defaults) {
        int most = (int) RetryBackoff.MAX_CAP.toSeconds();
        int base = env.integer(baseName, (int) defaults.base().toSeconds(), 1, most);
        int cap = env.integer(capName, (int) defaults.cap().toSeconds(), 1, most);
        if (cap < base) {
            throw new IllegalStateException(capName + " (" + cap + ") must be >= " + baseName + " (" + base + ")");
        }
        return new RetryBackoff(Duration.ofSeconds(base), Duration.ofSeconds(cap));
    }

    /** The database as {@code DB_URL}, {@code DB_USER} and {@code DB_PASSWORD} give it. */
    public static DatabaseVariables database(EnvironmentVariables env) {
        return new DatabaseVariables(env.required(DB_URL), env.required(DB_USER), env.required(DB_PASSWORD));
    }

    /** The database's address and login as the environment gives them, before an adapter makes its settings. */
    public record DatabaseVariables(String url, String user, String password) {}
}
