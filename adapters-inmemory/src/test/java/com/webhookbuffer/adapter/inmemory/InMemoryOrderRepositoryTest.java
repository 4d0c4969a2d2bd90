package com.webhookbuffer.adapter.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import com.webhookbuffer.domain.order.Order;
import com.webhookbuffer.domain.order.OrderId;
import com.webhookbuffer.domain.port.out.OrderRepositoryContract;
import com.webhookbuffer.domain.processing.ProcessingOutcome;
import com.webhookbuffer.domain.testing.TestOrders;
import com.webhookbuffer.domain.webhook.SourceName;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryOrderRepositoryTest extends OrderRepositoryContract<InMemoryOrderRepository> {

    @Override
    protected InMemoryOrderRepository newRepository() {
        return new InMemoryOrderRepository();
    }

    @Override
    protected Optional<Order> find(SourceName source, OrderId orderId) {
        return repository.find(source, orderId);
    }

    @Test
    void anUnavailableStoreAnswersStoreUnavailableForEveryItemAndKeepsNothing() {
        repository.setAvailable(false);

        List<ProcessingOutcome> outcomes =
                repository.write(List.of(TestOrders.write("wh_1", "ord_1", 1), TestOrders.write("wh_2", "ord_2", 1)));

        assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOf(ProcessingOutcome.StoreUnavailable.class));
        repository.setAvailable(true);
        assertThat(repository.size()).isZero();
        assertThat(repository.write(List.of(TestOrders.write("wh_1", "ord_1", 1))))
                .containsExactly(ProcessingOutcome.WRITTEN);
    }
}
