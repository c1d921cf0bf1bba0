package org.clinictracker.web.answer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * followup-service's public API for patients as the answer page's tests need it: a real HTTP server on a free port of
 * 127.0.0.1 (so the page's real client, its headers, JSON and timeouts are what is tested), answering each path as a
 * test tells it to and recording every request it got.
 */
final class FollowupServiceStandIn {

    static final String OPEN = "/api/patient-answers/open";
    static final String ANSWERS = "/api/patient-answers";

    /** What one request brought. */
    record Received(String method, String path, Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** An answer: a status with a JSON body, or no answer at all (the connection closed). */
    record Answer(int status, String contentType, String body) {

        static Answer json(int status, String body) {
            return new Answer(status, "application/json", body);
        }

        static Answer problem(int status, String code) {
            return new Answer(status, "application/problem+json",
                    "{\"type\":\"about:blank\",\"status\":" + status + ",\"code\":\"" + code + "\",\"title\":\"Refused\"}");
        }

        static Answer hangUp() {
            return new Answer(0, null, null);
        }

        /** No answer until the test lets go ({@link FollowupServiceStandIn#letGo()}): a service stuck on something. */
        static Answer stuck() {
            return new Answer(-1, null, null);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private volatile CountDownLatch stuck = new CountDownLatch(1);

    FollowupServiceStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException cannot) {
            throw new IllegalStateException(cannot);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool()); // a stuck answer holds up no other request
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void answer(String path, Answer answer) {
        answers.put(path, answer);
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    void reset() {
        letGo();
        stuck = new CountDownLatch(1);
        received.clear();
        answers.clear();
    }

    void stop() {
        letGo();
        server.stop(0);
    }

    /** Stuck answers go on (as a 500 no client waits for any more). */
    void letGo() {
        stuck.countDown();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        received.add(new Received(exchange.getRequestMethod(), path, Map.copyOf(exchange.getRequestHeaders()), body));
        Answer answer = answers.getOrDefault(path, Answer.problem(500, "not-set-up"));
        if (answer.status() == -1) {
            try {
                stuck.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
            answer = Answer.problem(500, "too-late");
        }
        if (answer.status() == 0) {
            exchange.close(); // no status line at all: the client sees the connection end
            return;
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
