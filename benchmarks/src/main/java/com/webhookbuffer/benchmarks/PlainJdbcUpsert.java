package com.webhookbuffer.benchmarks;

import com.webhookbuffer.domain.order.LineItem;
import com.webhookbuffer.domain.order.Order;
import com.webhookbuffer.domain.processing.OrderWrite;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import javax.sql.DataSource;

/**
 * The baseline: the same rows written with plain JDBC batches and nothing else (no outcome per item, no
 * poison isolation, no duplicate detection beyond ON CONFLICT). What a hand-written upsert costs.
 */
final class PlainJdbcUpsert {

    private final DataSource dataSource;

    PlainJdbcUpsert(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void write(List<OrderWrite> batch) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement claim = connection.prepareStatement(
                            "INSERT INTO processed_webhooks (source, webhook_id, order_id, outcome) VALUES (?, ?, ?,"
                                    + " 'written') ON CONFLICT (source, webhook_id) DO NOTHING");
                    PreparedStatement upsert = connection.prepareStatement(
                            "INSERT INTO orders (source, order_id, version, status, customer_id, currency, total, "
                                    + "updated_at, event_type, webhook_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                                    + "ON CONFLICT (source, order_id) DO UPDATE SET version = EXCLUDED.version, "
                                    + "status = EXCLUDED.status, customer_id = EXCLUDED.customer_id, "
                                    + "currency = EXCLUDED.currency, total = EXCLUDED.total, "
                                    + "updated_at = EXCLUDED.updated_at, event_type = EXCLUDED.event_type, "
                                    + "webhook_id = EXCLUDED.webhook_id, written_at = now() "
                                    + "WHERE orders.version < EXCLUDED.version");
                    PreparedStatement deleteItems =
                            connection.prepareStatement("DELETE FROM order_items WHERE source = ? AND order_id = ?");
                    PreparedStatement insertItem = connection.prepareStatement(
                            "INSERT INTO order_items (source, order_id, line_no, sku, quantity, unit_price) "
                                    + "VALUES (?, ?, ?, ?, ?, ?)")) {
                for (OrderWrite write : batch) {
                    Order order = write.update().order();
                    String source = write.source().value();
                    claim.setString(1, source);
                    claim.setString(2, write.webhookId().value());
                    claim.setString(3, order.id().value());
                    claim.addBatch();
                    upsert.setString(1, source);
                    upsert.setString(2, order.id().value());
                    upsert.setLong(3, order.version().value());
                    upsert.setString(4, order.status().wireName());
                    upsert.setString(5, order.customerId().value());
                    upsert.setString(6, order.currency().getCurrencyCode());
                    upsert.setBigDecimal(7, order.total().amount());
                    upsert.setTimestamp(8, Timestamp.from(order.updatedAt()));
                    upsert.setString(9, write.update().type().wireName());
                    upsert.setString(10, write.webhookId().value());
                    upsert.addBatch();
                    deleteItems.setString(1, source);
                    deleteItems.setString(2, order.id().value());
                    deleteItems.addBatch();
                    List<LineItem> items = order.items();
                    for (int line = 0; line < items.size(); line++) {
                        insertItem.setString(1, source);
                        insertItem.setString(2, order.id().value());
                        insertItem.setInt(3, line + 1);
                        insertItem.setString(4, items.get(line).sku().value());
                        insertItem.setInt(5, items.get(line).quantity());
                        insertItem.setBigDecimal(6, items.get(line).unitPrice().amount());
                        insertItem.addBatch();
                    }
                }
                claim.executeBatch();
                upsert.executeBatch();
                deleteItems.executeBatch();
                insertItem.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }
    }
}
