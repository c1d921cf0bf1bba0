package org.clinictracker.systemtests.journey;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client on an address of its own on the loopback network (127.0.0.2 to 127.0.0.254; Linux answers them all), as
 * each patient's phone has its own: the gateway's per-address limit counts its calls in a bucket of their own, so a
 * test neither spends the bucket of 127.0.0.1, which the browsers and the other tests share, nor is spent by them.
 * Plain HTTP/1.1 over a socket bound to that address (the JDK's HttpClient cannot choose its local address on
 * Java 17), one request per connection, a chunked answer decoded.
 */
final class OtherAddress {

    /** Handed out in turn from a random start, so two clients of one run never share an address. */
    private static final AtomicInteger NEXT = new AtomicInteger(ThreadLocalRandom.current().nextInt(253));

    /** The status, the headers (names in lower case) and the body. */
    record Answer(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return status + " " + header("Content-Type") + " " + body.substring(0, Math.min(body.length(), 400));
        }
    }

    private final InetAddress address;
    private final URI gateway;

    private OtherAddress(InetAddress address, URI gateway) {
        this.address = address;
        this.gateway = gateway;
    }

    /** An address no other client of this run has. */
    static OtherAddress fresh(String gatewayUrl) {
        try {
            byte last = (byte) (2 + NEXT.getAndIncrement() % 253);
            return new OtherAddress(InetAddress.getByAddress(new byte[] { 127, 0, 0, last }), URI.create(gatewayUrl));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String address() {
        return address.getHostAddress();
    }

    /** {@code GET target} ({@code target}: path and query on the gateway). */
    Answer get(String target, String accept) {
        return exchange("GET", target, accept, null, null, Map.of());
    }

    /** A GET with headers of the client's own (e.g. the {@code Sec-Fetch-*} a browser sends). */
    Answer get(String target, String accept, Map<String, String> headers) {
        return exchange("GET", target, accept, null, null, headers);
    }

    Answer post(String target, String accept, String contentType, String body) {
        return exchange("POST", target, accept, contentType, body, Map.of());
    }

    /** A POST with headers of the client's own (e.g. the {@code Origin} a browser sends). */
    Answer post(String target, String accept, String contentType, String body, Map<String, String> headers) {
        return exchange("POST", target, accept, contentType, body, headers);
    }

    /** A GET carrying a forged {@code X-Forwarded-For}: the gateway must not believe it without forward headers. */
    Answer getClaimingToBe(String target, String forwardedFor) {
        return exchange("GET", target, "text/html", null, null, Map.of("X-Forwarded-For", forwardedFor));
    }

    private Answer exchange(String method, String target, String accept, String contentType, String body,
            Map<String, String> extra) {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: localhost:").append(gateway.getPort()).append("\r\n")
                .append("Accept: ").append(accept).append("\r\n")
                .append("Connection: close\r\n");
        if (body != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n")
                    .append("Content-Length: ").append(content.length).append("\r\n");
        }
        extra.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(address, 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), gateway.getPort()), 5_000);
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + target + " from " + address(), e);
        }
    }

    private static Answer read(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            throw new IOException("the gateway closed the connection without an answer");
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream chunks = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
                    size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
                chunks.write(in.readNBytes(size));
                line(in); // the CRLF after the chunk
            }
            body = chunks.toByteArray();
        } else if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else {
            body = in.readAllBytes();
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    /** One header line (ISO-8859-1, as HTTP's are), without its CRLF; null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
