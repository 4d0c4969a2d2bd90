package com.webhookbuffer.adapter.persistence;

import static com.webhookbuffer.domain.testing.TestOrders.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.webhookbuffer.domain.order.OrderId;
import com.webhookbuffer.domain.processing.OrderWrite;
import com.webhookbuffer.domain.processing.ProcessingOutcome;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database failing under a batch: whatever happens, the batch answers retry-later for every item, nothing of
 * it is visible afterwards, and the retry succeeds once the database is back.
 */
class OrderStoreFaultsTest {

    private static List<OrderWrite> batchWithASlowItem(String prefix) {
        return List.of(
                write(prefix + "_a", prefix + "_ord_a", 1),
                write(prefix + "_b", prefix + "_ord_b", 2),
                SlowItems.write(prefix + "_slow", prefix + "_ord_slow"),
                write(prefix + "_c", prefix + "_ord_c", 1));
    }

    private static long count(DatabaseSettings settings, String sql) {
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until a backend of {@code applicationName} is asleep in the slow trigger. */
    private static void awaitSleeping(DatabaseSettings settings, String applicationName) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (count(
                            settings,
                            "SELECT count(*) FROM pg_stat_activity WHERE application_name = '" + applicationName
                                    + "' AND wait_event = 'PgSleep'")
                    > 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the batch never reached the slow item");
    }

    private static void assertAllRetryLater(List<ProcessingOutcome> outcomes, String reasonPart) {
        assertThat(outcomes).hasSize(4).allSatisfy(outcome -> {
            assertThat(outcome).isInstanceOf(ProcessingOutcome.RetryLater.class);
            assertThat(((ProcessingOutcome.RetryLater) outcome).reason()).contains(reasonPart);
        });
    }

    /** A connection lost or refused: the batch waits out the store's outage, not a few seconds. */
    private static void assertAllStoreUnavailable(List<ProcessingOutcome> outcomes) {
        assertThat(outcomes).hasSize(4).allSatisfy(outcome -> {
            assertThat(outcome).isInstanceOf(ProcessingOutcome.StoreUnavailable.class);
            assertThat(((ProcessingOutcome.StoreUnavailable) outcome).reason()).startsWith("order store unavailable");
        });
    }

    @Test
    void connectionKilledMidBatchIsStoreUnavailableWithNothingHalfWritten() throws Exception {
        DatabaseSettings settings = TestPostgres.shared().withApplicationName("webhook-buffer-kill-test");
        SlowItems.install(settings, 30);
        try (HikariDataSource pool = ConnectionPool.open(settings);
                ExecutorService thread = Executors.newSingleThreadExecutor()) {
            MyBatisOrderRepository repository = new MyBatisOrderRepository(pool);
            CompletableFuture<List<ProcessingOutcome>> writing =
                    CompletableFuture.supplyAsync(() -> repository.write(batchWithASlowItem("kill")), thread);

            awaitSleeping(settings, "webhook-buffer-kill-test");
            TestPostgres.execute(
                    settings,
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                            + "WHERE application_name = 'webhook-buffer-kill-test'");

            assertAllStoreUnavailable(writing.get(30, TimeUnit.SECONDS));
            assertThat(count(settings, "SELECT count(*) FROM processed_webhooks WHERE webhook_id LIKE 'kill%'"))
                    .isZero();
            assertThat(count(settings, "SELECT count(*) FROM orders WHERE order_id LIKE 'kill%'"))
                    .isZero();

            SlowItems.remove(settings);
            assertThat(repository.write(batchWithASlowItem("kill"))).containsOnly(ProcessingOutcome.WRITTEN);
            assertThat(repository.find(OrderId.of("kill_ord_slow"))).isPresent();
        } finally {
            SlowItems.remove(settings);
        }
    }

    @Test
    void statementThatRunsPastTheTimeoutIsCancelledAndRetryLater() {
        DatabaseSettings settings = TestPostgres.shared()
                .withApplicationName("webhook-buffer-timeout-test")
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500));
        SlowItems.install(settings, 5);
        try (HikariDataSource pool = ConnectionPool.open(settings)) {
            List<ProcessingOutcome> outcomes = new MyBatisOrderRepository(pool).write(batchWithASlowItem("slow"));

            assertAllRetryLater(outcomes, "SQLState 57014");
            assertThat(count(settings, "SELECT count(*) FROM processed_webhooks WHERE webhook_id LIKE 'slow%'"))
                    .isZero();
        } finally {
            SlowItems.remove(settings);
        }
    }

    /**
     * A PostgreSQL of its own, stopped while a batch is half done and started again on the same data: store-unavailable
     * while it is down, nothing of the batch survived, and the retry writes it all.
     */
    @Test
    void databaseStoppedMidBatchThenRestartedLosesNothingAndTheRetrySucceeds(@TempDir Path dataDirectory)
            throws Exception {
        int port = freePort();
        EmbeddedPostgres postgres = start(dataDirectory, port);
        DatabaseSettings settings = DatabaseSettings.of(
                        postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres")
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(30));
        DatabaseMigrations.migrate(settings);
        SlowItems.install(settings, 30);
        try (HikariDataSource pool = ConnectionPool.open(settings);
                ExecutorService thread = Executors.newSingleThreadExecutor()) {
            MyBatisOrderRepository repository = new MyBatisOrderRepository(pool);
            CompletableFuture<List<ProcessingOutcome>> writing =
                    CompletableFuture.supplyAsync(() -> repository.write(batchWithASlowItem("stop")), thread);
            awaitSleeping(settings, DatabaseSettings.DEFAULT_APPLICATION_NAME);

            postgres.close();

            assertAllStoreUnavailable(writing.get(30, TimeUnit.SECONDS));
            assertAllStoreUnavailable(repository.write(batchWithASlowItem("stop")));

            postgres = start(dataDirectory, port);
            assertThat(count(settings, "SELECT count(*) FROM processed_webhooks"))
                    .isZero();
            assertThat(count(settings, "SELECT count(*) FROM orders")).isZero();
            SlowItems.remove(settings);

            assertThat(repository.write(batchWithASlowItem("stop"))).containsOnly(ProcessingOutcome.WRITTEN);
            assertThat(count(settings, "SELECT count(*) FROM order_items"))
                    .isEqualTo(1
                            + write("x", "y", 1).update().order().items().size()
                            + write("x", "y", 2).update().order().items().size()
                            + write("x", "y", 1).update().order().items().size());
        } finally {
            TestPostgres.closeQuietly(postgres);
        }
    }

    private static EmbeddedPostgres start(Path dataDirectory, int port) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory.resolve("pgdata"))
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
