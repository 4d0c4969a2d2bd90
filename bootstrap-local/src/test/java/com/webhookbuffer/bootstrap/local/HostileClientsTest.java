package com.webhookbuffer.bootstrap.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.webhookbuffer.application.ingest.WebhookSignature;
import com.webhookbuffer.bootstrap.local.parts.HttpFront;
import com.webhookbuffer.bootstrap.local.parts.LocalSettings;
import com.webhookbuffer.domain.testing.HostileRequests;
import com.webhookbuffer.domain.testing.SampleWebhooks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local stack's HTTP front against clients that misbehave, through a real socket: thousands of idle
 * connections, a request sent by half, a body announced too large, and generated requests with any header value
 * and any body. The stack keeps answering; nothing but a 503 is a 5xx; and what it accepted is written.
 */
class HostileClientsTest {

    @TempDir
    static Path state;

    private static LocalStack stack;
    private static StackClient client;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(
                LocalSettings.from(Map.of(
                        LocalSettings.HTTP_PORT, "0",
                        LocalSettings.SQS_PORT, "0",
                        LocalSettings.LOCAL_STATE_DIR, state.toString(),
                        LocalSettings.DB_MAX_CONNECTIONS, "4")),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        client = new StackClient(stack.baseUri(), stack.secret());
    }

    @AfterAll
    static void stop() {
        client.close();
        stack.close();
    }

    @Test
    void thousandsOfIdleConnectionsLeaveHealthAndWebhooksAnsweringPromptly() throws Exception {
        List<Socket> idle = new ArrayList<>();
        Instant opening = Instant.now();
        try {
            for (int i = 0; i < 3_000; i++) {
                Socket socket = RawHttp.connect(stack.baseUri());
                if (i % 10 == 0) {
                    // Some start a request and never finish its headers.
                    socket.getOutputStream()
                            .write("POST /webhooks HTTP/1.1\r\nHost: x\r\nContent-Le"
                                    .getBytes(StandardCharsets.US_ASCII));
                }
                idle.add(socket);
            }
            Instant before = Instant.now();
            System.out.println("HostileClientsTest: 3000 connections opened in " + Duration.between(opening, before));
            assertThat(client.get("/health").statusCode()).isEqualTo(200);
            HttpResponse<String> accepted = client.postSigned(
                    "wh_hostile_idle",
                    SampleWebhooks.order("ord_hostile_idle", 1).json());
            Duration took = Duration.between(before, Instant.now());
            System.out.println("HostileClientsTest: /health and a POST beside 3000 idle connections took " + took);
            assertThat(accepted.statusCode()).isEqualTo(202);
            // Answered while the idle connections were still held, not once the front had timed them out: a front
            // they could block would have answered only after closing them (10 s for one that sends nothing). The
            // ones opened last are checked, which no timeout can have reached however slow the opening was.
            List<Socket> newest = idle.subList(idle.size() - 100, idle.size());
            assertThat(newest.stream().filter(HostileClientsTest::stillOpen).count())
                    .as(
                            "of the 100 idle connections opened last, still open when the webhook was answered (after"
                                    + " %s)",
                            took)
                    .isEqualTo(100);
        } finally {
            for (Socket socket : idle) {
                socket.close();
            }
        }
    }

