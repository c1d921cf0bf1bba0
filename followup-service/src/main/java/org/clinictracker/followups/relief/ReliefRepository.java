package org.clinictracker.followups.relief;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.clinictracker.events.procedures.TreatedTarget;
import org.clinictracker.vocabulary.Modality;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The plans' relief so far and their expected end (columns {@code expected_relief_*} of {@code follow_up_plan}). */
@Repository
class ReliefRepository {

    private static final TypeReference<List<TreatedTarget>> TARGETS = new TypeReference<>() { };

    /** A plan, its procedure's targets from the replica (none if it has not arrived), and its response so far. */
    record PlanRelief(TreatedPlan plan, UUID patientId, boolean repeated) {
    }

    /** Responders still in relief whose likely end falls in [:from, :to], soonest first, a page at a time. */
    static final String ENDING_BETWEEN = """
                SELECT p.id, p.patient_id, pt.mrn, pt.display_name, pt.lost_to_follow_up_since, p.procedure_id, p.modality,
                       k.targets::text AS targets,
                       p.performed_on, p.treatment_number, p.responder_since, p.expected_relief_end,
                       p.expected_relief_earliest, p.expected_relief_latest, p.expected_relief_basis, p.expected_relief_sample
                FROM follow_up_plan p
                LEFT JOIN known_patient pt ON pt.id = p.patient_id
                LEFT JOIN known_procedure k ON k.id = p.procedure_id
                WHERE p.relief_ended_on IS NULL AND p.expected_relief_end BETWEEN :from AND :to
                ORDER BY p.expected_relief_end, p.id
                LIMIT :limit OFFSET :offset""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ReliefRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The plan with its row locked, so two outcomes of one plan recorded at once store one estimate after the other. */
    Optional<PlanRelief> lockPlan(UUID planId) {
        return jdbc.sql("""
                SELECT p.id, p.procedure_id, p.previous_procedure_id, p.patient_id, p.modality, p.performed_on,
                       p.responder_since, p.relief_ended_on, k.targets::text AS targets,
                       EXISTS (SELECT 1 FROM follow_up_plan n WHERE n.previous_procedure_id = p.procedure_id) AS repeated
                FROM follow_up_plan p LEFT JOIN known_procedure k ON k.id = p.procedure_id
                WHERE p.id = ? FOR UPDATE OF p""")
                .param(planId)
                .query((rs, row) -> new PlanRelief(treatedPlan(rs), rs.getObject("patient_id", UUID.class),
                        rs.getBoolean("repeated")))
                .optional();
    }

    Optional<UUID> planOfProcedure(UUID procedureId) {
        return jdbc.sql("SELECT id FROM follow_up_plan WHERE procedure_id = ?").param(procedureId)
                .query(UUID.class).optional();
    }

    /** All of a patient's plans with their targets (a patient has a handful: read them whole and choose in Java). */
    List<TreatedPlan> patientPlans(UUID patientId) {
        return jdbc.sql("""
                SELECT p.id, p.procedure_id, p.previous_procedure_id, p.modality, p.performed_on, p.responder_since,
                       p.relief_ended_on, k.targets::text AS targets
                FROM follow_up_plan p LEFT JOIN known_procedure k ON k.id = p.procedure_id
                WHERE p.patient_id = ?""")
                .param(patientId)
                .query((rs, row) -> treatedPlan(rs))
                .list();
    }

    /**
     * Days of relief after each of the clinic's treatments with this modality on one of these nerves (any side,
     * any patient) that brought relief which has ended, other than this plan's. Read whole: a clinic's record is
     * thousands of plans (about 60 ms per 10,000 ended reliefs of a modality on the development machine).
     */
    List<Integer> clinicReliefDays(Modality modality, Set<String> nerves, UUID exceptPlanId) {
        if (nerves.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT p.relief_ended_on - p.performed_on
                FROM follow_up_plan p JOIN known_procedure k ON k.id = p.procedure_id
                WHERE p.modality = :modality AND p.relief_ended_on IS NOT NULL AND p.responder_since IS NOT NULL
                  AND p.id <> :planId
                  AND EXISTS (SELECT 1 FROM jsonb_array_elements(k.targets) target
                              WHERE target ->> 'nerve' IN (:nerves))""")
                .param("modality", modality.name()).param("planId", exceptPlanId).param("nerves", nerves)
                .query(Integer.class).list();
    }

    /** Stores the estimate, or clears it ({@code null}). */
    void store(UUID planId, ExpectedReliefEnd estimate) {
        jdbc.sql("""
                UPDATE follow_up_plan SET expected_relief_end = ?, expected_relief_earliest = ?, expected_relief_latest = ?,
                                          expected_relief_basis = ?, expected_relief_sample = ?
                WHERE id = ?""")
                .param(estimate == null ? null : Date.valueOf(estimate.likely()))
                .param(estimate == null ? null : Date.valueOf(estimate.earliest()))
                .param(estimate == null ? null : Date.valueOf(estimate.latest()))
                .param(estimate == null ? null : estimate.basis().name())
                .param(estimate == null ? null : estimate.sampleSize())
                .param(planId)
                .update();
    }

    /**
     * Responders whose relief goes on and whose likely end falls in [from, to], soonest first. The range on
     * {@code expected_relief_end} with {@code relief_ended_on IS NULL} is what the partial index
     * {@code follow_up_plan_relief_end} holds, in this order, so a page reads only its own rows.
     */
    List<ReliefEnding> endingBetween(LocalDate from, LocalDate to, long offset, int limit) {
        return jdbc.sql(ENDING_BETWEEN)
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .param("limit", limit).param("offset", offset)
                .query((rs, row) -> new ReliefEnding(rs.getObject("patient_id", UUID.class), rs.getString("mrn"),
                        rs.getString("display_name"), rs.getObject("id", UUID.class),
                        rs.getObject("procedure_id", UUID.class), Modality.valueOf(rs.getString("modality")),
                        targets(rs.getString("targets")), day(rs, "performed_on"), rs.getInt("treatment_number"),
                        day(rs, "responder_since"), estimate(rs), day(rs, "lost_to_follow_up_since")))
                .list();
    }

    long countEndingBetween(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT count(*) FROM follow_up_plan
                WHERE relief_ended_on IS NULL AND expected_relief_end BETWEEN :from AND :to""")
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query(Long.class).single();
    }

    /** The stored estimate of a row with the {@code expected_relief_*} columns, or null. */
    static ExpectedReliefEnd estimate(ResultSet rs) throws SQLException {
        LocalDate likely = day(rs, "expected_relief_end");
        if (likely == null) {
            return null;
        }
        return new ExpectedReliefEnd(likely, day(rs, "expected_relief_earliest"), day(rs, "expected_relief_latest"),
                ReliefBasis.valueOf(rs.getString("expected_relief_basis")),
                rs.getObject("expected_relief_sample", Integer.class));
    }

    List<TreatedTarget> targets(String text) {
        return text == null ? List.of() : json.readValue(text, TARGETS);
    }

    private TreatedPlan treatedPlan(ResultSet rs) throws SQLException {
        return new TreatedPlan(rs.getObject("id", UUID.class), rs.getObject("procedure_id", UUID.class),
                rs.getObject("previous_procedure_id", UUID.class), Modality.valueOf(rs.getString("modality")),
                day(rs, "performed_on"), targets(rs.getString("targets")), day(rs, "responder_since"),
                day(rs, "relief_ended_on"));
    }

    static LocalDate day(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }
}
