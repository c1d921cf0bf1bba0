package org.clinictracker.systemtests.journey;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
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

/**
 * A client on another address of the loopback network (127.0.0.2 to 127.0.0.254, Linux answers them all), so the
 * gateway counts its calls in a bucket of their own: a test of the per-address limit neither spends the bucket of
 * 127.0.0.1, which every other test and browser shares, nor is spent by them. Plain HTTP/1.1 over a socket bound
 * to that address (the JDK's HttpClient cannot choose its local address on Java 17); one request per connection.
 */
final class OtherAddress {

    /** The status line's code, the headers (names in lower case) and the body. */
    record Answer(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final InetAddress address;
    private final URI gateway;

    private OtherAddress(InetAddress address, URI gateway) {
        this.address = address;
        this.gateway = gateway;
    }

    /** A fresh address nobody in this run has used (random among 253). */
    static OtherAddress fresh(String gatewayUrl) {
        try {
            byte last = (byte) ThreadLocalRandom.current().nextInt(2, 255);
            return new OtherAddress(InetAddress.getByAddress(new byte[] { 127, 0, 0, last }), URI.create(gatewayUrl));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String address() {
        return address.getHostAddress();
    }

    Answer get(String path) {
        return exchange("GET " + path + " HTTP/1.1\r\n" + headers("text/html", null, 0) + "\r\n", "");
    }

    Answer postJson(String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return exchange("POST " + path + " HTTP/1.1\r\n" + headers("application/json", "application/json", body.length)
                + "\r\n", json);
    }

    /** Sent as it is, with a forged {@code X-Forwarded-For}: the gateway must not believe it without forward headers. */
    Answer getClaimingToBe(String path, String forwardedFor) {
        return exchange("GET " + path + " HTTP/1.1\r\n" + headers("text/html", null, 0) + "X-Forwarded-For: "
                + forwardedFor + "\r\n\r\n", "");
    }

    private String headers(String accept, String contentType, int length) {
        return "Host: localhost:" + gateway.getPort() + "\r\n"
                + "Accept: " + accept + "\r\n"
                + (contentType == null ? "" : "Content-Type: " + contentType + "\r\nContent-Length: " + length + "\r\n")
                + "Connection: close\r\n";
    }

    private Answer exchange(String head, String body) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(address, 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), gateway.getPort()), 5_000);
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body.getBytes(StandardCharsets.UTF_8));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String statusLine = in.readLine();
            if (statusLine == null) {
                throw new IllegalStateException("the gateway closed the connection from " + address() + " without an answer");
            }
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
            StringBuilder rest = new StringBuilder();
            char[] buffer = new char[4096];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                rest.append(buffer, 0, read);
            }
            return new Answer(status, headers, rest.toString()); // chunk sizes may remain in it: tests read words only
        } catch (IOException e) {
            throw new UncheckedIOException("calling the gateway from " + address(), e);
        }
    }
}
