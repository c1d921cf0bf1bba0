package org.clinictracker.systemtests.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinictracker.systemtests.ClinicService.FOLLOWUPS;
import static org.clinictracker.systemtests.ClinicService.GATEWAY;
import static org.clinictracker.systemtests.ClinicService.PATIENTS;
import static org.clinictracker.systemtests.ClinicService.PROCEDURES;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.clinictracker.systemtests.ClinicService;
import org.clinictracker.systemtests.ClinicSystem;
import org.clinictracker.systemtests.journey.KneeJourney.Milestone;
import org.clinictracker.systemtests.journey.RequestLog.SentRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 9, "Faults survived": each part of the clinic killed with SIGKILL in the middle of the journey, just after a
 * write whose events another service still has to hear of, and started again at once; the journey goes on, its
 * users trying again (same Idempotency-Key, same request id) while the gateway answers 503 or nothing.
 * <p>
 * "No event lost, none applied twice" is checked against a journey walked undisturbed first: every outbox row is
 * published, and the patient's ledger (events published by type, changes audited, replica rows, plans, visits,
 * complications, candidates) is the same as the undisturbed one's, with the replicas on the chart's latest version,
 * one plan per procedure, no visit twice, and every event of the topics a service reads claimed in its inbox.
 * The times are written to {@code target/system/service-crashes.md}.
 */
class ServiceCrashSystemTests {

    /**
     * Everything that waits on another service may wait for a restart, and for events a killed outbox relay had
     * claimed: their lease ({@code clinic.outbox.claim-lease}, 2 minutes) runs out before the restarted relay sends
     * them. The users' patience and a minute and a half more.
     */
    private static final Duration WITHIN = ClinicClient.PATIENCE.plusSeconds(90);
    private static final CrashFigures FIGURES = new CrashFigures();

    private static ClinicSystem clinic;
    private static ClinicDatabases databases;
    private static PatientLedger undisturbed;

    @BeforeAll
    static void walkTheJourneyOnceUndisturbed() {
        clinic = ClinicSystem.start();
        databases = new ClinicDatabases(clinic);
        KneeJourney journey = new KneeJourney(clinic.baseUrl(GATEWAY), WITHIN);
        Instant started = Instant.now();
        journey.walk(milestone -> {
        });
        Duration took = Duration.between(started, Instant.now());
        awaitEveryEventPublishedAndClaimed(journey.patientId);
        undisturbed = PatientLedger.of(databases, journey.patientId);
        assertTheClinicAgreesWithItself(journey, undisturbed);
        FIGURES.undisturbed(new CrashFigures.Undisturbed(took, journey.requests.all().size(), undisturbed.published(),
                slowestEvent(journey.patientId)));
    }

    static Stream<Arguments> crashes() {
        return Stream.of(
                arguments(PATIENTS, Milestone.CONSENTED),
                arguments(PROCEDURES, Milestone.PROCEDURE_RECORDED),
                arguments(FOLLOWUPS, Milestone.MONTH_3_DOCUMENTED),
                arguments(GATEWAY, Milestone.MONTH_6_DOCUMENTED));
    }

    @ParameterizedTest(name = "{0} killed when {1}")
    @MethodSource("crashes")
    void the_journey_completes_with_no_event_lost_and_none_applied_twice(ClinicService part, Milestone when) {
        KneeJourney journey = new KneeJourney(clinic.baseUrl(GATEWAY), WITHIN);
        ServiceCrash crash = new ServiceCrash(clinic.service(part));
        Instant started = Instant.now();
        journey.walk(milestone -> {
            if (milestone == when) {
                crash.killAndRestart();
            }
        });
        Duration took = Duration.between(started, Instant.now());
        assertThat(crash.happened()).as("%s was killed", part.module()).isTrue();
        Duration downFor = crash.downFor();
        awaitEveryEventPublishedAndClaimed(journey.patientId);

        PatientLedger ledger = PatientLedger.of(databases, journey.patientId);
        long[] shortAndOver = CrashFigures.shortAndOver(undisturbed, ledger);
        List<SentRequest> waited = journey.requests.retried();
        FIGURES.add(new CrashFigures.Crash(part.module(), when.name(), downFor, waited.size(),
                waited.stream().map(SentRequest::waited).max(Duration::compareTo).orElse(Duration.ZERO),
                slowestEvent(journey.patientId), took,
                ledger.published(), shortAndOver[0], shortAndOver[1]));

        assertThat(ledger.eventsPublished()).as("events published about the patient").isEqualTo(undisturbed.eventsPublished());
        assertThat(ledger.changesAudited()).as("changes audited").isEqualTo(undisturbed.changesAudited());
        assertThat(ledger.consumed()).as("what the consumers made of the events").isEqualTo(undisturbed.consumed());
        assertTheClinicAgreesWithItself(journey, ledger);
        ClinicJourneySystemTests.assertEveryStepIsAudited(journey);
    }

