package com.webhookbuffer.bootstrap.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.webhookbuffer.bootstrap.lambda.worker.DatabaseTls;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The two deployment jars as Lambda gets them: each holds only its function's classes and what they need, and each
 * function can be wired and invoked from its jar alone (a class loader that sees nothing but the jar and the JDK).
 */
class DeploymentJarsIT {

    private static final Path INGEST_JAR = Path.of(System.getProperty("ingest.jar"));
    private static final Path WORKER_JAR = Path.of(System.getProperty("worker.jar"));
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private static List<String> entries(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(e -> e.getName()).toList();
        }
    }

    @Test
    void ingestJarHoldsNoDatabaseSideAndNoTestLibraries() throws IOException {
        List<String> entries = entries(INGEST_JAR);

        // The signing secrets can live in Secrets Manager (WEBHOOK_SECRETS_ARN), so its client is here.
        assertThat(entries)
                .contains(
                        "com/webhookbuffer/bootstrap/lambda/ingest/IngestFunction.class",
                        "com/webhookbuffer/adapter/aws/out/SqsMessageQueue.class",
                        "software/amazon/awssdk/services/secretsmanager/SecretsManagerClient.class");
        assertThat(entries)
                .noneMatch(e -> e.startsWith("org/postgresql/")
                        || e.startsWith("org/apache/ibatis/")
                        || e.startsWith("com/zaxxer/")
                        || e.startsWith("org/flywaydb/")
                        || e.startsWith("db/migration/")
                        || e.startsWith("rds/")
                        || e.startsWith("software/amazon/awssdk/services/lambda/")
                        || e.startsWith("com/webhookbuffer/adapter/persistence/"));
        // The worker's classes (its function, wiring, database login and TLS) stay in the worker's jar.
        assertThat(entries).noneMatch(e -> e.startsWith("com/webhookbuffer/bootstrap/lambda/worker/"));
        assertNoTestLibraries(entries);
        // No HTTP client but the one chosen on purpose.
        assertThat(entries)
                .noneMatch(e -> e.startsWith("software/amazon/awssdk/http/apache")
                        || e.startsWith("software/amazon/awssdk/http/nio/netty"));
    }

    @Test
    void workerJarHoldsTheDatabaseSideAndNoTestLibraries() throws IOException {
        List<String> entries = entries(WORKER_JAR);

        assertThat(entries)
                .contains(
                        "com/webhookbuffer/bootstrap/lambda/worker/WorkerFunction.class",
                        "com/webhookbuffer/bootstrap/lambda/worker/DatabaseSetupFunction.class",
                        "com/webhookbuffer/adapter/persistence/OrderMapper.xml",
                        "db/migration/V1__orders.sql",
                        "org/postgresql/Driver.class",
                        "META-INF/services/java.sql.Driver",
                        DatabaseTls.BUNDLE);
        assertNoTestLibraries(entries);
        assertThat(entries).noneMatch(e -> e.startsWith("com/webhookbuffer/bootstrap/lambda/ingest/"));
    }

    /** No test library, and nothing of what plays a host here (host-standins): a function runs on the real host. */
    private static void assertNoTestLibraries(List<String> entries) {
        assertThat(entries).noneMatch(e -> e.startsWith("com/webhookbuffer/standin/"));
        assertThat(entries)
                .noneMatch(e -> e.startsWith("org/elasticmq/")
                        || e.startsWith("org/apache/pekko/")
                        || e.startsWith("scala/")
                        || e.startsWith("org/junit/")
                        || e.startsWith("org/assertj/")
                        || e.startsWith("io/zonky/")
                        || e.startsWith("org/testcontainers/"));
    }

    @Test
    void ingestFunctionRunsFromItsJarAlone() throws Exception {
        try (URLClassLoader jar = isolated(INGEST_JAR);
                ContextLoader ignored = new ContextLoader(jar)) {
            Object wiring = wire(
                    jar,
                    "ingest.IngestWiring",
                    Map.of(
                            "WEBHOOK_SECRETS",
                            SECRET,
                            "QUEUE_URL",
                            "http://127.0.0.1:9/000000000000/orders",
                            "AWS_ENDPOINT_URL_SQS",
                            "http://127.0.0.1:9"));
            Object function = construct(jar, "ingest.IngestFunction", wiring);
            Object event = jar.loadClass("com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent")
                    .getConstructor()
                    .newInstance();
            event.getClass()
                    .getMethod("setHeaders", Map.class)
                    .invoke(event, Map.of("content-type", "application/json"));
            event.getClass().getMethod("setBody", String.class).invoke(event, "{}");

            Object response = invoke(function, event);

            // Unsigned: refused before the queue is touched, having gone through every layer.
            assertThat(response.getClass().getMethod("getStatusCode").invoke(response))
                    .isEqualTo(401);
        }
    }

    @Test
    void workerFunctionRunsFromItsJarAlone() throws Exception {
        try (URLClassLoader jar = isolated(WORKER_JAR);
                ContextLoader ignored = new ContextLoader(jar)) {
            Class<?> credentials = jar.loadClass("com.webhookbuffer.bootstrap.lambda.worker.DatabaseCredentials");
            Method fromEnvironment = credentials.getDeclaredMethod("fromEnvironment");
            fromEnvironment.setAccessible(true);
            Object wiring = wire(
                    jar,
                    "worker.WorkerWiring",
                    Map.of(
                            "QUEUE_URL",
                            "http://127.0.0.1:9/000000000000/orders",
                            "DLQ_URL",
                            "http://127.0.0.1:9/000000000000/orders-dlq",
                            "AWS_ENDPOINT_URL_SQS",
                            "http://127.0.0.1:9",
                            "DB_URL",
                            "jdbc:postgresql://127.0.0.1:9/orders",
                            "DB_USER",
                            "worker",
                            "DB_PASSWORD",
                            "pw"),
                    fromEnvironment.invoke(null));
            Object function = construct(jar, "worker.WorkerFunction", wiring);
            Object event = jar.loadClass("com.amazonaws.services.lambda.runtime.events.SQSEvent")
                    .getConstructor()
                    .newInstance();
            event.getClass().getMethod("setRecords", List.class).invoke(event, List.of());

            Object response = invoke(function, event);

            assertThat((List<?>) response.getClass()
                            .getMethod("getBatchItemFailures")
                            .invoke(response))
                    .isEmpty();
        }
    }

    /** As in Lambda, the function's jar is also the thread's context class loader (MyBatis and others use it). */
    private static final class ContextLoader implements AutoCloseable {
        private final ClassLoader previous = Thread.currentThread().getContextClassLoader();

        ContextLoader(ClassLoader loader) {
            Thread.currentThread().setContextClassLoader(loader);
        }

        @Override
        public void close() {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private static URLClassLoader isolated(Path jar) throws IOException {
        assertThat(Files.exists(jar)).as("%s is built by 'package'", jar).isTrue();
        return new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }

    private static Object wire(URLClassLoader jar, String side, Map<String, String> env, Object... more)
            throws Exception {
        Class<?> wiring = jar.loadClass("com.webhookbuffer.bootstrap.lambda." + side);
        Method from = more.length == 0
                ? wiring.getDeclaredMethod("from", Map.class)
                : wiring.getDeclaredMethod(
                        "from",
                        Map.class,
                        jar.loadClass("com.webhookbuffer.bootstrap.lambda.worker.DatabaseCredentials"));
        from.setAccessible(true);
        Object[] arguments = more.length == 0 ? new Object[] {env} : new Object[] {env, more[0]};
        return from.invoke(null, arguments);
    }

    private static Object construct(URLClassLoader jar, String function, Object wiring) throws Exception {
        Class<?> type = jar.loadClass("com.webhookbuffer.bootstrap.lambda." + function);
        Constructor<?> constructor = type.getDeclaredConstructor(wiring.getClass());
        constructor.setAccessible(true);
        return constructor.newInstance(wiring);
    }

    private static Object invoke(Object function, Object event) throws Exception {
        Class<?> context =
                function.getClass().getClassLoader().loadClass("com.amazonaws.services.lambda.runtime.Context");
        return function.getClass()
                .getMethod("handleRequest", event.getClass(), context)
                .invoke(function, event, null);
    }
}
