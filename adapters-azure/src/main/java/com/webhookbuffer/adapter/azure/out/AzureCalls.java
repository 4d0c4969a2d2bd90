package com.webhookbuffer.adapter.azure.out;

import com.webhookbuffer.domain.queue.QueueUnavailableException;
import java.util.function.Supplier;

/** Runs an Azure Storage call as the ports promise: a failure of the service is a {@link QueueUnavailableException}. */
final class AzureCalls {

    private AzureCalls() {}

    static <T> T call(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            // The SDK reports the service's refusals as HttpResponseException and its own failures (I/O, timeouts)
            // as other runtime exceptions: each means the queue could not do it now.
            throw new QueueUnavailableException("Azure Storage " + operation + " failed: " + e.getMessage(), e);
        }
    }

    static void run(String operation, Runnable call) {
        call(operation, () -> {
            call.run();
            return null;
        });
    }
}
