package com.webhookbuffer.adapter.persistence;

import com.webhookbuffer.domain.order.Adjustments;
import com.webhookbuffer.domain.order.CustomerId;
import com.webhookbuffer.domain.order.LineItem;
import com.webhookbuffer.domain.order.Money;
import com.webhookbuffer.domain.order.Order;
import com.webhookbuffer.domain.order.OrderId;
import com.webhookbuffer.domain.order.OrderStatus;
import com.webhookbuffer.domain.order.OrderVersion;
import com.webhookbuffer.domain.order.Sku;
import com.webhookbuffer.domain.order.StoreUnavailableException;
import com.webhookbuffer.domain.port.out.OrderRepository;
import com.webhookbuffer.domain.processing.OrderWrite;
import com.webhookbuffer.domain.processing.ProcessingOutcome;
import com.webhookbuffer.domain.queue.Delivery;
import com.webhookbuffer.domain.webhook.SourceName;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.LocalCacheScope;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link OrderRepository} on PostgreSQL through MyBatis.
 *
 * <p>A batch is one transaction: the idempotency rows and the order upserts commit together or not at all, so a
 * webhook delivered again (or raced by a second worker) has no second effect, and nothing half-written is ever
 * visible. The version guard is in the SQL ({@code ON CONFLICT ... WHERE orders.version < EXCLUDED.version}).
 *
 * <p>Failures: a transient one (see {@link SqlFailure}) rolls the batch back and answers retry-later for every
 * item. A permanent one means some item cannot be stored; the batch is then written again one item at a time,
 * each behind a savepoint, so only that item is poison and the rest go in.
 */
public final class MyBatisOrderRepository implements OrderRepository {

    private static final Logger LOG = LoggerFactory.getLogger(MyBatisOrderRepository.class);

    private final SqlSessionFactory sessions;
    private final AcknowledgeInTransaction acknowledgeInTransaction;

    public MyBatisOrderRepository(DataSource dataSource) {
        this(dataSource, AcknowledgeInTransaction.NOTHING);
    }

    /**
     * @param acknowledgeInTransaction run in each batch's transaction with the deliveries it acknowledged: the
     *     queue's deletion of them, when the queue lives in this database (exactly-once processing)
     */
    public MyBatisOrderRepository(DataSource dataSource, AcknowledgeInTransaction acknowledgeInTransaction) {
        this.acknowledgeInTransaction =
                Objects.requireNonNull(acknowledgeInTransaction, "acknowledgeInTransaction must not be null");
        Configuration configuration =
                new Configuration(new Environment("orders", new JdbcTransactionFactory(), dataSource));
        // Statements that write return rows (RETURNING) and are mapped as selects: nothing may be cached.
        configuration.setCacheEnabled(false);
        configuration.setLocalCacheScope(LocalCacheScope.STATEMENT);
        configuration.setObjectFactory(new RowFactory());
        configuration.addMapper(OrderMapper.class);
        this.sessions = new SqlSessionFactoryBuilder().build(configuration);
    }

    @Override
    public List<ProcessingOutcome> write(List<OrderWrite> batch) {
        return write(batch, List.of());
    }

    /**
     * As {@link #write(List)}, and the deliveries of the acknowledged items go to the
     * {@link AcknowledgeInTransaction} before the commit; with none given (or a batch from nowhere), nothing does.
     */
    @Override
    public List<ProcessingOutcome> write(List<OrderWrite> batch, List<Delivery> deliveries) {
        if (!deliveries.isEmpty() && deliveries.size() != batch.size()) {
            throw new IllegalArgumentException(
                    "one delivery per write: " + batch.size() + " writes, " + deliveries.size() + " deliveries");
        }
        if (batch.isEmpty()) {
            return List.of();
        }
        try (SqlSession session = sessions.openSession(false)) {
            try {
                List<ProcessingOutcome> outcomes = new BatchWrite(session.getMapper(OrderMapper.class), batch).run();
                acknowledge(session, deliveries, outcomes);
                // Forced: MyBatis skips the commit when only "selects" ran, and ours write (RETURNING).
                session.commit(true);
                return outcomes;
            } catch (RuntimeException e) {
                rollbackQuietly(session);
                if (SqlFailure.of(e) == SqlFailure.PERMANENT) {
                    LOG.warn(
                            "batch of {} hit a permanent failure ({}); writing it one item at a time",
                            batch.size(),
                            SqlFailure.describe(e));
                    return writeOneByOne(batch, deliveries);
                }
                return retryLater(batch.size(), e);
            }
        } catch (RuntimeException e) {
            return retryLater(batch.size(), e);
        }
    }

