package com.webhookbuffer.bootstrap.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.webhookbuffer.adapter.persistence.DatabaseSettings;
import com.webhookbuffer.bootstrap.local.parts.LocalDatabase;
import com.webhookbuffer.bootstrap.local.parts.LocalSettings;
import com.webhookbuffer.domain.testing.SampleWebhooks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./run-local} on its embedded PostgreSQL, killed with SIGKILL in the middle of a load: nothing ran its
 * shutdown, so its PostgreSQL is still running on the data folder. The next start finds that server, stops it
 * cleanly, starts again on the same data and writes every webhook the killed stack accepted, each exactly once.
 * The restarted stack also shows what it keeps: a private state folder, and a database that needs its password
 * and flushes every commit.
 */
class KilledStackTest {

    private static final Map<String, String> QUICK_RETRIES = Map.of(
            LocalSettings.VISIBILITY_TIMEOUT_SECONDS,
            "3",
            "RETRY_BACKOFF_BASE_SECONDS",
            "1",
            "RETRY_BACKOFF_CAP_SECONDS",
            "2",
            "OUTAGE_BACKOFF_BASE_SECONDS",
            "1",
            "OUTAGE_BACKOFF_CAP_SECONDS",
            "2",
            LocalSettings.DB_MAX_CONNECTIONS,
            // The queue's door (two connections) and one worker.
            "3");
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_EXECUTE);

    @Test
    void aStackKilledMidLoadRestartsOnItsDataAndWritesEveryAcceptedWebhookOnce(@TempDir Path state) throws Exception {
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean sending = new AtomicBoolean(true);
        long postgresPid;
        try (StackProcess process = new StackProcess(state, QUICK_RETRIES);
                StackClient client = process.awaitReady();
                ExecutorService senders = Executors.newFixedThreadPool(8)) {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                running.add(senders.submit(() -> {
                    while (sending.get()) {
                        int n = next.getAndIncrement();
                        try {
                            if (client.postSigned(
                                                    "wh_crash_" + n,
                                                    SampleWebhooks.order("ord_crash_" + n, 1)
                                                            .json())
                                            .statusCode()
                                    == 202) {
                                accepted.add("wh_crash_" + n);
                            }
                        } catch (UncheckedIOException | IllegalStateException stackGone) {
                            return;
                        }
                    }
                }));
            }
            // Killed while webhooks arrive and batches are being written.
            while (accepted.size() < 300
                    || client.status().get("counts").get("written").asLong() < 50) {
                Thread.sleep(10);
            }
            process.kill();
            process.awaitExit();
            sending.set(false);
            for (Future<?> sender : running) {
                sender.get();
            }
            postgresPid = Long.parseLong(
                    Files.readAllLines(state.resolve(LocalDatabase.DATA_FOLDER).resolve("postmaster.pid"))
                            .getFirst()
                            .strip());
        }
        assertThat(ProcessHandle.of(postgresPid).map(ProcessHandle::isAlive))
                .as("the killed stack's PostgreSQL outlived it, as after kill -9")
                .hasValue(true);

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Map<String, String> again = new HashMap<>(QUICK_RETRIES);
        again.putAll(Map.of(
                LocalSettings.HTTP_PORT,
                "0",
                LocalSettings.SQS_PORT,
                "0",
                LocalSettings.LOCAL_STATE_DIR,
                state.toString()));
        try (LocalStack restarted = LocalStack.start(
                        LocalSettings.from(again), new PrintStream(printed, true, StandardCharsets.UTF_8));
                StackClient client = new StackClient(restarted.baseUri(), restarted.secret())) {
            DatabaseSettings db = restarted.database();
            String acceptedIds = "'" + String.join("','", accepted) + "'";
            client.awaitStatus(
                    Duration.ofSeconds(90),
                    status -> StackClient.count(
                                    db,
                                    "SELECT count(*) FROM processed_webhooks WHERE webhook_id IN (" + acceptedIds + ")")
                            == accepted.size());
            System.out.printf(
                    "KilledStackTest: %d accepted before the kill, all written after the restart%n", accepted.size());
            String startLines = printed.toString(StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> line.contains("PostgreSQL:"))
                    .reduce("", (a, b) -> a + b + "\n");
            assertThat(startLines)
                    .contains("a server (pid " + postgresPid + ") is still running")
                    .contains("the left-over server stopped; its data is kept")
                    .doesNotContain("delete");
            assertThat(StackClient.count(
                            db,
                            "SELECT count(*) FROM processed_webhooks WHERE outcome = 'written'" + " AND webhook_id IN ("
                                    + acceptedIds + ")"))
                    .isEqualTo(accepted.size());
            assertThat(StackClient.count(db, "SELECT count(*) FROM orders WHERE webhook_id IN (" + acceptedIds + ")"))
                    .isEqualTo(accepted.size());
            assertThat(client.status().get("queue").get("deadLetterDepth").asLong())
                    .isZero();

            everythingKeptIsPrivate(state);
            theDatabaseNeedsItsPasswordAndFlushesEveryCommit(db);
        }
    }

    private static void everythingKeptIsPrivate(Path state) throws IOException {
        assertThat(Files.getPosixFilePermissions(state)).doesNotContainAnyElementsOf(GROUP_OR_OTHERS);
        try (Stream<Path> kept = Files.walk(state)) {
            for (Path path : kept.toList()) {
                if (Files.exists(path) && !Files.isSymbolicLink(path)) {
                    assertThat(Files.getPosixFilePermissions(path))
                            .as(path.toString())
                            .doesNotContainAnyElementsOf(GROUP_OR_OTHERS);
                }
            }
        }
        assertThat(Files.readString(state.resolve(LocalDatabase.DB_URL_FILE)))
                .contains(Files.readString(state.resolve(LocalDatabase.PASSWORD_FILE))
                        .strip());
    }

    private static void theDatabaseNeedsItsPasswordAndFlushesEveryCommit(DatabaseSettings db) throws SQLException {
        assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), db.user(), "not-the-password")
                        .close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                try (ResultSet value = connection.createStatement().executeQuery("SHOW " + setting)) {
                    value.next();
                    assertThat(value.getString(1)).as(setting).isEqualTo("on");
                }
            }
            try (ResultSet hba = connection
                    .createStatement()
                    .executeQuery("SELECT count(*) FROM pg_hba_file_rules WHERE auth_method <> 'scram-sha-256'")) {
                hba.next();
                assertThat(hba.getLong(1))
                        .as("pg_hba.conf rules other than scram-sha-256")
                        .isZero();
            }
        }
    }
}
