package com.webhookbuffer.bootstrap.lambda.worker;

import com.webhookbuffer.adapter.persistence.DatabaseLogin;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's database login, read from where it is kept (a Secrets Manager secret that rotates) and kept until
 * the database refuses it. Then it is read again, at most once every {@link #MIN_INTERVAL}: a wrong password is
 * not tried for long, and a flood of failing logins does not become a flood of secret reads.
 */
final class RotatingLogin implements Supplier<DatabaseLogin> {

    static final Duration MIN_INTERVAL = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(RotatingLogin.class);

    private final Supplier<DatabaseLogin> source;
    private final Clock clock;
    private volatile DatabaseLogin current;
    private Instant readAt;

    RotatingLogin(Supplier<DatabaseLogin> source, DatabaseLogin first, Clock clock) {
        this.source = Objects.requireNonNull(source, "source must not be null");
        this.current = Objects.requireNonNull(first, "first must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.readAt = clock.instant();
    }

    @Override
    public DatabaseLogin get() {
        return current;
    }

    /**
     * The database refused the login: reads it again unless that was done less than {@link #MIN_INTERVAL} ago.
     * Returns whether the login changed, so the caller knows a second try is worth it.
     */
    synchronized boolean refused() {
        if (Duration.between(readAt, clock.instant()).compareTo(MIN_INTERVAL) < 0) {
            return false;
        }
        return reread();
    }

    /**
     * Reads the login again now (after a SnapStart restore: the snapshot's may be long stale). A read that fails (a
     * Secrets Manager hiccup) keeps the login held and returns false: the login may well still be good, and if the
     * database refuses it, that refusal reads again. Failing here instead would fail the restore, and with it the
     * batch and a receive of every message in it.
     */
    synchronized boolean reread() {
        DatabaseLogin fresh;
        try {
            fresh = source.get();
        } catch (RuntimeException e) {
            LOG.atWarn()
                    .addKeyValue("event", "database.login_unread")
                    .log("the database login could not be read again; keeping the one held: {}", e.toString());
            readAt = clock.instant();
            return false;
        }
        readAt = clock.instant();
        boolean changed = !fresh.equals(current);
        current = fresh;
        return changed;
    }
}
