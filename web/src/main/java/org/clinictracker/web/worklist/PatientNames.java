package org.clinictracker.web.worklist;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.clinictracker.web.api.ApiProblem;
import org.clinictracker.web.api.ClinicApi;
import org.springframework.stereotype.Component;

/**
 * Who the patient of each row is. followup-service's lists carry the MRN and display name it learned from the
 * patients' events; only a row whose registration has not reached it yet lacks them, and only for those the
 * patient is read from patient-service, once per distinct patient on the page (at most a page's 20 rows).
 */
@Component
public class PatientNames {

    private final ClinicApi api;

    PatientNames(ClinicApi api) {
        this.api = api;
    }

    /** Fills {@code displayName} and {@code mrn} where a row lacks them; a patient that cannot be read stays unnamed. */
    public void fill(List<Map<String, Object>> rows) {
        Map<Object, Map<String, Object>> read = new HashMap<>();
        for (Map<String, Object> row : rows) {
            if (row.get("displayName") != null || row.get("patientId") == null) {
                continue;
            }
            Map<String, Object> patient = read.computeIfAbsent(row.get("patientId"), this::patient);
            if (!patient.isEmpty()) {
                row.put("displayName", patient.get("givenName") + " " + patient.get("familyName"));
                row.put("mrn", patient.get("mrn"));
            }
        }
    }

    private Map<String, Object> patient(Object id) {
        try {
            return api.get("/api/patients/{id}", id);
        } catch (ApiProblem unreadable) {
            return Map.of();
        }
    }
}
