package com.webhookbuffer.benchmarks;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.webhookbuffer.adapter.aws.out.SqsClients;
import com.webhookbuffer.application.ingest.WebhookSignature;
import com.webhookbuffer.application.reading.PayloadReading;
import com.webhookbuffer.bootstrap.lambda.ingest.IngestFunction;
import com.webhookbuffer.bootstrap.lambda.worker.WorkerFunction;
import com.webhookbuffer.bootstrap.pipeline.Pipeline;
import com.webhookbuffer.domain.webhook.WebhookSecret;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What a fresh JVM runs in the cold-start benchmark, each printing the milliseconds from JVM start to its first
 * answer: {@link Ingest} builds {@code IngestFunction} from the environment and handles one signed webhook;
 * {@link BareSqs} only builds an SQS client and sends one message (the baseline any ingest pays); {@link Worker}
 * builds {@code WorkerFunction} and writes one queued webhook; {@link BarePostgres} only connects to PostgreSQL and
 * writes one row (the baseline any worker pays); {@link PayloadReaderAlone} and {@link Empty} show where the
 * ingest function's difference from its baseline goes. Each runs on its own function's deployment jar.
 */
final class ColdStartLaunchers {

    static final String MESSAGE_BODY = "COLD_MESSAGE_BODY";
    /** One {@code name=value} line per message attribute. */
    static final String MESSAGE_ATTRIBUTES = "COLD_MESSAGE_ATTRIBUTES";

    static final String FLOOR_TABLE = "cold_start_floor";

    private ColdStartLaunchers() {}

    static long sinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    /** Runs the real function against the queue in QUEUE_URL. */
    static final class Ingest {
        public static void main(String[] args) {
            IngestFunction function = new IngestFunction();
            long now = Instant.now().getEpochSecond();
            // A webhook and an order of its own per run: the worker's runs then each write one.
            String run = Long.toString(ProcessHandle.current().pid());
            byte[] body = body(run);
            String webhookId = "msg_cold_" + run;
            APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
            event.setHeaders(Map.of(
                    "content-type",
                    "application/json",
                    "webhook-id",
                    webhookId,
                    "webhook-timestamp",
                    Long.toString(now),
                    "webhook-signature",
                    WebhookSignature.sign(
                            WebhookSecret.parse(System.getenv("WEBHOOK_SECRETS")), webhookId, now, body)));
            event.setBody(new String(body, StandardCharsets.UTF_8));
            APIGatewayV2HTTPResponse response = function.handleRequest(event, null);
            report(response.getStatusCode());
        }

        /** A signed run's order: its own order id per run, so the worker's runs each write one. */
        static byte[] body(String run) {
            return ("{\"type\":\"order.created\",\"timestamp\":\"2026-11-26T14:00:00Z\",\"data\":{\"orderId\":"
                            + "\"ord_cold_" + run + "\",\"version\":1,\"customerId\":\"cus_1\",\"status\":\"placed\","
                                                  + "\"currency\":\"EUR\",\"items\":[{\"sku\":\"SKU-1\",\"quantity\":2,\"unitPrice\":\"19.99\"}],"
                                                  + "\"total\":\"39.98\"}}")
                    .getBytes(StandardCharsets.UTF_8);
        }
    }

    /**
     * Runs the real worker function on one SQS message (body and message attributes handed over by the parent, as
     * the ingest function queued them) against the database in DB_URL.
     */
    static final class Worker {
        public static void main(String[] args) {
            WorkerFunction function = new WorkerFunction();
            SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
            message.setMessageId("cold-" + ProcessHandle.current().pid());
            message.setReceiptHandle("cold");
            message.setBody(System.getenv(MESSAGE_BODY));
            message.setAttributes(Map.of("ApproximateReceiveCount", "1"));
            Map<String, SQSEvent.MessageAttribute> attributes = new HashMap<>();
            System.getenv(MESSAGE_ATTRIBUTES)
                    .lines()
                    .filter(line -> !line.isEmpty())
                    .forEach(line -> {
                        SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
                        attribute.setDataType("String");
                        attribute.setStringValue(line.substring(line.indexOf('=') + 1));
                        attributes.put(line.substring(0, line.indexOf('=')), attribute);
                    });
            message.setMessageAttributes(attributes);
            SQSEvent event = new SQSEvent();
            event.setRecords(List.of(message));
            SQSBatchResponse response = function.handleRequest(event, null);
            report(response.getBatchItemFailures().isEmpty() ? 200 : 500);
        }
    }

    /** Only a JDBC connection and one upsert of a row: what any worker pays before it writes. */
    static final class BarePostgres {
        public static void main(String[] args) throws SQLException {
            try (Connection connection = DriverManager.getConnection(
                            System.getenv("DB_URL"), System.getenv("DB_USER"), System.getenv("DB_PASSWORD"));
                    PreparedStatement upsert = connection.prepareStatement("insert into " + FLOOR_TABLE
                            + " (id, version) values (?, 1) on conflict (id) do update set version = "
                            + FLOOR_TABLE + ".version + 1")) {
                upsert.setString(1, "cold");
                upsert.executeUpdate();
            }
            report(200);
        }
    }

    /**
     * Only the payload reader, as the function builds it (Jackson and Hibernate Validator), reading the body
     * {@link Ingest} sends: the share of the function's cold start that the two libraries take.
     */
    static final class PayloadReaderAlone {
        public static void main(String[] args) {
            PayloadReading reading = Pipeline.payloadReader().read(Ingest.body("reader"));
            report(reading instanceof PayloadReading.Valid ? 200 : 400);
        }
    }

    /** A JVM that only starts and answers: what every launcher here pays before its own work. */
    static final class Empty {
        public static void main(String[] args) {
            report(200);
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
