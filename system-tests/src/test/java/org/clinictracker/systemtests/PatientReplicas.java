package org.clinictracker.systemtests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.clinictracker.testsupport.TestInfrastructure.PostgresDatabase;

/**
 * patient-service's charts (the source) against what procedure-service and followup-service keep of them (their
 * {@code known_patient} replicas, fed by {@code clinic.patients.v1}), read straight from the three databases at one
 * moment: the same patients with the same chart version and MRN; every patient event patient-service's outbox
 * holds recorded once in each consumer's inbox ({@code processed_event}, keyed by event id, so an event applied
 * twice cannot hide there); the outbox's backlog and FAILED events. A replica row without demographics (a procedure
 * or a missed visit came before the chart) is no copy of a chart and is left out.
 */
record PatientReplicas(Map<UUID, Chart> source, Map<UUID, Chart> procedures, Map<UUID, Chart> followups,
        Set<UUID> patientEvents, Set<UUID> notAppliedByProcedures, Set<UUID> notAppliedByFollowups, long outboxPending,
        long outboxFailed) {

    static final String PATIENT_TOPIC = "clinic.patients.v1";

    record Chart(int version, String mrn) {
    }

    static PatientReplicas read(ClinicSystem clinic) {
        try (Connection patients = connect(clinic.database(ClinicService.PATIENTS));
                Connection procedures = connect(clinic.database(ClinicService.PROCEDURES));
                Connection followups = connect(clinic.database(ClinicService.FOLLOWUPS))) {
            Set<UUID> events = ids(patients, "SELECT event_id FROM outbox_event WHERE topic = '" + PATIENT_TOPIC + "'");
            return new PatientReplicas(
                    charts(patients, "SELECT id, version, mrn FROM patient"),
                    charts(procedures, "SELECT id, demographics_version, mrn FROM known_patient WHERE mrn IS NOT NULL"),
                    charts(followups, "SELECT id, demographics_version, mrn FROM known_patient WHERE mrn IS NOT NULL"),
                    events,
                    missing(events, ids(procedures, "SELECT event_id FROM processed_event")),
                    missing(events, ids(followups, "SELECT event_id FROM processed_event")),
                    count(patients, "SELECT count(*) FROM outbox_event WHERE status = 'PENDING'"),
                    count(patients, "SELECT count(*) FROM outbox_event WHERE status = 'FAILED'"));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the patients and their replicas", e);
        }
    }

    /** Events patient-service has not yet had acknowledged by Kafka. */
    static long outboxBacklog(ClinicSystem clinic) throws SQLException {
        try (Connection patients = connect(clinic.database(ClinicService.PATIENTS))) {
            return count(patients, "SELECT count(*) FROM outbox_event WHERE status = 'PENDING'");
        }
    }

    /** Both replicas are the source, every patient event is applied by both, the outbox is empty. */
    boolean agree() {
        return procedures.equals(source) && followups.equals(source) && notAppliedByProcedures.isEmpty()
                && notAppliedByFollowups.isEmpty() && outboxPending == 0 && outboxFailed == 0;
    }

    /** What is off, in counts and a few ids, for a failure message. */
    String differences() {
        return ("source %d charts, %d patient events; outbox %d pending, %d FAILED; procedure-service: %s, %d events"
                + " not applied; followup-service: %s, %d events not applied").formatted(source.size(),
                        patientEvents.size(), outboxPending, outboxFailed, differences(procedures),
                        notAppliedByProcedures.size(), differences(followups), notAppliedByFollowups.size());
    }

    private String differences(Map<UUID, Chart> replica) {
        Set<UUID> missing = new HashSet<>(source.keySet());
        missing.removeAll(replica.keySet());
        Set<UUID> unknown = new HashSet<>(replica.keySet());
        unknown.removeAll(source.keySet());
        long otherVersion = source.entrySet().stream()
                .filter(chart -> replica.containsKey(chart.getKey()) && !Objects.equals(replica.get(chart.getKey()), chart.getValue()))
                .count();
        return "%d charts, %d missing%s, %d not in the source, %d with another version or MRN".formatted(replica.size(),
                missing.size(), missing.isEmpty() ? "" : " (e.g. " + missing.iterator().next() + ")", unknown.size(),
                otherVersion);
    }

    private static Connection connect(PostgresDatabase database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    private static Map<UUID, Chart> charts(Connection connection, String query) throws SQLException {
        Map<UUID, Chart> charts = new HashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                charts.put(rows.getObject(1, UUID.class), new Chart(rows.getInt(2), rows.getString(3)));
            }
        }
        return charts;
    }

    private static Set<UUID> ids(Connection connection, String query) throws SQLException {
        Set<UUID> ids = new HashSet<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                ids.add(rows.getObject(1, UUID.class));
            }
        }
        return ids;
    }

    private static long count(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Set<UUID> missing(Set<UUID> expected, Set<UUID> present) {
        Set<UUID> missing = new HashSet<>(expected);
        missing.removeAll(present);
        return missing;
    }
}
