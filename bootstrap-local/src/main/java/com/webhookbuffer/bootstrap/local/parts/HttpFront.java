package com.webhookbuffer.bootstrap.local.parts;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local stack's front, in the place of API Gateway or the Functions host's HTTP trigger: {@code POST /webhooks}
 * handed to the {@link Door} of the cloud the stack plays; {@code GET /health} and the pages for whoever watches
 * the stack ({@code /status}, {@code /metrics}, {@code /dashboard} and its files).
 *
 * <p>It holds against careless and hostile clients, so that they cannot take the memory or the threads that the
 * queue and the worker share with it:
 * <ul>
 *   <li>a request's line, headers and body must all arrive within {@link #REQUEST_SECONDS} s, and a connection
 *       that sends nothing is closed after as long; an idle keep-alive connection after {@link #IDLE_SECONDS} s;
 *   <li>at most {@link #MAX_CONNECTIONS} connections are open at once: the next is closed as soon as it is
 *       accepted;
 *   <li>at most {@link #MAX_WEBHOOKS_IN_PROGRESS} webhooks are read and handled at once: the next is answered
 *       {@code 503} with {@code Retry-After} before its body is read;
 *   <li>a body is read only up to {@code MAX_BODY_BYTES}: one announced larger is answered {@code 413} unread, one
 *       that turns out larger is answered {@code 413} as soon as the limit is passed, and the rest is not read.
 * </ul>
 * The first three are the JDK server's own settings ({@code jdk.httpserver.*} and {@code sun.net.httpserver.*}
 * system properties, read once per JVM); a {@code -D} given on the command line wins over the values here.
 */
public final class HttpFront implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpFront.class);
    public static final String WEBHOOKS_PATH = "/webhooks";
    public static final int REQUEST_SECONDS = 10;
    public static final int IDLE_SECONDS = 30;
    public static final int MAX_CONNECTIONS = 4096;
    public static final int MAX_WEBHOOKS_IN_PROGRESS = 64;
    /** Connections the kernel holds until the server accepts them; the JDK's default of 50 drops a burst's SYNs. */
    public static final int ACCEPT_BACKLOG = 1024;
    /** API Gateway's HTTP API takes 10 KB of request line and headers; the JDK's 380 KB default is far more. */
    public static final int MAX_HEADER_BYTES = 16 * 1024;

    static {
        // Before the JDK's server classes are loaded: they read these once.
        setUnlessGiven("sun.net.httpserver.maxReqTime", REQUEST_SECONDS);
        setUnlessGiven("sun.net.httpserver.maxRspTime", 30);
        setUnlessGiven("sun.net.httpserver.idleInterval", IDLE_SECONDS);
        setUnlessGiven("sun.net.httpserver.clockTick", 1000);
        setUnlessGiven("jdk.httpserver.maxConnections", MAX_CONNECTIONS);
        setUnlessGiven("sun.net.httpserver.maxReqHeaderSize", MAX_HEADER_BYTES);
    }

    private final HttpServer server;
    private final ExecutorService executor;

    private HttpFront(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    private static void setUnlessGiven(String property, int value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, Integer.toString(value));
        }
    }

    /**
     * @param maxBodyBytes the ingest function's {@code MAX_BODY_BYTES}: nothing past it is read
     * @param accepting    whether webhooks are taken now (false before the stack is ready and while it stops)
     * @param pages        what answers {@code GET} at each path (exactly that path), e.g. {@code /status}
     * @param onAccepted   told of every webhook answered 202
     */
    public static HttpFront start(
            int port,
            Door door,
            int maxBodyBytes,
            BooleanSupplier accepting,
            Map<String, Supplier<Answer>> pages,
            Runnable onAccepted)
            throws IOException {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), ACCEPT_BACKLOG);
        } catch (BindException e) {
            throw new IllegalStateException(
                    "the HTTP server cannot listen on port " + port + " (" + LocalSettings.HTTP_PORT + "): "
                            + e.getMessage() + "; is another stack running?",
                    e);
        }
        // Each request waits for SQS to acknowledge; a virtual thread per request keeps that wait cheap.
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        Semaphore inProgress = new Semaphore(MAX_WEBHOOKS_IN_PROGRESS);
        server.createContext(
                WEBHOOKS_PATH,
                exchange -> respond(exchange, () -> {
                    if (!exchange.getRequestMethod().equals("POST")) {
                        return methodNotAllowed("POST");
                    }
                    if (!accepting.getAsBoolean()) {
                        return closing(unavailable("the local stack is starting or stopping; send again shortly"));
                    }
                    if (!inProgress.tryAcquire()) {
                        return closing(unavailable("too many webhooks in progress (" + MAX_WEBHOOKS_IN_PROGRESS
                                + "); send again shortly"));
                    }
                    try {
                        Optional<Answer> tooLarge = refuseAnnouncedSize(exchange, maxBodyBytes);
                        if (tooLarge.isPresent()) {
                            return tooLarge.get();
                        }
                        byte[] body = exchange.getRequestBody().readNBytes(maxBodyBytes + 1);
                        if (body.length > maxBodyBytes) {
                            return payloadTooLarge(maxBodyBytes, "more than " + maxBodyBytes);
                        }
                        Answer answer = door.answer(exchange, body);
                        if (answer.status() == 202) {
                            onAccepted.run();
                        }
                        return answer;
                    } finally {
                        inProgress.release();
                    }
                }));
        server.createContext(
                "/health",
                exchange -> respond(exchange, () -> {
                    if (!exchange.getRequestMethod().equals("GET")) {
                        return methodNotAllowed("GET");
                    }
                    boolean ready = accepting.getAsBoolean();
                    return json(ready ? 200 : 503, "{\"status\":\"" + (ready ? "ready" : "unavailable") + "\"}");
                }));
        String answered = "this server answers POST " + WEBHOOKS_PATH + ", GET /health and GET "
                + String.join(", GET ", pages.keySet());
        pages.forEach((path, page) -> server.createContext(
                path,
                exchange -> respond(exchange, () -> {
                    if (!exchange.getRequestURI().getPath().equals(path)) {
                        return problem(404, "not-found", "Not found", answered);
                    }
                    return exchange.getRequestMethod().equals("GET") ? page.get() : methodNotAllowed("GET");
                })));
        server.createContext(
                "/", exchange -> respond(exchange, () -> problem(404, "not-found", "Not found", answered)));
        server.start();
        return new HttpFront(server, executor);
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** What answers {@code POST /webhooks}: a cloud's own HTTP handler, behind what its platform would hand it. */
    public interface Door {
        Answer answer(HttpExchange exchange, byte[] body);
    }

    /** The request's headers as a platform hands them on: names in lower case, repeated values joined. */
    public static Map<String, String> headers(HttpExchange exchange) {
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders()
                .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        return headers;
    }

    /**
     * The {@code {source}} of {@code POST /webhooks/{source}}: everything after {@code /webhooks/} (a name, or what
     * the door refuses as none), or null for {@code POST /webhooks} itself.
     */
    public static String source(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        return path.length() <= WEBHOOKS_PATH.length() ? null : path.substring(WEBHOOKS_PATH.length() + 1);
    }

    /** A 413 for a body announced larger than the limit, before a byte of it is read. */
    private static Optional<Answer> refuseAnnouncedSize(HttpExchange exchange, int maxBodyBytes) {
        String announced = exchange.getRequestHeaders().getFirst("Content-Length");
        // The JDK server has already parsed it with Long.parseLong and refused a malformed, negative or
        // overflowing Content-Length with 400, so whatever reaches here is a long.
        if (announced != null && Long.parseLong(announced) > maxBodyBytes) {
            return Optional.of(payloadTooLarge(maxBodyBytes, announced));
        }
        return Optional.empty();
    }

    /**
     * The same answer the ingest function gives for a body over {@code MAX_BODY_BYTES}; the rest of the body is not
     * read, so the connection cannot carry another request and is closed.
     */
    private static Answer payloadTooLarge(int maxBodyBytes, String actual) {
        return closing(problem(
                413,
                "payload-too-large",
                "Payload too large",
                "the body has " + actual + " bytes; at most " + maxBodyBytes + " are accepted"));
    }

    /**
     * An answer given before the request's body was read: the server closes such a connection after it, and says
     * so ({@code Connection: close}), or a keep-alive client would send its next request into a closed socket.
     */
    private static Answer closing(Answer answer) {
        Map<String, String> headers = new HashMap<>(answer.headers());
        headers.put("Connection", "close");
        return new Answer(answer.status(), headers, answer.body());
    }

    public record Answer(int status, Map<String, String> headers, String body) {}

    private interface Route {
        Answer answer() throws IOException;
    }

    private static void respond(HttpExchange exchange, Route route) {
        try (exchange) {
            Answer answer;
            try {
                answer = route.answer();
            } catch (RuntimeException e) {
                LOG.error("{} {} failed: {}", exchange.getRequestMethod(), exchange.getRequestURI(), e.toString(), e);
                answer = problem(500, "internal-error", "Internal error", "the local stack failed on this request");
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            if (answer.headers() != null) {
                answer.headers()
                        .forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            }
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (IOException e) {
            LOG.debug(
                    "client went away during {} {}: {}",
                    exchange.getRequestMethod(),
                    exchange.getRequestURI(),
                    e.getMessage());
        }
    }

    public static Answer json(int status, String body) {
        return new Answer(status, Map.of("Content-Type", "application/json"), body);
    }

    private static Answer methodNotAllowed(String allowed) {
        Answer problem = problem(405, "method-not-allowed", "Method not allowed", "use " + allowed);
        return new Answer(405, Map.of("Content-Type", "application/problem+json", "Allow", allowed), problem.body());
    }

    private static Answer unavailable(String detail) {
        Answer problem = problem(503, "unavailable", "Service unavailable", detail);
        return new Answer(503, Map.of("Content-Type", "application/problem+json", "Retry-After", "5"), problem.body());
    }

    /** The same problem-details shape and type names as the ingest function's answers. */
    private static Answer problem(int status, String type, String title, String detail) {
        String body = "{\"type\":\"urn:webhook-buffer:problem:" + type + "\",\"title\":\"" + title + "\",\"status\":"
                + status + ",\"detail\":\"" + detail + "\"}";
        return new Answer(status, Map.of("Content-Type", "application/problem+json"), body);
    }

    /** Stops taking connections, giving exchanges under way a moment to finish. */
    @Override
    public void close() {
        server.stop(1);
        executor.close();
    }
}
