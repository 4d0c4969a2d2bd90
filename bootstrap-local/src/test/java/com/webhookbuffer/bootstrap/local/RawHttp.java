package com.webhookbuffer.bootstrap.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 written byte by byte on a plain socket: what no well-behaved client library sends (any header value,
 * non-ASCII included, any body), and what a hostile client does with a connection (half a request, then nothing).
 */
final class RawHttp {

    /** A status and a body, or {@code status == -1} when the server closed the connection without answering. */
    record Response(int status, String head, String body) {}

    private RawHttp() {}

    static Socket connect(URI base) {
        try {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One request on a connection of its own, {@code Connection: close}; the head is sent as UTF-8 bytes, as a
     * careless client sends non-ASCII header values.
     */
    static Response exchange(URI base, String method, String path, String headers, byte[] body) {
        try (Socket socket = connect(base)) {
            socket.setSoTimeout(30_000);
            String head = method + " " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nConnection: close\r\n" + headers + "Content-Length: " + body.length + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            // Reset by the server (it refused what it read): no answer, which the callers count as such.
            return new Response(-1, e.toString(), "");
        }
    }

    static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        String text = all.toString(StandardCharsets.ISO_8859_1);
        if (!text.startsWith("HTTP/1.1 ")) {
            return new Response(-1, text, "");
        }
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String body =
                end < 0 ? "" : new String(all.toByteArray(), end + 4, all.size() - end - 4, StandardCharsets.UTF_8);
        return new Response(Integer.parseInt(text.substring(9, 12)), head.toLowerCase(Locale.ROOT), body);
    }
}
