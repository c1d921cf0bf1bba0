package org.clinictracker.patients.screening;

import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The screening flag of a page of search results, in one query: for each patient ever screened, what
 * their latest screening says now for its headline modality (the latest override covering that modality,
 * else the screening's own result; {@link Screening#effectiveResult()} in SQL). Patients never screened are absent.
 */
@Repository
public class LatestScreeningResults {

    private final JdbcClient jdbc;

    public LatestScreeningResults(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Map<UUID, ScreeningResult> of(Collection<UUID> patientIds) {
        if (patientIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, ScreeningResult> results = new HashMap<>();
        jdbc.sql("""
                SELECT DISTINCT ON (s.patient_id) s.patient_id,
                       COALESCE((SELECT o.result FROM screening_override o WHERE o.screening_id = s.id
                                   AND (o.modalities = '[]'::jsonb
                                        OR jsonb_exists(o.modalities, COALESCE(s.answers ->> 'plannedModality', 'CRYONEUROLYSIS')))
                                 ORDER BY o.overridden_at DESC, o.id DESC LIMIT 1), s.result) AS effective_result
                FROM screening s WHERE s.patient_id IN (:ids)
                ORDER BY s.patient_id, s.screened_at DESC, s.id""")
                .param("ids", patientIds)
                .query((ResultSet rs) -> {
                    results.put(rs.getObject("patient_id", UUID.class),
                            ScreeningResult.valueOf(rs.getString("effective_result")));
                });
        return results;
    }
}
