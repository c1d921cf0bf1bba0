package org.clinictracker.systemtests.journey;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import org.clinictracker.systemtests.ServiceProcess;

/**
 * One part of the clinic killed with SIGKILL (no shutdown: open transactions, unsent outbox rows, uncommitted Kafka
 * offsets are left as they are) and started again at once, as a supervisor (systemd, Kubernetes) restarts a crashed
 * process; the journey goes on meanwhile.
 */
final class ServiceCrash {

    private static final Duration RESTART_TIMEOUT = Duration.ofMinutes(3);

    private final ServiceProcess process;
    private Instant killedAt;
    private CompletableFuture<Instant> healthyAt;

    ServiceCrash(ServiceProcess process) {
        this.process = process;
    }

    void killAndRestart() {
        process.kill();
        killedAt = Instant.now();
        healthyAt = CompletableFuture.supplyAsync(() -> {
            process.start();
            process.awaitHealthy(RESTART_TIMEOUT);
            return Instant.now();
        });
    }

    boolean happened() {
        return killedAt != null;
    }

    Instant killedAt() {
        return killedAt;
    }

    /** From the kill until the restarted process answered its health check (waits for that). */
    Duration downFor() {
        return Duration.between(killedAt, healthyAt.join());
    }
}
