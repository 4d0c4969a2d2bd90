package com.webhookbuffer.adapter.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import com.webhookbuffer.domain.port.out.OrderRepository;
import com.webhookbuffer.domain.port.out.OrderRepositoryContract;
import com.webhookbuffer.domain.processing.ProcessingOutcome;
import com.webhookbuffer.domain.testing.TestOrders;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryOrderRepositoryTest extends OrderRepositoryContract {

    @Override
    protected OrderRepository newRepository() {
        return new InMemoryOrderRepository();
    }

    @Test
    void anUnavailableStoreAnswersRetryLaterForEveryItemAndKeepsNothing() {
        InMemoryOrderRepository inMemory = (InMemoryOrderRepository) repository;
        inMemory.setAvailable(false);

        List<ProcessingOutcome> outcomes = repository.write(List.of(
                TestOrders.write("wh_1", "ord_1", 1), TestOrders.write("wh_2", "ord_2", 1)));

        assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOf(ProcessingOutcome.RetryLater.class));
        inMemory.setAvailable(true);
        assertThat(inMemory.size()).isZero();
        assertThat(repository.write(List.of(TestOrders.write("wh_1", "ord_1", 1))))
                .containsExactly(ProcessingOutcome.WRITTEN);
    }
}
