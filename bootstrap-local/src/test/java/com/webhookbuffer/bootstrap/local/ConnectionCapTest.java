package com.webhookbuffer.bootstrap.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP front's cap on open connections, in a stack process whose cap is set low ({@code
 * -Djdk.httpserver.maxConnections}, which wins over the front's default): connections past the cap are closed as
 * soon as they are accepted, so a flood is refused quickly instead of queueing; once connections close, the front
 * answers again.
 */
class ConnectionCapTest {

    private static final int CAP = 40;
    /** Half the front's 10 s for a connection that sends nothing, so no refusal is mistaken for that timeout. */
    private static final Duration REFUSAL_WAIT = Duration.ofSeconds(5);

    @Test
    void connectionsPastTheCapAreClosedAtOnceAndTheFrontAnswersAgainWhenSomeClose(@TempDir Path state)
            throws Exception {
        try (StackProcess process =
                new StackProcess(state, Map.of(), List.of("-Djdk.httpserver.maxConnections=" + CAP))) {
            process.awaitReady().close();
            List<Socket> opened = new ArrayList<>();
            List<Socket> held = new ArrayList<>();
            int refused = 0;
            try {
                // All at once: the front closes a connection that sends nothing after 10 s, freeing its place.
                for (int i = 0; i < CAP + 20; i++) {
                    opened.add(RawHttp.connect(process.baseUri()));
                }
                // Until the front has closed the 20 past the cap, however slow the machine: polled, not slept on. Well
                // inside the 10 s after which it would close idle ones too, so what is closed now is what it refused.
                List<Socket> open = new ArrayList<>(opened);
                Instant refusing = Instant.now().plus(REFUSAL_WAIT);
                while (refused < 20 && Instant.now().isBefore(refusing)) {
                    for (Iterator<Socket> each = open.iterator(); each.hasNext(); ) {
                        if (closedWithin(each.next(), Duration.ofMillis(5))) {
                            refused++;
                            each.remove();
                        }
                    }
                }
                held.addAll(open);
                System.out.printf("ConnectionCapTest: %d connections held, %d closed at once%n", held.size(), refused);
                assertThat(held.size()).isLessThanOrEqualTo(CAP);
                assertThat(refused).isGreaterThanOrEqualTo(20);
                Instant asked = Instant.now();
                assertThat(RawHttp.exchange(process.baseUri(), "GET", "/health", "", new byte[0])
                                .status())
                        .as("at the cap, a new request is refused, not kept waiting")
                        .isEqualTo(-1);
                assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(2));
            } finally {
                for (Socket socket : opened) {
                    socket.close();
                }
            }
            Instant deadline = Instant.now().plusSeconds(10);
            int status = -1;
            while (status != 200 && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
                status = RawHttp.exchange(process.baseUri(), "GET", "/health", "", new byte[0])
                        .status();
            }
            assertThat(status)
                    .as("the front answers again once connections close")
                    .isEqualTo(200);
        }
    }

    /** Whether the server closes the connection (EOF or reset) before {@code wait} passes. */
    private static boolean closedWithin(Socket socket, Duration wait) throws IOException {
        socket.setSoTimeout((int) wait.toMillis());
        try {
            return socket.getInputStream().read() < 0;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (SocketException reset) {
            return true;
        }
    }
}
