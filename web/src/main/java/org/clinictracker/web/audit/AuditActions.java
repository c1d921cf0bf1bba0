package org.clinictracker.web.audit;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import org.clinictracker.web.terms.ClinicalTerms;

/**
 * The audit codes the services record, in the words a clinic admin reads. A code the services add later still
 * reads as a sentence ("SOMETHING_NEW" → "Something new"), never as the raw code.
 */
final class AuditActions {

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("PATIENT_REGISTERED", "Registered the patient"),
            Map.entry("PATIENT_READ", "Opened the chart"),
            Map.entry("PATIENT_LISTED", "Saw the patient in a search result"),
            Map.entry("PATIENT_UPDATED", "Changed the chart"),
            Map.entry("SCREENING_RECORDED", "Recorded a screening"),
            Map.entry("SCREENING_OVERRIDDEN", "Overrode a screening result"),
            Map.entry("SCREENINGS_READ", "Read the screening history"),
            Map.entry("CONSENT_RECORDED", "Recorded consent"),
            Map.entry("CONSENTS_READ", "Read the consent history"),
            Map.entry("PROCEDURE_RECORDED", "Recorded a procedure"),
            Map.entry("PROCEDURE_AMENDED", "Amended a procedure"),
            Map.entry("PROCEDURE_READ", "Opened a procedure"),
            Map.entry("PROCEDURE_HISTORY_READ", "Read a procedure's earlier versions"),
            Map.entry("PROCEDURE_LISTED", "Saw the patient's procedures in a list"),
            Map.entry("PROCEDURE_RELINKED", "Relinked a procedure in its treatment chain"),
            Map.entry("ADVERSE_EVENT_REPORTED", "Reported an adverse event"),
            Map.entry("ADVERSE_EVENT_UPDATED", "Updated an adverse event"),
            Map.entry("ADVERSE_EVENT_HISTORY_READ", "Read an adverse event's history"),
            Map.entry("FOLLOW_UP_PLAN_CREATED", "Started a follow-up plan"),
            Map.entry("FOLLOW_UP_PLAN_AMENDED", "Amended a follow-up plan"),
            Map.entry("FOLLOW_UP_PLAN_REOPENED", "Reopened a follow-up plan"),
            Map.entry("FOLLOW_UP_PLAN_ENDED_BY_REPEAT", "Ended a follow-up plan: treated again"),
            Map.entry("SAFETY_CHECK_ADDED", "Added a safety check visit"),
            Map.entry("FOLLOW_UP_VISIT_ASSIGNED", "Assigned a follow-up visit"),
            Map.entry("FOLLOW_UP_VISIT_UNASSIGNED", "Unassigned a follow-up visit"),
            Map.entry("FOLLOW_UP_VISIT_RESCHEDULED", "Rescheduled a follow-up visit"),
            Map.entry("FOLLOW_UP_VISIT_MISSED", "Marked a follow-up visit missed"),
            Map.entry("FOLLOW_UP_OUTCOME_RECORDED", "Recorded a follow-up outcome"),
            Map.entry("FOLLOW_UP_OUTCOME_READ", "Read a follow-up outcome"),
            Map.entry("FOLLOW_UP_TIMELINE_READ", "Opened the patient timeline"),
            Map.entry("WORKLIST_READ", "Saw the patient on the worklist"),
            Map.entry("RELIEF_ENDING_LISTED", "Saw the patient on the ending-relief list"),
            Map.entry("PATIENT_FOLLOWED_AGAIN", "Patient followed again"),
            Map.entry("PATIENT_LOST_TO_FOLLOW_UP", "Patient marked lost to follow-up"),
            Map.entry("REPEAT_CANDIDATE_CREATED", "Proposed a repeat treatment"),
            Map.entry("REPEAT_CANDIDATE_REOPENED", "Reopened a repeat-treatment proposal"),
            Map.entry("REPEAT_CANDIDATE_REPEATED", "Closed a repeat-treatment proposal: treated again"),
            Map.entry("REPEAT_CANDIDATE_READ", "Opened a repeat-treatment proposal"),
            Map.entry("REPEAT_CANDIDATES_READ", "Saw the patient in the repeat-treatment queue"),
            Map.entry("REPEAT_CANDIDATE_DECIDED", "Decided on a repeat-treatment proposal"),
            Map.entry("FHIR_RECORD_EXPORTED", "Exported the record (FHIR)"),
            Map.entry("PROCEDURES_EXPORTED", "Handed over the procedures for a record export"),
            Map.entry("FOLLOW_UPS_EXPORTED", "Handed over the follow-ups for a record export"),
            Map.entry("PATIENT_LINK_ISSUED", "Made a link for the patient to answer a visit's questions"),
            Map.entry("PATIENT_LINK_SENT", "E-mailed the patient their questions link"),
            Map.entry("PATIENT_LINK_NOT_SENT", "Could not e-mail the patient their questions link"),
            Map.entry("PATIENT_LINK_READ", "Looked up where the patient's questions link stands"),
            Map.entry("PATIENT_LINK_OPENED", "The patient opened their questions link"),
            Map.entry("PATIENT_LINK_PREVIEWED", "The patient's questions link was fetched without being shown (a mail scanner or preview)"),
            Map.entry("PATIENT_ANSWERS_RECORDED", "The patient answered the visit's questions"),
            Map.entry("FOLLOW_UP_OUTCOME_AMENDED", "Corrected a follow-up outcome"),
            Map.entry("FOLLOW_UP_OUTCOME_REVIEWED", "Reviewed the patient's own answers"),
            Map.entry("FOLLOW_UP_OUTCOME_VERSIONS_READ", "Read a follow-up outcome's earlier versions"),
            Map.entry("AUDIT_TRAIL_READ", "Read this audit trail"));

    private static final Map<String, String> ROLES = Map.of(
            "front-desk", "Front desk",
            "proceduralist", "Proceduralist",
            "coordinator", "Coordinator",
            "clinic-admin", "Clinic admin",
            "patient", "The patient (through their link)",
            "service", "The system");

    private AuditActions() {
    }

    static String inWords(String code) {
        if (code == null || code.isBlank()) {
            return "(not recorded)";
        }
        String known = WORDS.get(code);
        return known != null ? known : ClinicalTerms.inWords(code);
    }

    /** The service records the roles as text ("coordinator" or "clinic-admin,coordinator"). */
    static String rolesInWords(String roles) {
        if (roles == null || roles.isBlank()) {
            return "";
        }
        return Arrays.stream(roles.split("[,\\s]+"))
                .filter(role -> !role.isBlank())
                .map(role -> ROLES.getOrDefault(role, role))
                .collect(Collectors.joining(", "));
    }

}
