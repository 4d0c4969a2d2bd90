package com.webhookbuffer.bootstrap.local;

import com.webhookbuffer.application.ingest.NamedSource;
import com.webhookbuffer.bootstrap.local.cloud.OperatorQueues;
import com.webhookbuffer.bootstrap.local.command.DeadLetterCommands;
import com.webhookbuffer.bootstrap.local.command.SendCommand;
import com.webhookbuffer.bootstrap.local.command.StackAddress;
import com.webhookbuffer.bootstrap.local.command.load.LoadCommand;
import com.webhookbuffer.bootstrap.local.command.load.LoadOptions;
import com.webhookbuffer.bootstrap.local.parts.DevelopmentSecret;
import com.webhookbuffer.bootstrap.local.parts.HttpFront;
import com.webhookbuffer.bootstrap.local.parts.LocalSettings;
import com.webhookbuffer.bootstrap.pipeline.SourceSettings;
import com.webhookbuffer.domain.webhook.PlatformSecrets;
import com.webhookbuffer.domain.webhook.SourceName;
import com.webhookbuffer.domain.webhook.VerificationKeys;
import com.webhookbuffer.domain.webhook.WebhookSecret;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/**
 * {@code ./run-local}: with no arguments, the whole stack in the foreground until Ctrl-C or SIGTERM; otherwise one
 * operator command. Exit status: 0 done, 1 the operation failed, 2 a usage or configuration error.
 */
public final class RunLocal {

    static final String USAGE = """
        usage: ./run-local                 start the local stack (HTTP, SQS, worker, PostgreSQL) in the foreground
               ./run-local send [FILE]     sign and POST a sample order, or FILE's bytes, to the running stack
               ./run-local send --source NAME [FILE]   the same, to POST /webhooks/NAME signed as that source's
                                           kind signs (a shopify or woocommerce source needs FILE: the
                                           platform's own order JSON, sent as topic orders/updated or
                                           order.updated)
               ./run-local load [N] [--rate R] [--concurrency C]
                                           a spike: N signed sample orders (default %d; a tenth of them
                                           duplicate deliveries, a tenth of the orders in two versions, half of
                                           those newest first) over C keep-alive connections (default %d), at R
                                           requests/s (default: as fast as answered); waits for the drain, checks
                                           every order in the database, and prints the figures
               ./run-local dlq list        show each dead letter with its reason
               ./run-local dlq redrive     move the dead letters back to the queue (SQS StartMessageMoveTask)
        The dlq commands work on the local stack's queues, or on any SQS queues given as DLQ_URL (and QUEUE_URL).
        Settings are environment variables: see the table in docs/settings.md.\
        """.formatted(LoadOptions.DEFAULT_SIZE, LoadOptions.DEFAULT_CONCURRENCY);

    /** Set by the run-local script when stderr is a terminal (the JVM cannot tell): progress is then redrawn. */
    static final String STDERR_IS_TERMINAL = "run-local.stderr-is-terminal";