    /** Each item behind its own savepoint, all in one transaction: a poison item is skipped, the rest commit. */
    private List<ProcessingOutcome> writeOneByOne(List<OrderWrite> batch, List<Delivery> deliveries) {
        List<ProcessingOutcome> outcomes = new ArrayList<>(batch.size());
        try (SqlSession session = sessions.openSession(false)) {
            try {
                OrderMapper mapper = session.getMapper(OrderMapper.class);
                Connection connection = session.getConnection();
                for (OrderWrite write : batch) {
                    Savepoint savepoint = connection.setSavepoint();
                    try {
                        outcomes.add(
                                new BatchWrite(mapper, List.of(write)).run().getFirst());
                        connection.releaseSavepoint(savepoint);
                    } catch (RuntimeException e) {
                        if (SqlFailure.of(e) != SqlFailure.PERMANENT) {
                            throw e;
                        }
                        connection.rollback(savepoint);
                        String reason = "cannot be stored: " + SqlFailure.describe(e);
                        LOG.warn("webhook {} is poison: {}", write.webhookId(), reason);
                        outcomes.add(new ProcessingOutcome.Poison(reason));
                    }
                }
                acknowledge(session, deliveries, outcomes);
                session.commit(true);
                return outcomes;
            } catch (RuntimeException | SQLException e) {
                rollbackQuietly(session);
                return retryLater(batch.size(), e);
            }
        } catch (RuntimeException e) {
            return retryLater(batch.size(), e);
        }
    }

    /**
     * The stored order, if any, read through the same mapping the writes use: how tests read back what was
     * written (not a port: the service never reads orders). @throws StoreUnavailableException if unreachable
     */
    public Optional<Order> find(SourceName source, OrderId orderId) {
        try (SqlSession session = sessions.openSession(false)) {
            OrderMapper mapper = session.getMapper(OrderMapper.class);
            OrderRow row = mapper.selectOrder(source.value(), orderId.value());
            if (row == null) {
                return Optional.empty();
            }
            List<ItemRow> items = mapper.selectItems(source.value(), orderId.value());
            session.rollback(true);
            return Optional.of(toOrder(row, items));
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException) {
                throw e;
            }
            throw new StoreUnavailableException("reading order " + orderId + " failed: " + SqlFailure.describe(e), e);
        }
    }

    /** The stored order of the {@link SourceName#DEFAULT default} source, if any. */
    public Optional<Order> find(OrderId orderId) {
        return find(SourceName.DEFAULT, orderId);
    }

    /** Hands the deliveries of the acknowledged outcomes to the hook, inside the session's transaction. */
    private void acknowledge(SqlSession session, List<Delivery> deliveries, List<ProcessingOutcome> outcomes) {
        if (deliveries.isEmpty()) {
            return;
        }
        List<Delivery> acknowledged = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i) instanceof ProcessingOutcome.Written
                    || outcomes.get(i) instanceof ProcessingOutcome.Duplicate
                    || outcomes.get(i) instanceof ProcessingOutcome.Stale) {
                acknowledged.add(deliveries.get(i));
            }
        }
        try {
            acknowledgeInTransaction.acknowledge(session.getConnection(), acknowledged);
        } catch (SQLException e) {
            throw new AcknowledgeFailed(e);
        }
    }

    /** The hook's failure, carried out of the session to the rollback; its SQLSTATE classifies it. */
    private static final class AcknowledgeFailed extends RuntimeException {
        AcknowledgeFailed(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private static Order toOrder(OrderRow row, List<ItemRow> itemRows) {
        Currency currency = Money.currency(row.currency().strip());
        List<LineItem> items = itemRows.stream()
                .map(item -> new LineItem(Sku.of(item.sku()), item.quantity(), new Money(item.unitPrice(), currency)))
                .toList();
        return new Order(
                OrderId.of(row.orderId()),
                OrderVersion.of(row.version()),
                CustomerId.of(row.customerId()),
                OrderStatus.fromWireName(row.status())
                        .orElseThrow(() -> new IllegalStateException("unknown status in orders: " + row.status())),
                currency,
                items,
                new Adjustments(
                        new Money(row.discounts(), currency),
                        new Money(row.shipping(), currency),
                        new Money(row.fees(), currency),
                        new Money(row.tax(), currency),
                        row.taxIncluded()),
                new Money(row.total(), currency),
                row.updatedAt().toInstant());
    }

    /** The whole batch back to the queue: after the store's outage if it cannot be reached, else soon. */
    private static List<ProcessingOutcome> retryLater(int size, Throwable cause) {
        if (SqlFailure.of(cause) == SqlFailure.UNAVAILABLE) {
            String reason = "order store unavailable: " + SqlFailure.describe(cause);
            LOG.warn("batch of {} waits out the order store's outage: {}", size, reason);
            return Collections.nCopies(size, new ProcessingOutcome.StoreUnavailable(reason));
        }
        String reason = "order store failed: " + SqlFailure.describe(cause);
        LOG.warn("batch of {} will be retried: {}", size, reason);
        return Collections.nCopies(size, new ProcessingOutcome.RetryLater(reason));
    }

    private static void rollbackQuietly(SqlSession session) {
        try {
            session.rollback(true);
        } catch (RuntimeException ignored) {
            // The connection is likely gone; the server rolls the transaction back when it notices.
        }
    }
}
