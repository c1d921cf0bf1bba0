package org.clinictracker.patients.fhir;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The threads that fetch procedure-service's part while the request's own thread fetches followup-service's, so
 * an export waits for the slower part, not for both in turn. A few are enough: each waits at most the read timeout.
 */
@Component
public class RecordPartFetcher implements Executor, DisposableBean {

    private static final int THREADS = 4;

    private final AtomicInteger count = new AtomicInteger();
    private final ExecutorService threads = Executors.newFixedThreadPool(THREADS, runnable -> {
        Thread thread = new Thread(runnable, "record-part-" + count.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public void execute(Runnable command) {
        // the request's id (and trace ids) in the logging context of the fetch too, as on the request's thread
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        threads.execute(() -> {
            if (logContext != null) {
                MDC.setContextMap(logContext);
            }
            try {
                command.run();
            } finally {
                MDC.clear();
            }
        });
    }

    @Override
    public void destroy() {
        threads.shutdownNow();
    }
}
