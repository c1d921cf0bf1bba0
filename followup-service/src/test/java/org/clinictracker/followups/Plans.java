package org.clinictracker.followups;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.clinictracker.events.procedures.TreatedTarget;
import org.clinictracker.followups.plan.FollowUpPlans;
import org.clinictracker.followups.plan.ProcedureFacts;
import org.clinictracker.vocabulary.Modality;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Test fixture: patients and plans as the event consumers would make them, without going through Kafka (tests of
 * the consumers themselves publish real events). Inject it into a followup-service test.
 */
@Component
public class Plans {

    private static final AtomicInteger MRNS = new AtomicInteger(500000);

    public static final List<TreatedTarget> KNEE = List.of(
            new TreatedTarget("SUPEROMEDIAL_GENICULAR", "RIGHT", null),
            new TreatedTarget("SUPEROLATERAL_GENICULAR", "RIGHT", null),
            new TreatedTarget("INFEROMEDIAL_GENICULAR", "RIGHT", null));

    private final FollowUpPlans plans;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final JsonMapper json;

    Plans(FollowUpPlans plans, JdbcClient jdbc, TransactionTemplate transaction, JsonMapper json) {
        this.plans = plans;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.json = json;
    }

    /** A patient as the patient replica keeps it, with a fresh MRN. */
    public UUID patient(String displayName, Integer baselinePainScore) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO known_patient (id, mrn, display_name, baseline_pain_score, demographics_version)
                VALUES (?, ?, ?, ?, 0)""")
                .param(id).param("CT-" + MRNS.incrementAndGet() + "-0").param(displayName).param(baselinePainScore)
                .update();
        return id;
    }

    /** A knee cryoneurolysis of {@code patientId} on {@code performedOn} with pain 8 before it. */
    public static ProcedureFacts kneeCryo(UUID patientId, LocalDate performedOn) {
        return procedure(patientId, performedOn, Modality.CRYONEUROLYSIS, 8, 1, null);
    }

    public static ProcedureFacts procedure(UUID patientId, LocalDate performedOn, Modality modality, Integer painBefore,
            int treatmentNumber, UUID previousProcedureId) {
        return new ProcedureFacts(UUID.randomUUID(), patientId, at(performedOn), modality, "KNEE_OSTEOARTHRITIS", KNEE,
                painBefore, treatmentNumber, previousProcedureId);
    }

    /**
     * Keeps the procedure in the replica and starts its plan, as the procedure consumer does; the plan id, or null if
     * it had one.
     */
    public UUID start(ProcedureFacts facts) {
        return transaction.execute(status -> {
            replicate(facts);
            return plans.start(facts).orElse(null);
        });
    }

    /** The procedure as the procedure replica keeps it (what repeats' targets are compared with). */
    private void replicate(ProcedureFacts procedure) {
        jdbc.sql("""
                INSERT INTO known_procedure (id, patient_id, performed_at, modality, indication_code, targets, pain_before,
                                             treatment_number, previous_procedure_id, early_repeat, version)
                VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, false, 0)
                ON CONFLICT (id) DO NOTHING""")
                .param(procedure.procedureId()).param(procedure.patientId()).param(Timestamp.from(procedure.performedAt()))
                .param(procedure.modality().name()).param(procedure.indicationCode())
                .param(json.writeValueAsString(procedure.targets())).param(procedure.painBefore())
                .param(procedure.treatmentNumber()).param(procedure.previousProcedureId())
                .update();
    }

    /** The visit ids of a plan by label. */
    public UUID visit(UUID planId, String label) {
        return jdbc.sql("SELECT id FROM follow_up_visit WHERE plan_id = ? AND label = ?").param(planId).param(label)
                .query(UUID.class).single();
    }

    private static Instant at(LocalDate day) {
        return day.atTime(LocalTime.of(10, 0)).toInstant(ZoneOffset.UTC);
    }
}
