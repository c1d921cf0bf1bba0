package org.clinictracker.web.desk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.clinictracker.web.api.ApiProblem;
import org.clinictracker.web.api.ClinicApi;
import org.springframework.stereotype.Component;

/**
 * The API's "possible duplicate" (409 {@code possible-duplicate}, on a registration or a correction): the existing
 * charts it names, each read in full so the clerk can compare (one that cannot be read shows its MRN).
 */
@Component
class PossibleDuplicates {

    private final ClinicApi api;

    PossibleDuplicates(ClinicApi api) {
        this.api = api;
    }

    static boolean isPossibleDuplicate(ApiProblem problem) {
        return problem.status() == 409 && "possible-duplicate".equals(problem.code());
    }

    List<Candidate> candidates(ApiProblem problem) {
        List<Candidate> candidates = new ArrayList<>();
        if (problem.body().get("candidates") instanceof List<?> named) {
            for (Object entry : named) {
                if (entry instanceof Map<?, ?> candidate && candidate.get("id") != null) {
                    String id = String.valueOf(candidate.get("id"));
                    String mrn = candidate.get("mrn") == null ? null : String.valueOf(candidate.get("mrn"));
                    candidates.add(read(id, mrn));
                }
            }
        }
        return candidates;
    }

    private Candidate read(String id, String mrn) {
        try {
            return Candidate.of(id, mrn, api.get("/api/patients/{id}", id));
        } catch (ApiProblem unreadable) {
            return Candidate.of(id, mrn, Map.of());
        }
    }

    /** An existing chart that may be the same person: what a clerk compares (name, birth date, phone). */
    public record Candidate(String id, String mrn, String name, String birthDate, String phone) {

        static Candidate of(String id, String mrn, Map<String, Object> chart) {
            return new Candidate(id, chart.get("mrn") != null ? String.valueOf(chart.get("mrn")) : mrn,
                    text(chart.get("displayName")), text(chart.get("birthDate")), text(chart.get("phone")));
        }

        private static String text(Object value) {
            return value == null ? null : String.valueOf(value);
        }
    }
}
