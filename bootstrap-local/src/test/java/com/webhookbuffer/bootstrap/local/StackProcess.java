package com.webhookbuffer.bootstrap.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.webhookbuffer.bootstrap.local.parts.DevelopmentSecret;
import com.webhookbuffer.bootstrap.local.parts.LocalSettings;
import com.webhookbuffer.domain.webhook.WebhookSecret;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** {@code ./run-local}'s main in a JVM of its own, as a terminal starts it, with everything it prints collected. */
final class StackProcess implements AutoCloseable {

    private final Process process;
    private final Thread reader;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final Path state;
    private final int httpPort;

    StackProcess(Path state, Map<String, String> environment) throws IOException {
        this(state, environment, List.of());
    }

    /** @param jvmOptions options for the stack's JVM, such as {@code -D} settings of the JDK's HTTP server */
    StackProcess(Path state, Map<String, String> environment, List<String> jvmOptions) throws IOException {
        this.state = state;
        this.httpPort = ExternalPostgres.freePort();
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), RunLocal.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().put(LocalSettings.HTTP_PORT, Integer.toString(httpPort));
        builder.environment().put(LocalSettings.SQS_PORT, Integer.toString(ExternalPostgres.freePort()));
        builder.environment().put(LocalSettings.LOCAL_STATE_DIR, state.toString());
        process = builder.start();
        reader = Thread.ofPlatform().start(() -> {
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(output::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Waits for the banner's last line; fails with everything printed if the stack dies or takes too long. */
    StackClient awaitReady() throws InterruptedException, IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!output.contains(Banner.READY)) {
            assertThat(process.isAlive()).as(printed()).isTrue();
            assertThat(Instant.now()).as(printed()).isBefore(deadline);
            Thread.sleep(100);
        }
        WebhookSecret secret = WebhookSecret.parse(
                Files.readString(state.resolve(DevelopmentSecret.FILE_NAME)).strip());
        return new StackClient(URI.create("http://127.0.0.1:" + httpPort), secret);
    }

    /** SIGTERM through the handle: {@code Process.destroy()} would also close our end of the child's output. */
    void terminate() {
        process.toHandle().destroy();
    }

    /** SIGKILL: no handler, no shutdown hook, nothing flushed by the stack itself. */
    void kill() {
        process.toHandle().destroyForcibly();
    }

    /** Waits for the process to end and for its output to be read; returns its exit status. */
    int awaitExit() throws InterruptedException {
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("ended within a minute")
                .isTrue();
        reader.join();
        return process.exitValue();
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    String printed() {
        return String.join("\n", output);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
