package com.webhookbuffer.domain.port.out;

import static com.webhookbuffer.domain.testing.TestOrders.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.webhookbuffer.domain.processing.OrderWrite;
import com.webhookbuffer.domain.processing.ProcessingOutcome;
import com.webhookbuffer.domain.queue.Delivery;
import com.webhookbuffer.domain.queue.Envelope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A repository that does not share the queue's database writes a batch with its deliveries as without them. */
class OrderRepositoryDeliveriesTest {

    private final List<List<OrderWrite>> written = new ArrayList<>();
    private final OrderRepository repository = batch -> {
        written.add(batch);
        return batch.stream()
                .map(write -> (ProcessingOutcome) ProcessingOutcome.WRITTEN)
                .toList();
    };

    private static Delivery delivery(String id) {
        return new Delivery(id, "receipt-" + id, 1, new Envelope("{}", Map.of()));
    }

    @Test
    void theDeliveriesChangeNothingForARepositoryThatDoesNotShareTheQueuesDatabase() {
        List<OrderWrite> batch = List.of(write("wh_1", "ord_1", 1), write("wh_2", "ord_2", 1));

        List<ProcessingOutcome> outcomes = repository.write(batch, List.of(delivery("1"), delivery("2")));

        assertThat(written).containsExactly(batch);
        assertThat(outcomes).containsExactly(ProcessingOutcome.WRITTEN, ProcessingOutcome.WRITTEN);
    }

    @Test
    void aDeliveryMissingOrLeftOverIsRefusedBeforeAnythingIsWritten() {
        List<OrderWrite> batch = List.of(write("wh_1", "ord_1", 1));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> repository.write(batch, List.of()))
                .withMessageContaining("one delivery per write");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> repository.write(batch, List.of(delivery("1"), delivery("2"))));
        assertThat(written).isEmpty();
    }
}
