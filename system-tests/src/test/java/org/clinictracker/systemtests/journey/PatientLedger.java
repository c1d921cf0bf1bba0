package org.clinictracker.systemtests.journey;

import static org.clinictracker.systemtests.ClinicService.FOLLOWUPS;
import static org.clinictracker.systemtests.ClinicService.PATIENTS;
import static org.clinictracker.systemtests.ClinicService.PROCEDURES;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.clinictracker.systemtests.ClinicService;

/**
 * What the three databases hold of one patient once her journey is over: the events each service published about
 * her (outbox rows by type), the changes each audited (by action; reads vary with how often a screen was looked at,
 * so they are left out), and what the consumers made of the events (replica rows, plans, visits, complications,
 * candidates). Two journeys that did the same things must leave the same ledger, a crash or not: an event lost
 * leaves a count short, an event applied twice leaves one too high.
 */
record PatientLedger(Map<String, Long> eventsPublished, Map<String, Long> changesAudited, Map<String, Long> consumed) {

    static final List<ClinicService> WITH_DATABASE = List.of(PATIENTS, PROCEDURES, FOLLOWUPS);

    static PatientLedger of(ClinicDatabases databases, UUID patientId) {
        Map<String, Long> published = new TreeMap<>();
        Map<String, Long> audited = new TreeMap<>();
        for (ClinicService service : WITH_DATABASE) {
            databases.counts(service, "SELECT event_type, count(*) FROM outbox_event WHERE message_key = ? GROUP BY event_type",
                    patientId.toString()).forEach((type, count) -> published.put(service.module() + " " + type, count));
            databases.counts(service, """
                    SELECT action, count(*) FROM audit_entry
                    WHERE patient_id = ? AND action NOT LIKE '%\\_READ' AND action NOT LIKE '%\\_LISTED'
                    GROUP BY action""", patientId)
                    .forEach((action, count) -> audited.put(service.module() + " " + action, count));
        }
        Map<String, Long> consumed = new TreeMap<>();
        consumed.put("procedure-service patient replicas",
                databases.count(PROCEDURES, "SELECT count(*) FROM known_patient WHERE id = ?", patientId));
        consumed.put("procedure-service consents known",
                databases.count(PROCEDURES, "SELECT count(*) FROM known_consent WHERE patient_id = ?", patientId));
        databases.counts(PROCEDURES, "SELECT source, count(*) FROM adverse_event WHERE patient_id = ? GROUP BY source",
                patientId).forEach((source, count) -> consumed.put("procedure-service adverse events " + source, count));
        consumed.put("followup-service patient replicas",
                databases.count(FOLLOWUPS, "SELECT count(*) FROM known_patient WHERE id = ?", patientId));
        consumed.put("followup-service procedures known",
                databases.count(FOLLOWUPS, "SELECT count(*) FROM known_procedure WHERE patient_id = ?", patientId));
        consumed.put("followup-service adverse events known",
                databases.count(FOLLOWUPS, "SELECT count(*) FROM known_adverse_event WHERE patient_id = ?", patientId));
        consumed.put("followup-service plans",
                databases.count(FOLLOWUPS, "SELECT count(*) FROM follow_up_plan WHERE patient_id = ?", patientId));
        consumed.put("followup-service visits",
                databases.count(FOLLOWUPS, "SELECT count(*) FROM follow_up_visit WHERE patient_id = ?", patientId));
        consumed.put("followup-service distinct visits (plan, label)", databases.count(FOLLOWUPS,
                "SELECT count(DISTINCT (plan_id, label)) FROM follow_up_visit WHERE patient_id = ?", patientId));
        databases.counts(FOLLOWUPS, "SELECT status, count(*) FROM repeat_candidate WHERE patient_id = ? GROUP BY status",
                patientId).forEach((status, count) -> consumed.put("followup-service repeat candidates " + status, count));
        return new PatientLedger(published, audited, consumed);
    }

    long published() {
        return eventsPublished.values().stream().mapToLong(Long::longValue).sum();
    }
}
