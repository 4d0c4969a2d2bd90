package com.webhookbuffer.bootstrap.lambda;

import com.webhookbuffer.domain.webhook.WebhookSecret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook signing secrets in force, as the ingest function asks for them at every request: from
 * {@code WEBHOOK_SECRETS}, or from the Secrets Manager secret {@code WEBHOOK_SECRETS_ARN} names, kept for at most
 * {@link #MAX_AGE} so that a rotation reaches every running environment within minutes, without a redeploy.
 * A read that fails keeps the secrets last read: a Secrets Manager hiccup must not turn into 401s.
 */
final class SigningSecrets implements Supplier<List<WebhookSecret>> {

    static final Duration MAX_AGE = Duration.ofMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(SigningSecrets.class);

    private final Supplier<List<WebhookSecret>> source;
    private final Clock clock;
    private volatile List<WebhookSecret> current;
    private volatile Instant readAt;

    /** Reads the secrets once now: a function that cannot read them at init must not start. */
    SigningSecrets(Supplier<List<WebhookSecret>> source, Clock clock) {
        this.source = Objects.requireNonNull(source, "source must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.current = source.get();
        this.readAt = clock.instant();
    }

    @Override
    public List<WebhookSecret> get() {
        if (Duration.between(readAt, clock.instant()).compareTo(MAX_AGE) >= 0) {
            reread();
        }
        return current;
    }

    /** Reads them again now (after a SnapStart restore: the snapshot's may be old). */
    synchronized void reread() {
        try {
            current = source.get();
        } catch (RuntimeException e) {
            LOG.warn("the webhook signing secrets could not be read again; keeping the ones read before: {}",
                    e.toString());
        }
        readAt = clock.instant();
    }
}
