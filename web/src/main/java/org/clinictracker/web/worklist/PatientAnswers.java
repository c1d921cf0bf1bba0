package org.clinictracker.web.worklist;

import java.util.List;
import java.util.Map;

import org.clinictracker.web.api.ApiProblem;
import org.clinictracker.web.api.ClinicApi;
import org.springframework.stereotype.Component;

/**
 * The answers each row of "Answered by patients" shows: the visit's outcome, read from followup-service (the
 * worklist lists visits, not outcomes), one call per row of a page (at most 20). A row whose outcome cannot be
 * read says so and offers no review.
 */
@Component
class PatientAnswers {

    private final ClinicApi api;

    PatientAnswers(ClinicApi api) {
        this.api = api;
    }

    /** Puts the visit's outcome into each row as {@code outcome}; null where it could not be read. */
    void fill(List<Map<String, Object>> rows) {
        for (Map<String, Object> row : rows) {
            row.put("outcome", row.get("id") == null ? null : outcome(row.get("id")));
        }
    }

    private Map<String, Object> outcome(Object visitId) {
        try {
            return api.get("/api/followups/{id}/outcome", visitId);
        } catch (ApiProblem unreadable) {
            return null;
        }
    }
}
