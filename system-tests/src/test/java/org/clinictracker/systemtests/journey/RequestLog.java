package org.clinictracker.systemtests.journey;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Every call a journey made through the gateway, in order: which step, who, what, the {@code X-Request-Id} it was
 * sent with (the id the audit trails must show), the answer's status and how many tries it took.
 */
final class RequestLog {

    /** One call; {@code tries} above 1 means the gateway could not pass it on at first (a part was down). */
    record SentRequest(String step, String user, String method, String path, String requestId, int status, int tries,
            Duration waited, Instant answeredAt) {
    }

    private final List<SentRequest> sent = new ArrayList<>();

    synchronized void add(SentRequest request) {
        sent.add(request);
    }

    synchronized List<SentRequest> all() {
        return List.copyOf(sent);
    }

    /** The successful call of a step (the last, if the step was called more than once). */
    synchronized SentRequest of(String step) {
        return sent.stream().filter(request -> request.step().equals(step) && request.status() < 400)
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no successful call of step " + step + " in " + sent));
    }

    /** Calls that had to be sent more than once. */
    synchronized List<SentRequest> retried() {
        return sent.stream().filter(request -> request.tries() > 1).toList();
    }
}
