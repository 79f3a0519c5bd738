package dev.mentorship.notification.inbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * {@code GET /me/notifications/stream} over a plain socket, as a browser tab holds it: the response's lines as they
 * come (chunked transfer decoded), whether the server ended the stream (its last chunk, or the connection closed), and
 * {@link #close()} as the tab going away (the TCP connection closed, nothing more said). A refused stream's body is read
 * whole.
 */
final class LiveStreamClient implements AutoCloseable {

    final int status;
    final Map<String, String> headers;
    /** A refused stream's body; empty for an open one. */
    final String body;
    final List<String> lines = new CopyOnWriteArrayList<>();
    private final Socket socket;
    private volatile boolean ended;

    private LiveStreamClient(Socket socket, int status, Map<String, String> headers, String body) {
        this.socket = socket;
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    static LiveStreamClient open(URL stream, String token) throws IOException {
        Socket socket = new Socket(stream.getHost(), stream.getPort());
        socket.setSoTimeout((int) Duration.ofSeconds(30).toMillis()); // for the status and headers
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + stream.getPath() + " HTTP/1.1\r\nHost: " + stream.getHost() + ":" + stream.getPort() + "\r\n"
                + "Authorization: Bearer " + token + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new HashMap<>();
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        boolean chunked = "chunked".equalsIgnoreCase(headers.get("transfer-encoding"));
        if (status != 200) {
            String body = new String(chunked ? readChunks(in) : in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0"))),
                    StandardCharsets.UTF_8);
            return new LiveStreamClient(socket, status, headers, body);
        }
        socket.setSoTimeout(0); // an open stream may be quiet for as long as it likes: only the server ends it
        LiveStreamClient client = new LiveStreamClient(socket, status, headers, "");
        Thread reader = new Thread(() -> client.read(in, chunked), "live-stream-client");
        reader.setDaemon(true);
        reader.start();
        return client;
    }

    /** Waits until a line matches; false if none did in time. */
    boolean awaitLine(Predicate<String> matching, Duration within) {
        return await(() -> lines.stream().anyMatch(matching), within);
    }

    /** Waits until at least {@code count} lines match; false if fewer did in time. */
    boolean awaitLines(Predicate<String> matching, int count, Duration within) {
        return await(() -> lines.stream().filter(matching).count() >= count, within);
    }

    /** Waits until the server ends the stream; false if it did not in time. */
    boolean awaitEnd(Duration within) {
        return await(() -> ended, within);
    }

    boolean ended() {
        return ended;
    }

    /** The client goes away: the connection closes without a word. */
    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void read(InputStream in, boolean chunked) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            while (true) {
                byte[] data;
                if (chunked) {
                    int size = Integer.parseInt(line(in).split(";")[0].trim(), 16);
                    if (size == 0) {
                        break; // the last chunk: the server ended the response
                    }
                    data = in.readNBytes(size);
                    line(in); // the CRLF after each chunk
                } else {
                    int b = in.read();
                    if (b < 0) {
                        break;
                    }
                    data = new byte[]{(byte) b};
                }
                for (byte b : data) {
                    if (b == '\n') {
                        lines.add(line.toString(StandardCharsets.UTF_8).replaceFirst("\r$", ""));
                        line.reset();
                    } else {
                        line.write(b);
                    }
                }
            }
        } catch (IOException | RuntimeException closed) {
            // the connection closed (by the server, or by close())
        }
        ended = true;
    }

    private static byte[] readChunks(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0; size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
            body.write(in.readNBytes(size));
            line(in);
        }
        return body.toByteArray();
    }

    /** One line of the HTTP framing, without its CRLF; an IOException at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the connection closed");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    private static boolean await(java.util.function.BooleanSupplier condition, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