    private RunLocal() {}

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.getenv(), System.out, System.err));
    }

    static int run(List<String> args, Map<String, String> environment, PrintStream out, PrintStream err) {
        try {
            LocalSettings settings = LocalSettings.from(environment);
            return switch (String.join(" ", args)) {
                case "", "start" -> runStack(settings, out);
                case "send" -> send(settings, Optional.empty(), Optional.empty(), out, err);
                case "dlq list" -> {
                    try (OperatorQueues queues = OperatorQueues.from(settings)) {
                        DeadLetterCommands.list(queues.deadLetterQueue(), queues.name(), out, err);
                    }
                    yield 0;
                }
                case "dlq redrive" -> {
                    try (OperatorQueues queues = OperatorQueues.from(settings)) {
                        yield DeadLetterCommands.redrive(queues.deadLetterQueue(), queues.name(), out) ? 0 : 1;
                    }
                }
                case "help", "--help", "-h" -> {
                    out.println(USAGE);
                    yield 0;
                }
                default -> {
                    if (args.size() == 2 && args.getFirst().equals("send")) {
                        yield send(settings, Optional.empty(), Optional.of(Path.of(args.get(1))), out, err);
                    }
                    if (args.size() >= 3
                            && args.size() <= 4
                            && args.getFirst().equals("send")
                            && args.get(1).equals("--source")) {
                        yield send(
                                settings,
                                Optional.of(settings.variables().parsed("--source", args.get(2), SourceName::of)),
                                args.size() == 4 ? Optional.of(Path.of(args.get(3))) : Optional.empty(),
                                out,
                                err);
                    }
                    if (args.getFirst().equals("load")) {
                        yield LoadCommand.run(
                                settings,
                                args.subList(1, args.size()),
                                out,
                                err,
                                Boolean.getBoolean(STDERR_IS_TERMINAL));
                    }
                    err.println("unknown command: " + String.join(" ", args));
                    err.println(USAGE);
                    yield 2;
                }
            };
        } catch (IllegalStateException e) {
            err.println("run-local: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("run-local: interrupted");
            return 1;
        } catch (Exception e) {
            err.println("run-local: " + e);
            return 1;
        }
    }

    /**
     * Signs as the sender would and posts: to {@code /webhooks} with the stack's secret, or to
     * {@code /webhooks/{source}} as that source's kind signs, with its first secret from
     * {@code SOURCE_<NAME>_SECRETS}.
     */
    private static int send(
            LocalSettings settings, Optional<SourceName> source, Optional<Path> file, PrintStream out, PrintStream err)
            throws Exception {
        if (file.isPresent() && !Files.isReadable(file.get())) {
            throw new IllegalStateException("cannot read " + file.get());
        }
        String path = HttpFront.WEBHOOKS_PATH + source.map(name -> "/" + name).orElse("");
        URI base = StackAddress.of(settings);
        URI webhooks = base.resolve(path);
        try {
            if (source.isEmpty()) {
                return SendCommand.send(
                                webhooks, DevelopmentSecret.resolve(settings).signing(), file, Clock.systemUTC(), out)
                        ? 0
                        : 1;
            }
            NamedSource named = namedSource(settings, source.get());
            boolean answered2xx = switch (named.keys().get()) {
                case VerificationKeys keys ->
                    SendCommand.send(webhooks, sourceSecret(keys, source.get()), file, Clock.systemUTC(), out);
                case PlatformSecrets secrets ->
                    SendCommand.sendAsPlatform(
                            webhooks,
                            named.kind(),
                            secrets.keys().getFirst(),
                            file.orElseThrow(() -> new IllegalStateException("a "
                                    + named.kind().wireName() + " source is sent the platform's own order JSON: "
                                    + "./run-local send --source " + source.get() + " FILE")),
                            out);
            };
            return answered2xx ? 0 : 1;
        } catch (ConnectException e) {
            err.println("run-local send: " + StackAddress.noStackAt(base, settings, e));
            return 1;
        }
    }

    private static NamedSource namedSource(LocalSettings settings, SourceName source) {
        NamedSource named = SourceSettings.named(settings.variables()).get(source);
        if (named == null) {
            throw new IllegalStateException("SOURCES names no source " + source + " (it is " + SourceSettings.SOURCES
                    + "=\""
                    + settings.variables().optional(SourceSettings.SOURCES).orElse("") + "\")");
        }
        return named;
    }

    private static WebhookSecret sourceSecret(VerificationKeys keys, SourceName source) {
        if (keys.secrets().isEmpty()) {
            throw new IllegalStateException(SourceSettings.secretsVariable(source) + " holds only public keys: "
                    + "send signs with a whsec_ secret");
        }
        return keys.secrets().getFirst();
    }

    /** Runs until SIGINT or SIGTERM, then stops gracefully; the JVM exits 0 rather than 130 or 143. */
    private static int runStack(LocalSettings settings, PrintStream out) throws InterruptedException {
        try (LocalStack stack = LocalStack.start(settings, out)) {
            CountDownLatch stop = new CountDownLatch(1);
            Signal.handle(new Signal("INT"), signal -> stop.countDown());
            Signal.handle(new Signal("TERM"), signal -> stop.countDown());
            stop.await();
            out.println();
            out.println("Stopping: refusing new webhooks (503), finishing the batches in flight ...");
            out.flush();
            stack.close();
            Banner.printStopped(out, stack.leftBehind());
        }
        return 0;
    }
}
