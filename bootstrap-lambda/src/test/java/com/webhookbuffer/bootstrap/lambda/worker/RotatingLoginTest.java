package com.webhookbuffer.bootstrap.lambda.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.webhookbuffer.adapter.persistence.DatabaseLogin;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The worker's login when the place it is kept cannot be read for a moment: kept, and read again later. */
class RotatingLoginTest {

    private static final DatabaseLogin SNAPSHOTS = new DatabaseLogin("webhook_buffer_worker", "first");
    private static final DatabaseLogin ROTATED = new DatabaseLogin("webhook_buffer_worker", "second");

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-08T00:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    void aSecretThatCannotBeReadAfterARestoreKeepsTheSnapshotsLogin() {
        RotatingLogin login = new RotatingLogin(unreadable(), SNAPSHOTS, clock);

        assertThat(login.reread()).isFalse();
        assertThat(login.get()).isEqualTo(SNAPSHOTS);
    }

    @Test
    void aRefusedLoginReadsAgainOnceTheSecretIsBack() {
        AtomicReference<Supplier<DatabaseLogin>> source = new AtomicReference<>(unreadable());
        RotatingLogin login = new RotatingLogin(() -> source.get().get(), SNAPSHOTS, clock);
        login.reread();

        source.set(() -> ROTATED);
        assertThat(login.refused()).as("within the interval: no read").isFalse();
        now.set(now.get().plus(RotatingLogin.MIN_INTERVAL));
        assertThat(login.refused()).isTrue();
        assertThat(login.get()).isEqualTo(ROTATED);
    }

    private static Supplier<DatabaseLogin> unreadable() {
        return () -> {
            throw new IllegalStateException("Secrets Manager: service unavailable");
        };
    }
}