    @AfterAll
    static void writeTheFigures() {
        FIGURES.write(Path.of(System.getProperty("clinic.system.work-dir", "target/system"), "service-crashes.md"));
    }

    /** What must hold after any journey, crash or not, beyond matching the undisturbed one. */
    private static void assertTheClinicAgreesWithItself(KneeJourney journey, PatientLedger ledger) {
        UUID patientId = journey.patientId;
        Integer chartVersion = databases.integers(PATIENTS, "SELECT version FROM patient WHERE id = ?", patientId).get(0);
        assertThat(chartVersion).as("the chart's version").isEqualTo(journey.patientVersion);
        for (ClinicService replica : List.of(PROCEDURES, FOLLOWUPS)) {
            assertThat(databases.integers(replica, "SELECT demographics_version FROM known_patient WHERE id = ?", patientId))
                    .as("%s's replica of the patient: once, on the chart's latest version", replica.module())
                    .containsExactly(chartVersion);
        }
        assertThat(ledger.consumed()).containsAllEntriesOf(Map.of(
                "procedure-service consents known", 1L,
                "procedure-service adverse events PROCEDURALIST", 1L,
                "procedure-service adverse events FOLLOW_UP", 1L,
                "followup-service procedures known", 2L,
                // the bruise, and the numbness noticed at month 3 coming back from procedure-service's record
                "followup-service adverse events known", 2L,
                "followup-service plans", 2L,
                "followup-service repeat candidates REPEATED", 1L));
        assertThat(ledger.consumed().get("followup-service visits")).as("no visit twice")
                .isEqualTo(ledger.consumed().get("followup-service distinct visits (plan, label)"))
                .isEqualTo(2L * KneeJourney.CRYO_VISITS.size());

    }

    /**
     * Every outbox row of the three services is published, and every event about the patient on the topics a service
     * reads is claimed in its inbox ({@code processed_event}, whose key admits an event id once). Both at once: a
     * consumer's work can publish further events.
     */
    private static void awaitEveryEventPublishedAndClaimed(UUID patientId) {
        Awaitility.await("every event about the patient claimed by its consumers").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    assertThat(unpublished()).as("outbox rows not yet published").isZero();
                    List<UUID> fromPatients = publishedAbout(PATIENTS, patientId);
                    List<UUID> fromProcedures = publishedAbout(PROCEDURES, patientId);
                    List<UUID> fromFollowUps = publishedAbout(FOLLOWUPS, patientId);
                    assertThat(unclaimed(PROCEDURES, fromPatients)).as("patient events procedure-service never claimed").isZero();
                    assertThat(unclaimed(PROCEDURES, fromFollowUps)).as("follow-up events procedure-service never claimed").isZero();
                    assertThat(unclaimed(FOLLOWUPS, fromPatients)).as("patient events followup-service never claimed").isZero();
                    assertThat(unclaimed(FOLLOWUPS, fromProcedures)).as("procedure events followup-service never claimed").isZero();
                });
    }

    private static List<UUID> publishedAbout(ClinicService producer, UUID patientId) {
        return databases.ids(producer, "SELECT event_id FROM outbox_event WHERE message_key = ?", patientId.toString());
    }

    private static long unclaimed(ClinicService consumer, List<UUID> eventIds) {
        return databases.count(consumer, """
                SELECT count(*) FROM unnest(?) AS sent(event_id)
                WHERE NOT EXISTS (SELECT 1 FROM processed_event claimed WHERE claimed.event_id = sent.event_id)""",
                eventIds);
    }

    /** The longest any event about the patient waited in an outbox, from its write to its publication. */
    private static Duration slowestEvent(UUID patientId) {
        return Duration.ofMillis(PatientLedger.WITH_DATABASE.stream()
                .mapToLong(service -> databases.count(service, """
                        SELECT coalesce(max(extract(epoch FROM published_at - occurred_at) * 1000), 0)::bigint
                        FROM outbox_event WHERE message_key = ?""", patientId.toString()))
                .max().orElse(0));
    }

    /** Outbox rows of all three services that their relays have not sent yet. */
    private static long unpublished() {
        return PatientLedger.WITH_DATABASE.stream()
                .mapToLong(service -> databases.count(service, "SELECT count(*) FROM outbox_event WHERE status <> 'PUBLISHED'"))
                .sum();
    }
}
