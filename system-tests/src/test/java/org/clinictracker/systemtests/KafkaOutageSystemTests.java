package org.clinictracker.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.clinictracker.systemtests.GatewayCaller.Answer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kafka broker killed (SIGKILL) while the front desk registers a thousand patients, and started again minutes
 * later: every registration is accepted all the same (the event waits in patient-service's outbox, committed with
 * the chart), and once the broker is back every event reaches procedure-service's and followup-service's replicas
 * exactly once. The figures go to the console and {@code target/system/kafka-outage.md}.
 * <p>
 * The clients send as {@code frontdesk1}, whose writes the gateway limits to 10 a second after a burst of 30: they
 * wait out each 429's {@code Retry-After} rather than the test raising the limit, so the clinic runs as configured
 * and a 429 is counted, never a failure. At that pace the thousand take about 100 s, inside the default outage.
 * <p>
 * {@code -Dclinic.system.kafka-outage.seconds=20} shortens the outage (default 120) and
 * {@code -Dclinic.system.kafka-outage.registrations=200} the load (default 1000) for a quicker run by hand.
 */
class KafkaOutageSystemTests {

    private static final int REGISTRATIONS = Integer.getInteger("clinic.system.kafka-outage.registrations", 1000);
    private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("clinic.system.kafka-outage.seconds", 120));
    private static final int CLIENTS = 4;
    /** The broker dies once a quarter of the registrations are in. */
    private static final int KILL_AFTER = REGISTRATIONS / 4;
    /** Patients 0-999 of {@link NewPatients}: no other test registers them. */
    private static final int FIRST_PATIENT = 0;

    private static ClinicSystem clinic;

    @BeforeAll
    static void startTheClinic() {
        clinic = ClinicSystem.start();
    }

    @Test
    void every_registration_made_while_the_broker_was_down_reaches_both_replicas_exactly_once() throws Exception {
        GatewayCaller frontDesk = new GatewayCaller(clinic.baseUrl(ClinicService.GATEWAY));
        NewPatients people = new NewPatients();
        Map<UUID, Instant> accepted = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Answer> notAccepted = new ConcurrentLinkedQueue<>();
        AtomicInteger tooManyRequests = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        AtomicLong maxBacklog = new AtomicLong();

        ScheduledExecutorService timers = Executors.newScheduledThreadPool(2);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            timers.scheduleAtFixedRate(() -> {
                try {
                    maxBacklog.accumulateAndGet(PatientReplicas.outboxBacklog(clinic), Math::max);
                } catch (SQLException e) {
                    // a missed sample; the next one comes in half a second
                }
            }, 0, 500, TimeUnit.MILLISECONDS);

            Instant loadStarted = Instant.now();
            List<Future<?>> desks = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                desks.add(clients.submit(() -> registerWhileAnyAreLeft(frontDesk, people, next, accepted, notAccepted,
                        tooManyRequests)));
            }

            await("a quarter of the registrations accepted before the broker is killed").atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> accepted.size() + notAccepted.size() >= KILL_AFTER);
            clinic.kafka().kill();
            Instant killed = Instant.now();
            int acceptedBeforeKill = accepted.size();
            System.out.printf("[kafka-outage] broker killed after %d registrations; starting it again in %d s%n",
                    acceptedBeforeKill, OUTAGE.toSeconds());
            AtomicReference<Instant> restartBegun = new AtomicReference<>();
            Future<Instant> brokerBack = timers.schedule(() -> {
                restartBegun.set(Instant.now());
                clinic.kafka().start();
                return Instant.now();
            }, OUTAGE.toMillis(), TimeUnit.MILLISECONDS);

            for (Future<?> desk : desks) {
                desk.get(10, TimeUnit.MINUTES);
            }
            Instant loadDone = Instant.now();
            Instant back = brokerBack.get(5, TimeUnit.MINUTES);
            System.out.printf("[kafka-outage] broker back after %d s; all registrations answered after %d s%n",
                    Duration.between(killed, back).toSeconds(), Duration.between(loadStarted, loadDone).toSeconds());

            AtomicReference<PatientReplicas> last = new AtomicReference<>();
            await("both replicas agree with patient-service and the outbox is empty").atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofSeconds(1))
                    .failFast("an outbox event marked FAILED", () -> last.get() != null && last.get().outboxFailed() > 0)
                    .until(() -> {
                        last.set(PatientReplicas.read(clinic));
                        return last.get().agree();
                    });
            Instant drained = Instant.now();
            PatientReplicas replicas = last.get();

            assertThat(notAccepted).as("registrations not accepted (only 201 counts, after any 429)").isEmpty();
            assertThat(accepted).hasSize(REGISTRATIONS);
            assertThat(replicas.source().keySet()).as("every accepted chart stored").containsAll(accepted.keySet());
            long duringOutage = accepted.values().stream()
                    .filter(at -> at.isAfter(killed) && at.isBefore(back)).count();
            assertThat(duringOutage).as("registrations accepted while the broker was down").isPositive();
            assertThat(maxBacklog.get()).as("events waited in the outbox").isPositive();

            String figures = figures(acceptedBeforeKill, duringOutage, tooManyRequests.get(), killed, restartBegun.get(),
                    back, loadStarted, loadDone, drained, maxBacklog.get(), replicas);
            System.out.println(figures);
            Files.writeString(clinic.workDir().resolve("kafka-outage.md"), figures);
        } finally {
            clients.shutdownNow();
            timers.shutdownNow();
            if (clinic.kafka().pid().flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive).isEmpty()) {
                clinic.kafka().start(); // the next test class needs a broker whatever happened here
            }
        }
    }

    /** One front-desk client: takes the next person until all are registered; a 429 is waited out. */
    private static void registerWhileAnyAreLeft(GatewayCaller frontDesk, NewPatients people, AtomicInteger next,
            Map<UUID, Instant> accepted, ConcurrentLinkedQueue<Answer> notAccepted, AtomicInteger tooManyRequests) {
        for (int n = next.getAndIncrement(); n < REGISTRATIONS; n = next.getAndIncrement()) {
            List<Answer> answers = frontDesk.register(people.registration(FIRST_PATIENT + n), answer -> answer.status() == 429);
            tooManyRequests.addAndGet(answers.size() - 1);
            Answer outcome = answers.get(answers.size() - 1);
            if (outcome.status() == 201) {
                accepted.put(UUID.fromString(outcome.json().get("id").asString()), Instant.now());
            } else {
                notAccepted.add(outcome);
            }
        }
    }

    private static String figures(int acceptedBeforeKill, long duringOutage, int tooManyRequests, Instant killed,
            Instant restartBegun, Instant back, Instant loadStarted, Instant loadDone, Instant drained, long maxBacklog,
            PatientReplicas replicas) {
        return """
                # Kafka broker killed during %d registrations

                | figure | value |
                |---|---|
                | registrations accepted (201) | %d of %d, by %d concurrent clients as frontdesk1 |
                | accepted before the kill | %d |
                | accepted while the broker was down | %d |
                | 429 answers waited out (gateway write limit) | %d |
                | registrations took | %d s |
                | broker down (SIGKILL to serving again) | %d s (restart took %d s) |
                | largest outbox backlog (sampled every 0.5 s) | %d events |
                | from broker back to both replicas agreeing, outbox empty | %d s |
                | patient events / charts in patient-service | %d / %d |
                | events not applied, FAILED events, charts differing | 0, 0, 0 |
                """.formatted(REGISTRATIONS, REGISTRATIONS, REGISTRATIONS, CLIENTS, acceptedBeforeKill, duringOutage,
                tooManyRequests, Duration.between(loadStarted, loadDone).toSeconds(),
                Duration.between(killed, back).toSeconds(), Duration.between(restartBegun, back).toSeconds(), maxBacklog,
                Duration.between(back, drained).toSeconds(), replicas.patientEvents().size(), replicas.source().size());
    }
}
