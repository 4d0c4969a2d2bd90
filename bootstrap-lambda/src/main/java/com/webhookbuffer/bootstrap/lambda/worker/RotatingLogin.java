package com.webhookbuffer.bootstrap.lambda.worker;

import com.webhookbuffer.adapter.persistence.DatabaseLogin;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The worker's database login, read from where it is kept (a Secrets Manager secret that rotates) and kept until
 * the database refuses it. Then it is read again, at most once every {@link #MIN_INTERVAL}: a wrong password is
 * not tried for long, and a flood of failing logins does not become a flood of secret reads.
 */
final class RotatingLogin implements Supplier<DatabaseLogin> {

    static final Duration MIN_INTERVAL = Duration.ofSeconds(5);

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

    /** Reads the login again now (after a SnapStart restore: the snapshot's may be long stale). */
    synchronized boolean reread() {
        DatabaseLogin fresh = source.get();
        readAt = clock.instant();
        boolean changed = !fresh.equals(current);
        current = fresh;
        return changed;
    }
}
