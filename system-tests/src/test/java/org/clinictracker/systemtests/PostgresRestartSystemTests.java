package org.clinictracker.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.assertj.core.api.SoftAssertions;
import org.clinictracker.systemtests.GatewayCaller.Answer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The clinic's PostgreSQL server restarted under a steady load of registrations and reads through the gateway, the
 * services left running: while it is away callers get a 503 problem+json with {@code Retry-After} at once (no 500, no
 * call hangs); within {@value #RECOVERY_SECONDS} s of it being back every call succeeds again and every service is
 * healthy; the outbox relay and the event consumers carry on by themselves; nothing that was answered 201 is lost.
 * Two restarts: a stop, {@code clinic.system.postgres-restart.down-seconds} (default 6) away, a start, as an upgrade
 * or a host reboot goes, so that calls do meet the database away; then {@code pg_ctl restart}, the quick one. The
 * figures go to the console and {@code target/system/postgres-restart.md}.
 */
class PostgresRestartSystemTests {

    static final int RECOVERY_SECONDS = 15;
    private static final Duration RECOVERY = Duration.ofSeconds(RECOVERY_SECONDS);
    private static final Duration DOWN = Duration.ofSeconds(Long.getLong("clinic.system.postgres-restart.down-seconds", 6));
    /** The gateway's time limit is 8 s; an answer later than this is a hang. */
    private static final Duration SLOWEST_ANSWER = Duration.ofSeconds(10);
    /** Patients 1000-1999 of {@link NewPatients}: no other test registers them. */
    private static final int FIRST_PATIENT = 1000;
    private static final Set<String> UNAVAILABLE_CODES = Set.of("database-unavailable", "service-unavailable", "outcome-unknown");

    private static ClinicSystem clinic;

    @BeforeAll
    static void startTheClinic() {
        clinic = ClinicSystem.start();
    }

    @Test
    void the_services_ride_out_a_database_restart_without_being_restarted_themselves() throws Exception {
        Map<ClinicService, Long> pids = new EnumMap<>(ClinicService.class);
        ClinicService.BEHIND_GATEWAY.forEach(service -> pids.put(service, clinic.service(service).pid()));
        Load load = new Load(new GatewayCaller(clinic.baseUrl(ClinicService.GATEWAY)));
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
        try {
            load.start();
            System.out.println("[postgres-restart] load started");
            await("the load running").atMost(Duration.ofMinutes(1)).until(() -> load.registered.size() >= 10);

            Restart slow = new Restart("stopped, " + DOWN.toSeconds() + " s away, started", Instant.now());
            clinic.postgres().stop();
            slow.back = timers.schedule(() -> {
                clinic.postgres().start();
                return Instant.now();
            }, DOWN.toMillis(), TimeUnit.MILLISECONDS).get(2, TimeUnit.MINUTES);
            slow.healthy = awaitEveryServiceHealthy(slow.back);
            awaitSucceedingCallsSince(load, slow.back.plus(RECOVERY));
            System.out.printf("[postgres-restart] %s: back after %d ms, services healthy %d ms later%n", slow.how,
                    Duration.between(slow.down, slow.back).toMillis(), Duration.between(slow.back, slow.healthy).toMillis());

            Restart quick = new Restart("pg_ctl restart -m fast", Instant.now());
            clinic.postgres().restart();
            quick.back = Instant.now();
            quick.healthy = awaitEveryServiceHealthy(quick.back);
            awaitSucceedingCallsSince(load, quick.back.plus(RECOVERY));
            System.out.printf("[postgres-restart] %s: back after %d ms, services healthy %d ms later%n", quick.how,
                    Duration.between(quick.down, quick.back).toMillis(), Duration.between(quick.back, quick.healthy).toMillis());
            load.stop();
            Instant loadStopped = Instant.now();
            System.out.printf("[postgres-restart] load stopped: %d calls, %d registrations%n", load.answers.size(),
                    load.registered.size());

            // well inside the relay's 2-minute claim lease: no event may be left waiting for it
            AtomicReference<PatientReplicas> replicas = new AtomicReference<>();
            await("the relay and the consumers caught up: both replicas agree with patient-service")
                    .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        replicas.set(PatientReplicas.read(clinic));
                        return replicas.get().agree();
                    });
            Instant caughtUp = Instant.now();

            SoftAssertions softly = new SoftAssertions();
            for (Answer answer : load.answers) {
                softly.assertThat(answer.status()).as("no server error, every call answered: %s", answer).isIn(200, 201, 429, 503);
                softly.assertThat(answer.took()).as("answered in time: %s", answer).isLessThanOrEqualTo(SLOWEST_ANSWER);
                if (answer.status() == 503) {
                    softly.assertThat(answer.isProblem() && UNAVAILABLE_CODES.contains(answer.code())
                            && answer.retryAfterSeconds() != null).as("a 503 problem with Retry-After: %s", answer).isTrue();
                }
            }
            for (Restart restart : List.of(slow, quick)) {
                Instant nextDown = restart == slow ? quick.down : Instant.MAX;
                softly.assertThat(load.failuresSentBetween(restart.back.plus(RECOVERY), nextDown))
                        .as("calls failing more than %d s after the database was back (%s)", RECOVERY_SECONDS, restart.how)
                        .isEmpty();
            }
            softly.assertThat(load.answers.stream().filter(answer -> "database-unavailable".equals(answer.code()))
                            .filter(answer -> slow.covers(answer.sentAt())))
                    .as("callers were told the database is unavailable while it was away").isNotEmpty();
            pids.forEach((service, pid) -> softly.assertThat(clinic.service(service).pid())
                    .as("%s not restarted", service.module()).isEqualTo(pid));
            pids.keySet().forEach(service -> softly.assertThat(clinic.service(service).alive())
                    .as("%s alive", service.module()).isTrue());
            softly.assertThat(replicas.get().source().keySet()).as("every chart answered 201 is stored")
                    .containsAll(load.registered);
            softly.assertAll();

            String figures = figures(load, List.of(slow, quick), Duration.between(loadStopped, caughtUp));
            System.out.println(figures);
            Files.writeString(clinic.workDir().resolve("postgres-restart.md"), figures);
        } finally {
            load.stop();
            timers.shutdownNow();
            if (!clinic.postgres().running()) {
                clinic.postgres().start(); // the next test class needs the database whatever happened here
            }
        }
    }

    private static Instant awaitEveryServiceHealthy(Instant back) {
        await("every service healthy within " + RECOVERY_SECONDS + " s of the database being back")
                .atMost(RECOVERY).pollInterval(Duration.ofMillis(250))
                .until(() -> ClinicService.BEHIND_GATEWAY.stream().allMatch(service -> clinic.service(service).healthy()));
        return Instant.now();
    }

    /** A good stretch of calls all sent after {@code since}, so the check of that stretch has something to check. */
    private static void awaitSucceedingCallsSince(Load load, Instant since) {
        await("30 calls sent after " + since).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
                .until(() -> load.answers.stream().filter(answer -> answer.sentAt().isAfter(since)).count() >= 30);
    }

    private static String figures(Load load, List<Restart> restarts, Duration catchingUp) {
        StringBuilder figures = new StringBuilder("""
                # PostgreSQL restarted under load

                %d calls through the gateway (%d registrations answered 201 by 2 clients as frontdesk1, reads of all
                three services by a third), services not restarted.

                | restart | database away | calls failed | their answers | slowest answer sent while away | last failure after back | all services healthy after back |
                |---|---|---|---|---|---|---|
                """.formatted(load.answers.size(), load.registered.size()));
        for (Restart restart : restarts) {
            List<Answer> meeting = load.answers.stream()
                    .filter(answer -> answer.sentAt().isAfter(restart.down) || answer.sentAt().plus(answer.took()).isAfter(restart.down))
                    .filter(answer -> answer.sentAt().isBefore(restart.back.plus(RECOVERY)))
                    .filter(answer -> !answer.succeeded())
                    .toList();
            String answers = meeting.stream()
                    .collect(Collectors.groupingBy(answer -> answer.status() + (answer.code() == null ? "" : " " + answer.code()),
                            Collectors.counting()))
                    .entrySet().stream().map(entry -> entry.getValue() + "× " + entry.getKey()).sorted()
                    .collect(Collectors.joining(", "));
            Duration slowest = load.answers.stream().filter(answer -> restart.covers(answer.sentAt()))
                    .map(Answer::took).max(Duration::compareTo).orElse(Duration.ZERO);
            Duration lastFailure = meeting.stream().map(answer -> answer.sentAt().plus(answer.took()))
                    .max(Instant::compareTo).map(end -> Duration.between(restart.back, end))
                    .filter(after -> !after.isNegative()).orElse(Duration.ZERO);
            figures.append("| %s | %.1f s | %d | %s | %.1f s | %.1f s | %.1f s |%n".formatted(restart.how,
                    seconds(Duration.between(restart.down, restart.back)), meeting.size(),
                    answers.isEmpty() ? "none failed" : answers, seconds(slowest), seconds(lastFailure),
                    seconds(Duration.between(restart.back, restart.healthy))));
        }
        figures.append("%nFrom the load's end to both replicas agreeing with patient-service (outbox empty): %.1f s.%n"
                .formatted(seconds(catchingUp)));
        return figures.toString();
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    /** One restart: when the database went and came back, when every service was healthy again. */
    private static final class Restart {
        final String how;
        final Instant down;
        Instant back;
        Instant healthy;

        Restart(String how, Instant down) {
            this.how = how;
            this.down = down;
        }

        boolean covers(Instant sentAt) {
            return !sentAt.isBefore(down) && sentAt.isBefore(back);
        }
    }

    /**
     * Two front-desk clients registering one person after another (a 429, a 503 or no answer is sent again with
     * the same Idempotency-Key after its Retry-After, as the problem asks) and a reader calling each service every
     * 200 ms without waiting; every answer kept.
     */
    private static final class Load {
        final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        final Set<UUID> registered = ConcurrentHashMap.newKeySet();
        private final List<UUID> readable = new CopyOnWriteArrayList<>();
        private final GatewayCaller caller;
        private final NewPatients people = new NewPatients();
        private final AtomicInteger next = new AtomicInteger(FIRST_PATIENT);
        private final AtomicInteger reads = new AtomicInteger();
        private final ScheduledExecutorService clients = Executors.newScheduledThreadPool(3);

        Load(GatewayCaller caller) {
            this.caller = caller;
        }

        void start() {
            clients.scheduleWithFixedDelay(this::registerOne, 0, 300, TimeUnit.MILLISECONDS);
            clients.scheduleWithFixedDelay(this::registerOne, 150, 300, TimeUnit.MILLISECONDS);
            clients.scheduleWithFixedDelay(this::readOne, 0, 200, TimeUnit.MILLISECONDS);
        }

        /** Lets each client finish its call (a registration until it is answered 201), then stops them. */
        void stop() throws InterruptedException {
            clients.shutdown();
            if (!clients.awaitTermination(2, TimeUnit.MINUTES)) {
                clients.shutdownNow();
            }
        }

        List<Answer> failuresSentBetween(Instant from, Instant to) {
            return answers.stream().filter(answer -> answer.sentAt().isAfter(from) && answer.sentAt().isBefore(to))
                    .filter(answer -> !answer.succeeded() && answer.status() != 429).toList();
        }

        private void registerOne() {
            int n = next.getAndIncrement();
            if (n >= FIRST_PATIENT + 1000) {
                return; // a thousand is far more than a run makes
            }
            List<Answer> sent = caller.register(people.registration(n),
                    answer -> answer.status() == 429 || answer.status() == 503 || answer.status() == 0);
            answers.addAll(sent);
            Answer outcome = sent.get(sent.size() - 1);
            if (outcome.status() == 201) {
                UUID id = UUID.fromString(outcome.json().get("id").asString());
                registered.add(id);
                readable.add(id);
            }
        }

        private void readOne() {
            if (readable.isEmpty()) {
                return;
            }
            UUID patient = readable.get(reads.get() % readable.size());
            answers.add(switch (reads.getAndIncrement() % 3) {
                case 0 -> caller.get("front-desk", "/api/patients/" + patient);
                case 1 -> caller.get("proceduralist", "/api/procedures?patientId=" + patient);
                default -> caller.get("coordinator", "/api/followups?patientId=" + patient);
            });
        }
    }
}
