package com.webhookbuffer.bootstrap.azure;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import com.microsoft.azure.functions.annotation.QueueTrigger;
import java.util.Optional;

/**
 * The two Azure Functions: {@code webhooks} ({@code POST /api/webhooks}, answered exactly as on AWS) and
 * {@code worker} (one queue message per invocation; the host runs up to {@code batchSize + newBatchThreshold} at
 * once per instance, see {@code host.json}). The host makes a new instance of this class per invocation; the wiring
 * is made once per worker process, by each side on its first call.
 */
public class WebhookFunctions {

    @FunctionName("webhooks")
    public HttpResponseMessage webhooks(
            @HttpTrigger(
                            name = "request",
                            methods = {HttpMethod.POST},
                            route = "webhooks/{source?}",
                            authLevel = AuthorizationLevel.ANONYMOUS,
                            dataType = "binary")
                    HttpRequestMessage<Optional<byte[]>> request,
            @BindingName("source") String source,
            ExecutionContext context) {
        return IngestSide.WIRING.handler().handle(request, source, context.getInvocationId());
    }

    @FunctionName("worker")
    public void worker(
            @QueueTrigger(name = "message", queueName = "%QUEUE_NAME%", connection = AzureWiring.STORAGE_CONNECTION)
                    String message,
            @BindingName("Id") String id,
            @BindingName("PopReceipt") String popReceipt,
            @BindingName("DequeueCount") long dequeueCount) {
        WorkerSide.WIRING.handler().handle(message, id, popReceipt, dequeueCount);
    }

    /** Made on the HTTP function's first call (the JVM's class initialisation is the lock). */
    private static final class IngestSide {
        static final AzureWiring.Ingest WIRING = AzureWiring.Ingest.from(System.getenv());
    }

    /** Made on the worker's first call: only then is a database pool opened. */
    private static final class WorkerSide {
        static final AzureWiring.Worker WIRING = AzureWiring.Worker.from(System.getenv());
    }
}
