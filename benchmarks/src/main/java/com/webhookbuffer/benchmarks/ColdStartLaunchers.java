package com.webhookbuffer.benchmarks;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.webhookbuffer.adapter.aws.out.SqsClients;
import com.webhookbuffer.application.ingest.WebhookSignature;
import com.webhookbuffer.bootstrap.lambda.ingest.IngestFunction;
import com.webhookbuffer.domain.webhook.WebhookSecret;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What a fresh JVM runs in the cold-start benchmark, each printing the milliseconds from JVM start to its first
 * answer: {@link Ingest} builds {@code IngestFunction} from the environment and handles one signed webhook;
 * {@link BareSqs} only builds an SQS client and sends one message (the baseline any ingest pays).
 */
final class ColdStartLaunchers {

    private ColdStartLaunchers() {
    }

    static long sinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    /** Runs the real function against the queue in QUEUE_URL. */
    static final class Ingest {
        public static void main(String[] args) {
            IngestFunction function = new IngestFunction();
            long now = Instant.now().getEpochSecond();
            byte[] body = ("{\"type\":\"order.created\",\"timestamp\":\"2026-11-26T14:00:00Z\",\"data\":{\"orderId\":"
                    + "\"ord_1\",\"version\":1,\"customerId\":\"cus_1\",\"status\":\"placed\",\"currency\":\"EUR\","
                    + "\"items\":[{\"sku\":\"SKU-1\",\"quantity\":2,\"unitPrice\":\"19.99\"}],\"total\":\"39.98\"}}")
                    .getBytes(StandardCharsets.UTF_8);
            APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
            event.setHeaders(Map.of("content-type", "application/json", "webhook-id", "msg_cold",
                    "webhook-timestamp", Long.toString(now), "webhook-signature",
                    WebhookSignature.sign(WebhookSecret.parse(System.getenv("WEBHOOK_SECRETS")), "msg_cold", now, body)));
            event.setBody(new String(body, StandardCharsets.UTF_8));
            APIGatewayV2HTTPResponse response = function.handleRequest(event, null);
            report(response.getStatusCode());
        }
    }

    /** Only an SQS client and one send. */
    static final class BareSqs {
        public static void main(String[] args) {
            SqsClient sqs = SqsClients.forEndpoint(URI.create(System.getenv("AWS_ENDPOINT_URL_SQS")), Region.US_EAST_1);
            sqs.sendMessage(send -> send.queueUrl(System.getenv("QUEUE_URL")).messageBody("{}"));
            report(200);
        }
    }

    private static void report(int status) {
        // The parent reads this line; a benchmark child has no other audience.
        System.out.println("COLD " + sinceJvmStart() + " " + status);
    }
}
