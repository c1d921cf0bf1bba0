package org.clinictracker.patients.screening;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.clinictracker.patients.screening.Screening.Override;
import org.clinictracker.patients.screening.Screening.Reason;
import org.clinictracker.patients.screening.ScreeningEvaluator.Assessment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Screenings (table {@code screening}) and their overrides (table {@code screening_override}); rows are never updated. */
@Repository
public class ScreeningRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public ScreeningRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insert(UUID id, UUID patientId, ScreeningAnswers answers, Assessment assessment, Instant at,
            String by) {
        jdbc.sql("""
                INSERT INTO screening (id, patient_id, answers, result, reason_codes, unanswered, screened_at, screened_by)
                VALUES (?, ?, CAST(? AS jsonb), ?, CAST(? AS jsonb), CAST(? AS jsonb), ?, ?)""")
                .param(id).param(patientId).param(json.writeValueAsString(answers)).param(assessment.result().name())
                .param(json.writeValueAsString(assessment.reasons().stream().map(Enum::name).toList()))
                .param(json.writeValueAsString(assessment.unanswered()))
                .param(Timestamp.from(at)).param(by)
                .update();
    }

    public void insertOverride(UUID screeningId, Override override) {
        jdbc.sql("""
                INSERT INTO screening_override (id, screening_id, result, reason, overridden_by, overridden_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .param(override.id()).param(screeningId).param(override.result().name()).param(override.reason())
                .param(override.overriddenBy()).param(Timestamp.from(override.overriddenAt()))
                .update();
    }

    /** The patient's screenings, newest first, each with its overrides. */
    public List<Screening> findByPatient(UUID patientId) {
        return withOverrides(jdbc.sql("""
                SELECT id, patient_id, answers, result, reason_codes, unanswered, screened_at, screened_by
                FROM screening WHERE patient_id = ? ORDER BY screened_at DESC, id""")
                .param(patientId).query(this::mapRow).list());
    }

    public Optional<Screening> findLatest(UUID patientId) {
        return findByPatient(patientId).stream().findFirst();
    }

    private Screening mapRow(ResultSet rs, int row) throws SQLException {
        List<String> unanswered = json.readValue(rs.getString("unanswered"), new TypeReference<List<String>>() { });
        List<Reason> reasons = json.readValue(rs.getString("reason_codes"), new TypeReference<List<String>>() { })
                .stream().map(ScreeningReason::valueOf).map(reason -> describe(reason, unanswered)).toList();
        return new Screening(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
                json.readValue(rs.getString("answers"), ScreeningAnswers.class),
                ScreeningResult.valueOf(rs.getString("result")), reasons, rs.getTimestamp("screened_at").toInstant(),
                rs.getString("screened_by"), List.of());
    }

    static Reason describe(ScreeningReason reason, List<String> unanswered) {
        String message = reason == ScreeningReason.INCOMPLETE_ANSWERS
                ? reason.message() + ": " + String.join(", ", unanswered)
                : reason.message();
        return new Reason(reason.name(), message);
    }

    private List<Screening> withOverrides(List<Screening> screenings) {
        if (screenings.isEmpty()) {
            return screenings;
        }
        Map<UUID, List<Override>> overrides = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT id, screening_id, result, reason, overridden_by, overridden_at FROM screening_override
                WHERE screening_id IN (:ids) ORDER BY overridden_at, id""")
                .param("ids", screenings.stream().map(Screening::id).toList())
                .query(rs -> {
                    overrides.computeIfAbsent(rs.getObject("screening_id", UUID.class), id -> new ArrayList<>())
                            .add(new Override(rs.getObject("id", UUID.class), ScreeningResult.valueOf(rs.getString("result")),
                                    rs.getString("reason"), rs.getString("overridden_by"),
                                    rs.getTimestamp("overridden_at").toInstant()));
                });
        return screenings.stream()
                .map(s -> new Screening(s.id(), s.patientId(), s.answers(), s.result(), s.reasons(), s.screenedAt(),
                        s.screenedBy(), List.copyOf(overrides.getOrDefault(s.id(), List.of()))))
                .toList();
    }
}
