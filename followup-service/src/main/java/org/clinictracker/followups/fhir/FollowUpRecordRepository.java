package org.clinictracker.followups.fhir;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.clinictracker.followups.outcome.FunctionInstrument;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A patient's follow-up rows as the FHIR record renders them, each table read through its index on patient_id and
 * in a fixed order (a stable export).
 */
@Repository
class FollowUpRecordRepository {

    /** One visit's outcome; any measure may be missing (not asked, or the patient could not say). */
    record RecordedOutcome(UUID visitId, UUID planId, UUID patientId, UUID procedureId, LocalDate assessedOn,
            Integer painScore, Integer reliefPercent, FunctionInstrument functionInstrument, BigDecimal functionValue,
            BigDecimal opioidMmePerDay, Integer satisfaction, Boolean sensationReturned, Instant recordedAt) {
    }

    private final JdbcClient jdbc;

    FollowUpRecordRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<RecordedOutcome> outcomes(UUID patientId) {
        return jdbc.sql("""
                SELECT visit_id, plan_id, patient_id, procedure_id, assessed_on, pain_score, relief_percent,
                       function_instrument, function_value, opioid_mme_per_day, satisfaction, sensation_returned,
                       recorded_at
                FROM follow_up_outcome WHERE patient_id = ?
                ORDER BY assessed_on, visit_id""")
                .param(patientId)
                .query((rs, row) -> {
                    String instrument = rs.getString("function_instrument");
                    return new RecordedOutcome(uuid(rs, "visit_id"), uuid(rs, "plan_id"), uuid(rs, "patient_id"),
                            uuid(rs, "procedure_id"), day(rs, "assessed_on"), integer(rs, "pain_score"),
                            integer(rs, "relief_percent"),
                            instrument == null ? null : FunctionInstrument.valueOf(instrument),
                            rs.getBigDecimal("function_value"), rs.getBigDecimal("opioid_mme_per_day"),
                            integer(rs, "satisfaction"), rs.getObject("sensation_returned", Boolean.class),
                            rs.getTimestamp("recorded_at").toInstant());
                })
                .list();
    }

    private static LocalDate day(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, Integer.class);
    }
}
