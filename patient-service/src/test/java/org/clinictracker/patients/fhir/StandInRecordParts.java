package org.clinictracker.patients.fhir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * procedure-service's and followup-service's FHIR parts stood in by a real HTTP server on a free local port, until
 * the services answer them themselves: each path answers what the test set for it (by default a part built for
 * the asked patient), and every request is remembered with its headers, so a test sees the caller's token arrive.
 */
final class StandInRecordParts implements AutoCloseable {

    static final String PROCEDURES = "/api/procedures/fhir";
    static final String FOLLOWUPS = "/api/followups/fhir";

    /** One request as the stand-in received it. */
    record Received(String path, String query, String authorization, String requestId) {
    }

    /** What a path answers: a status and a body, after a delay. */
    record Answer(int status, String contentType, String body, Duration delay) {

        static Answer fhir(String json) {
            return new Answer(200, "application/fhir+json", json, Duration.ZERO);
        }

        static Answer status(int status) {
            return new Answer(status, "application/problem+json", "{\"status\":" + status + "}", Duration.ZERO);
        }

        Answer after(Duration wait) {
            return new Answer(status, contentType, body, wait);
        }
    }

    private final HttpServer server;
    private final Map<String, Function<String, Answer>> answers = new ConcurrentHashMap<>();
    private final Map<String, Function<String, Answer>> defaults;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    /** Released at close, so a delayed answer never outlives the test. */
    private final CountDownLatch closing = new CountDownLatch(1);

    /** {@code defaults}: for each path, the answer to a request whose {@code patientId} is given. */
    StandInRecordParts(Map<String, Function<String, Answer>> defaults) {
        this.defaults = Map.copyOf(defaults);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "stand-in-record-parts");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** From now on the path answers this, whoever is asked for. */
    void answer(String path, Answer answer) {
        answers.put(path, patientId -> answer);
    }

    void reset() {
        answers.clear();
        received.clear();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getQuery();
        received.add(new Received(path, query, exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("X-Request-Id")));
        String patientId = query != null && query.startsWith("patientId=") ? query.substring("patientId=".length()) : "";
        Function<String, Answer> rule = answers.getOrDefault(path, defaults.get(path));
        Answer answer = rule == null ? Answer.status(404) : rule.apply(patientId);
        try {
            if (!answer.delay().isZero()) {
                closing.await(answer.delay().toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", answer.contentType());
        try {
            exchange.sendResponseHeaders(answer.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException e) {
            // the client gave up waiting (a read-timeout test): nothing left to answer
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
    }
}
