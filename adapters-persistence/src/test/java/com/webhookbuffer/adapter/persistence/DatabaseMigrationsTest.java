package com.webhookbuffer.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatabaseMigrationsTest {

    @Test
    void migratingAnUpToDateDatabaseAppliesNothing() {
        DatabaseSettings settings = TestPostgres.shared();

        assertThat(DatabaseMigrations.migrate(settings)).isZero();
    }

    @Test
    void theSchemaHasTheTablesOperatorsRead() throws Exception {
        DatabaseSettings settings = TestPostgres.shared();
        List<String> columns = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
                ResultSet rs = c.createStatement().executeQuery("SELECT table_name || '.' || column_name "
                        + "FROM information_schema.columns WHERE table_schema = 'public' "
                        + "AND table_name IN ('orders', 'order_items', 'processed_webhooks')")) {
            while (rs.next()) {
                columns.add(rs.getString(1));
            }
        }

        assertThat(columns).contains("orders.order_id", "orders.version", "orders.status", "orders.customer_id",
                "orders.currency", "orders.total", "orders.updated_at", "order_items.order_id",
                "order_items.line_no", "order_items.sku", "order_items.quantity", "order_items.unit_price",
                "processed_webhooks.webhook_id", "processed_webhooks.order_id", "processed_webhooks.outcome",
                "processed_webhooks.processed_at");
    }
}
