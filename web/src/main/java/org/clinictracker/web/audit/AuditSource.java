package org.clinictracker.web.audit;

/**
 * The three services that each keep their own audit trail of a patient, with the API path of that trail. The
 * patient service names the patient in the path, the others take it as {@code patientId}.
 */
public enum AuditSource {

    PATIENTS("Patients", "/api/patients/{patientId}/audit"),
    PROCEDURES("Procedures", "/api/procedures/audit"),
    FOLLOW_UPS("Follow-ups", "/api/followups/audit");

    private final String label;
    private final String path;

    AuditSource(String label, String path) {
        this.label = label;
        this.path = path;
    }

    /** How the page names the service ("which service kept this entry"). */
    public String label() {
        return label;
    }

    String path(String patientId) {
        return path.replace("{patientId}", patientId);
    }

    boolean patientInPath() {
        return path.contains("{patientId}");
    }
}
