package com.webhookbuffer.bootstrap.lambda.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.webhookbuffer.adapter.aws.TestSqs;
import com.webhookbuffer.adapter.persistence.DatabaseSettings;
import com.webhookbuffer.adapter.persistence.TestPostgres;
import com.webhookbuffer.application.ingest.WebhookSignature;
import com.webhookbuffer.bootstrap.lambda.CloudFormationStub;
import com.webhookbuffer.bootstrap.lambda.StandInSecretsManager;
import com.webhookbuffer.bootstrap.lambda.ingest.IngestFunction;
import com.webhookbuffer.bootstrap.lambda.ingest.IngestWiring;
import com.webhookbuffer.bootstrap.pipeline.EnvironmentVariables;
import com.webhookbuffer.domain.testing.SampleWebhooks;
import com.webhookbuffer.domain.webhook.WebhookSecret;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker's database password rotates while webhooks stream through, as RDS rotates a secret: the role's
 * password is changed in PostgreSQL and in the secret, and its open sessions are ended, in the middle of the
 * stream. The database checks passwords (scram-sha-256; under trust a wrong password would pass and this test would
 * prove nothing), the worker logs in as its own runtime role that the deploy-time setup created, and its secret is
 * read through the SDK from a stand-in Secrets Manager. Every order must be written; none may reach the DLQ.
 */
class CredentialRotationTest {

    private static final String SIGNING = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String OWNER_PASSWORD = "owner-password-1";
    private static final int ORDERS = 600;