    @Test
    void aRequestSentByHalfIsCutOffOnceItsTimeIsUp() throws Exception {
        try (Socket socket = RawHttp.connect(stack.baseUri())) {
            socket.setSoTimeout((HttpFront.REQUEST_SECONDS + 10) * 1000);
            socket.getOutputStream()
                    .write(("POST /webhooks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                    + "Content-Length: 100\r\n\r\n{\"type\":")
                            .getBytes(StandardCharsets.US_ASCII));
            Instant sent = Instant.now();
            int read = readUntilClosed(socket.getInputStream());
            Duration held = Duration.between(sent, Instant.now());
            System.out.println("HostileClientsTest: half a request was held for " + held);
            assertThat(read).as("nothing is answered to half a request").isZero();
            assertThat(held)
                    .isBetween(
                            Duration.ofSeconds(HttpFront.REQUEST_SECONDS - 1),
                            Duration.ofSeconds(HttpFront.REQUEST_SECONDS + 5));
        }
    }

    @Test
    void aBodyAnnouncedTooLargeIsAnswered413BeforeItIsSent() throws Exception {
        try (Socket socket = RawHttp.connect(stack.baseUri())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("POST /webhooks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                    + "Content-Length: 1000000000\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            // Not a byte of the body was sent: the answer cannot have waited for it.
            socket.shutdownOutput();
            RawHttp.Response response = RawHttp.read(socket.getInputStream());
            assertThat(response.status()).isEqualTo(413);
            assertThat(response.body()).contains("the body has 1000000000 bytes; at most 262144 are accepted");
        }
    }

    @Test
    void generatedRequestsOverTheSocketAreNeverAnswered5xxButA503AndEveryAcceptedOneIsWritten() throws Exception {
        long seed = HostileRequests.seed();
        int cases = HostileRequests.cases(300);
        System.out.printf("HostileClientsTest: %d generated cases, -Dfuzz.seed=%d%n", cases, seed);
        HostileRequests requests = new HostileRequests(
                seed,
                (id, timestamp, body) -> WebhookSignature.sign(stack.secret(), id, Long.parseLong(timestamp), body),
                Instant.now().getEpochSecond());
        Map<Integer, Integer> answers = new TreeMap<>();
        Set<String> acceptedIds = ConcurrentHashMap.newKeySet();
        // A 503 after the queue's timeout may have been queued all the same (the inbox port's contract): such a
        // webhook may be written, once, but need not be.
        Set<String> unconfirmedIds = ConcurrentHashMap.newKeySet();
        for (int n = 0; n < cases; n++) {
            HostileRequests.Request request = requests.next(n);
            StringBuilder headers = new StringBuilder();
            header(headers, "Content-Type", request.contentType());
            header(headers, "webhook-id", request.webhookId());
            header(headers, "webhook-timestamp", request.timestamp());
            header(headers, "webhook-signature", request.signature());
            RawHttp.Response response =
                    RawHttp.exchange(stack.baseUri(), "POST", "/webhooks", headers.toString(), request.body());
            answers.merge(response.status(), 1, Integer::sum);
            assertThat(response.status())
                    .as("seed %d, %s: %s", seed, request, response.head())
                    .matches(status -> status < 500 || status == 503, "below 500, or 503");
            if (response.status() == 202) {
                acceptedIds.add(request.webhookId());
            } else if (response.status() == 503 && request.webhookId() != null) {
                unconfirmedIds.add(request.webhookId());
            }
        }
        System.out.println("HostileClientsTest: answers " + answers + " (-1: closed by the server unanswered)");
        assertThat(acceptedIds).as("the generator must reach the queue").isNotEmpty();
        String accepted = "webhook_id IN (" + sqlList(acceptedIds) + ")";
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (StackClient.count(stack.database(), "SELECT count(*) FROM processed_webhooks WHERE " + accepted)
                        < acceptedIds.size()
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(StackClient.count(stack.database(), "SELECT count(*) FROM processed_webhooks WHERE " + accepted))
                .as("every webhook answered 202 is written, once")
                .isEqualTo(acceptedIds.size());
        Set<String> mayBeWritten = new HashSet<>(acceptedIds);
        mayBeWritten.addAll(unconfirmedIds);
        assertThat(StackClient.count(
                        stack.database(),
                        "SELECT count(*) FROM processed_webhooks WHERE webhook_id LIKE 'wh_fuzz_%' AND NOT webhook_id"
                                + " IN ("
                                + sqlList(mayBeWritten) + ")"))
                .as("nothing is written that was refused, but for a 503 the queue may have taken late")
                .isZero();
        assertThat(client.status().get("counts").get("deadLettered").asLong()).isZero();
        assertThat(client.status().get("queue").get("deadLetterDepth").asLong()).isZero();
    }

    /** A header line, unless the generated request leaves it out; a value is sent as it is, CR and LF aside. */
    private static void header(StringBuilder headers, String name, String value) {
        if (value != null) {
            headers.append(name)
                    .append(": ")
                    .append(value.replace('\r', ' ').replace('\n', ' '))
                    .append("\r\n");
        }
    }

    private static int readUntilClosed(InputStream in) throws IOException {
        int total = 0;
        try {
            byte[] buffer = new byte[1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                total += n;
            }
        } catch (SocketException reset) {
            // Closed by the server with a reset: as much an end as a FIN.
        }
        return total;
    }

    /** Whether the front still holds {@code socket} open: a read neither ends nor fails at once. */
    private static boolean stillOpen(Socket socket) {
        try {
            socket.setSoTimeout(1);
            return socket.getInputStream().read() >= 0;
        } catch (SocketTimeoutException open) {
            return true;
        } catch (IOException closed) {
            return false;
        }
    }

    /** The ids as an SQL list of string literals (quotes doubled). */
    private static String sqlList(Set<String> ids) {
        return ids.stream().map(id -> "'" + id.replace("'", "''") + "'").collect(Collectors.joining(", "));
    }
}
