package com.webhookbuffer.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.webhookbuffer.domain.order.OrderId;
import com.webhookbuffer.domain.webhook.SourceName;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

class DatabaseMigrationsTest {

    @Test
    void migratingAnUpToDateDatabaseAppliesNothing() {
        DatabaseSettings settings = TestPostgres.shared();

        assertThat(DatabaseMigrations.migrate(settings)).isZero();
    }

    @Test
    void ordersStoredBeforeSourcesBelongToTheDefaultSourceAndKeepEveryRow() throws Exception {
        DatabaseSettings server = TestPostgres.shared();
        TestPostgres.execute(server, "DROP DATABASE IF EXISTS before_sources", "CREATE DATABASE before_sources");
        DatabaseSettings old = DatabaseSettings.of(
                server.jdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/before_sources$1"), server.user(), server.password());
        Flyway.configure()
                .dataSource(old.jdbcUrl(), old.user(), old.password())
                .locations("classpath:db/migration")
                .target("1")
                .load()
                .migrate();
        TestPostgres.execute(
                old,
                "INSERT INTO orders (order_id, version, status, customer_id, currency, total, updated_at, event_type,"
                        + " webhook_id) VALUES ('ord_1', 2, 'paid', 'cus_1', 'EUR', 10.00, now(), 'order.updated',"
                        + " 'wh_2')",
                "INSERT INTO order_items (order_id, line_no, sku, quantity, unit_price)"
                        + " VALUES ('ord_1', 1, 'SKU-1', 1, 10.00)",
                "INSERT INTO processed_webhooks (webhook_id, order_id, outcome) VALUES ('wh_1', 'ord_1', 'written'),"
                        + " ('wh_2', 'ord_1', 'written')");

        assertThat(DatabaseMigrations.run(old).schemaVersion()).isEqualTo("3");

        assertThat(TestPostgres.count(old, "SELECT count(*) FROM orders WHERE source = 'default'"))
                .isEqualTo(1);
        assertThat(TestPostgres.count(old, "SELECT count(*) FROM order_items WHERE source = 'default'"))
                .isEqualTo(1);
        assertThat(TestPostgres.count(old, "SELECT count(*) FROM processed_webhooks WHERE source = 'default'"))
                .isEqualTo(2);
        try (HikariDataSource pool = ConnectionPool.open(old)) {
            MyBatisOrderRepository repository = new MyBatisOrderRepository(pool);
            assertThat(repository.find(OrderId.of("ord_1")))
                    .hasValueSatisfying(
                            order -> assertThat(order.version().value()).isEqualTo(2));
            assertThat(repository.find(SourceName.of("shop"), OrderId.of("ord_1")))
                    .isEmpty();
        }
    }

    @Test
    void theSchemaHasTheTablesOperatorsRead() throws Exception {
        DatabaseSettings settings = TestPostgres.shared();
        List<String> columns = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT table_name || '.' || column_name "
                                + "FROM information_schema.columns WHERE table_schema = 'public' "
                                + "AND table_name IN ('orders', 'order_items', 'processed_webhooks')")) {
            while (rs.next()) {
                columns.add(rs.getString(1));
            }
        }

        assertThat(columns)
                .contains(
                        "orders.order_id",
                        "orders.version",
                        "orders.status",
                        "orders.customer_id",
                        "orders.currency",
                        "orders.total",
                        "orders.updated_at",
                        "orders.source",
                        "order_items.source",
                        "order_items.order_id",
                        "order_items.line_no",
                        "order_items.sku",
                        "order_items.quantity",
                        "order_items.unit_price",
                        "processed_webhooks.webhook_id",
                        "processed_webhooks.order_id",
                        "processed_webhooks.outcome",
                        "processed_webhooks.processed_at",
                        "processed_webhooks.source");
    }
}