    @Test
    void aPasswordRotatedMidStreamCostsNoOrderAndNoDeadLetter(@TempDir Path data) throws Exception {
        Files.writeString(data.resolve("pwfile"), OWNER_PASSWORD + "\n");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(data.resolve("pgdata"))
                        .setLocaleConfig("auth", "scram-sha-256")
                        .setLocaleConfig("pwfile", data.resolve("pwfile").toString())
                        .setConnectConfig("password", OWNER_PASSWORD)
                        .start();
                StandInSecretsManager secrets = new StandInSecretsManager()) {
            String url = postgres.getJdbcUrl("postgres", "postgres").replace("?user=postgres", "");
            DatabaseSettings owner = DatabaseSettings.of(url, "postgres", OWNER_PASSWORD);
            String workerSecret = secrets.put("worker", rdsSecret("webhook_buffer_worker", "first-password"));

            Map<String, String> env = new HashMap<>();
            env.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", secrets.endpoint().toString());
            env.put("AWS_REGION", "us-east-1");
            env.put("DB_WORKER_SECRET_ARN", workerSecret);
            // The deploy: migrations as the owner, then the runtime role with what it needs, and nothing more.
            try (CloudFormationStub cloudFormation = new CloudFormationStub()) {
                new DatabaseSetupFunction(
                                () -> owner, () -> DatabaseSetupFunction.workerRole(new EnvironmentVariables(env)))
                        .handleRequest(cloudFormation.create(), null);
                assertThat(cloudFormation.answer().get("Status").asText()).isEqualTo("SUCCESS");
            }
            assertThatThrownBy(() -> execute(url, "webhook_buffer_worker", "first-password", "CREATE TABLE x (y int)"))
                    .as("the runtime role may not change the schema")
                    .isInstanceOf(SQLException.class);

            TestSqs.Queues queues = TestSqs.create(2, 5);
            env.put("WEBHOOK_SECRETS", SIGNING);
            env.put("QUEUE_URL", queues.queueUrl());
            env.put("DLQ_URL", queues.deadLetterQueueUrl());
            env.put("AWS_ENDPOINT_URL_SQS", TestSqs.endpoint().toString());
            env.put("DB_URL", url);
            env.put("DB_SECRET_ARN", workerSecret);
            env.put("RETRY_BACKOFF_BASE_SECONDS", "1");
            env.put("RETRY_BACKOFF_CAP_SECONDS", "1");
            IngestFunction ingest = new IngestFunction(IngestWiring.from(env));
            WorkerFunction worker = new WorkerFunction(WorkerWiring.from(env, DatabaseCredentials.fromEnvironment()));

            int readsBefore = secrets.reads();
            int failedItems = 0;
            for (int n = 0; n < ORDERS; n++) {
                byte[] body = SampleWebhooks.order("ord_rot_" + n, 1).bytes();
                assertThat(ingest.handleRequest(signed("wh_rot_" + n, body), null)
                                .getStatusCode())
                        .isEqualTo(202);
                if (n == ORDERS / 3) {
                    // RDS rotation, single user: the password changes in the database and in the secret, and the
                    // role's sessions end (a failover, a restart, or an operator would end them too).
                    secrets.put("worker", rdsSecret("webhook_buffer_worker", "second-password"));
                    execute(
                            url,
                            "postgres",
                            OWNER_PASSWORD,
                            "ALTER ROLE webhook_buffer_worker PASSWORD 'second-password'",
                            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                                    + " WHERE usename = 'webhook_buffer_worker'");
                }
                if (n % 10 == 9) {
                    SQSEvent batch = TestSqs.receiveEvent(queues.queueUrl(), 10);
                    var answer = worker.handleRequest(batch, null);
                    failedItems += answer.getBatchItemFailures().size();
                    TestSqs.deleteSucceeded(queues.queueUrl(), batch, answer);
                }
            }
            // Bounded in time, not in rounds: a worker that keeps failing its logins takes 5 s per batch.
            Instant deadline = Instant.now().plusSeconds(90);
            while (Instant.now().isBefore(deadline)
                    && TestPostgres.count(owner, "SELECT count(*) FROM orders") < ORDERS) {
                SQSEvent batch = TestSqs.receiveEvent(queues.queueUrl(), 10);
                var answer = worker.handleRequest(batch, null);
                failedItems += answer.getBatchItemFailures().size();
                TestSqs.deleteSucceeded(queues.queueUrl(), batch, answer);
            }

            System.out.printf(
                    "CredentialRotationTest: %d orders, %d items returned to the queue, secret read %d"
                            + " time(s) after the first%n",
                    ORDERS, failedItems, secrets.reads() - readsBefore);
            assertThat(TestPostgres.count(owner, "SELECT count(*) FROM orders")).isEqualTo(ORDERS);
            assertThat(TestPostgres.count(
                            owner,
                            "SELECT count(*) FROM pg_stat_activity WHERE usename = 'postgres'"
                                    + " AND application_name = 'webhook-buffer-worker'"))
                    .as("the worker never logs in as the owner")
                    .isZero();
            assertThat(secrets.reads() - readsBefore)
                    .as("the rotated secret was read again")
                    .isPositive();
            assertThat(TestSqs.client()
                            .getQueueAttributes(get -> get.queueUrl(queues.deadLetterQueueUrl())
                                    .attributeNamesWithStrings("ApproximateNumberOfMessages"))
                            .attributesAsStrings()
                            .get("ApproximateNumberOfMessages"))
                    .isEqualTo("0");
        }
    }

    private static String rdsSecret(String user, String password) {
        return "{\"engine\":\"postgres\",\"username\":\"" + user + "\",\"password\":\"" + password + "\"}";
    }

    private static APIGatewayV2HTTPEvent signed(String webhookId, byte[] body) {
        long now = Instant.now().getEpochSecond();
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/apigateway-http-webhook.json");
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("webhook-id", webhookId);
        headers.put("webhook-timestamp", Long.toString(now));
        headers.put("webhook-signature", WebhookSignature.sign(WebhookSecret.parse(SIGNING), webhookId, now, body));
        event.setHeaders(headers);
        event.setBody(new String(body));
        event.setIsBase64Encoded(false);
        return event;
    }

    private static void execute(String url, String user, String password, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
