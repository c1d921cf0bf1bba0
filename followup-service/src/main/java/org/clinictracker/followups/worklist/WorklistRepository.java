package org.clinictracker.followups.worklist;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.clinictracker.followups.plan.VisitStatus;
import org.clinictracker.platform.paging.PageRequest;
import org.clinictracker.vocabulary.Modality;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The worklist's SQL. Every condition is on follow_up_visit's own columns (it carries patient_id, modality,
 * assignee), so a filter is answered from one of its indexes: (assignee, due_on) for the open and missed visits
 * of one coordinator, (due_on) for open visits by day, (patient_id, due_on) for one patient, (missed_on) for the
 * missed. Stored states are written as literals, so the planner can prove a partial index's predicate. The page
 * is cut first and only its rows are joined to the patient and plan (a materialised CTE).
 */
@Repository
class WorklistRepository {

    /**
     * {@link Urgency} in SQL: the rank (the enum's ordinal) and the day ordered by within it. Keep in step with
     * {@link Urgency#of} and {@link Urgency#sortDay}; WorklistTests compares the two orders.
     */
    private static final String URGENCY = """
            CASE WHEN v.state NOT IN ('OPEN', 'MISSED') THEN 4
                 WHEN v.kind = 'SAFETY_CHECK' THEN 0
                 WHEN v.state = 'MISSED' OR v.due_on < :today THEN 1
                 WHEN v.window_start <= :today THEN 2
                 ELSE 3 END""";

    private static final String SORT_DAY = """
            CASE WHEN v.state = 'OPEN' AND v.kind <> 'SAFETY_CHECK' AND v.window_start <= :today
                      AND v.due_on >= :today THEN v.window_end
                 ELSE v.due_on END""";

    private static final String VISIT_COLUMNS = """
            v.id, v.plan_id, v.patient_id, v.procedure_id, v.modality, v.label, v.kind, v.due_on, v.window_start,
            v.window_end, v.last_day, v.state, v.assignee, v.rescheduled_count, v.missed_on, v.version""";

    private final JdbcClient jdbc;

    WorklistRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<WorklistItem> page(WorklistFilter filter, PageRequest page, LocalDate today) {
        Where where = where(filter, today);
        Map<String, Object> params = new HashMap<>(where.params());
        params.put("limit", page.size());
        params.put("offset", page.offset());
        return jdbc.sql("WITH page AS MATERIALIZED (SELECT " + VISIT_COLUMNS + ", " + URGENCY + " AS urgency, "
                        + SORT_DAY + " AS sort_day FROM follow_up_visit v" + where.sql()
                        + " ORDER BY urgency, sort_day, v.id LIMIT :limit OFFSET :offset) "
                        + WITH_PATIENT_AND_PLAN + " ORDER BY page.urgency, page.sort_day, page.id")
                .params(params)
                .query((rs, row) -> item(rs, today)).list();
    }

    long count(WorklistFilter filter, LocalDate today) {
        Where where = where(filter, today);
        return jdbc.sql("SELECT count(*) FROM follow_up_visit v" + where.sql())
                .params(where.params()).query(Long.class).single();
    }

    Optional<WorklistItem> visit(UUID id, LocalDate today) {
        return jdbc.sql("WITH page AS (SELECT " + VISIT_COLUMNS + " FROM follow_up_visit v WHERE v.id = :id) "
                        + WITH_PATIENT_AND_PLAN)
                .param("id", id)
                .query((rs, row) -> item(rs, today)).optional();
    }

    private static final String WITH_PATIENT_AND_PLAN = """
            SELECT page.*, p.mrn, p.display_name, p.lost_to_follow_up_since, pl.treatment_number
            FROM page JOIN follow_up_plan pl ON pl.id = page.plan_id LEFT JOIN known_patient p ON p.id = page.patient_id""";

    private record Where(String sql, Map<String, Object> params) {
    }

    private static Where where(WorklistFilter filter, LocalDate today) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        params.put("today", today);
        if (filter.statuses().isEmpty() && filter.view() == null) {
            conditions.add("v.state IN ('OPEN', 'MISSED')");
        }
        if (!filter.statuses().isEmpty()) {
            conditions.add(filter.statuses().stream().sorted().map(WorklistRepository::statusCondition)
                    .reduce((a, b) -> a + " OR " + b).map(any -> "(" + any + ")").orElseThrow());
        }
        if (filter.view() != null) {
            conditions.add(switch (filter.view()) {
                case TODAY -> "v.state = 'OPEN' AND v.due_on = :today";
                case THIS_WEEK -> "v.state = 'OPEN' AND v.due_on BETWEEN :today AND :weekEnd";
                case OVERDUE -> "v.state = 'OPEN' AND v.due_on < :today";
                case MISSED -> "v.state = 'MISSED'";
            });
            params.put("weekEnd", today.plusDays(6));
        }
        if (filter.patientId() != null) {
            conditions.add("v.patient_id = :patientId");
            params.put("patientId", filter.patientId());
        }
        if (filter.dueFrom() != null) {
            conditions.add("v.due_on >= :dueFrom");
            params.put("dueFrom", filter.dueFrom());
        }
        if (filter.dueTo() != null) {
            conditions.add("v.due_on <= :dueTo");
            params.put("dueTo", filter.dueTo());
        }
        if (filter.assignee() != null) {
            conditions.add("v.assignee = :assignee");
            params.put("assignee", filter.assignee());
        }
        if (filter.modality() != null) {
            conditions.add("v.modality = :modality");
            params.put("modality", filter.modality().name());
        }
        return new Where(" WHERE " + String.join(" AND ", conditions), params);
    }

    /** {@link VisitStatus#of} as a condition on the stored state and the visit's days. */
    private static String statusCondition(VisitStatus status) {
        return switch (status) {
            case SCHEDULED -> "(v.state = 'OPEN' AND v.window_start > :today)";
            case DUE -> "(v.state = 'OPEN' AND v.window_start <= :today AND v.due_on >= :today)";
            case OVERDUE -> "(v.state = 'OPEN' AND v.due_on < :today)";
            case MISSED -> "v.state = 'MISSED'";
            case COMPLETED -> "v.state = 'COMPLETED'";
            case CANCELLED -> "v.state = 'CANCELLED'";
        };
    }

    private static WorklistItem item(ResultSet rs, LocalDate today) throws SQLException {
        LocalDate windowStart = rs.getObject("window_start", LocalDate.class);
        LocalDate dueOn = rs.getObject("due_on", LocalDate.class);
        VisitStatus status = VisitStatus.of(rs.getString("state"), windowStart, dueOn, today);
        String kind = rs.getString("kind");
        return new WorklistItem(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
                rs.getObject("procedure_id", UUID.class), rs.getObject("plan_id", UUID.class), rs.getString("label"),
                dueOn, windowStart, rs.getObject("window_end", LocalDate.class),
                rs.getObject("last_day", LocalDate.class), status, rs.getString("assignee"), rs.getString("mrn"),
                rs.getString("display_name"), Modality.valueOf(rs.getString("modality")), kind,
                rs.getInt("treatment_number"), rs.getObject("lost_to_follow_up_since") != null,
                rs.getInt("rescheduled_count"), rs.getObject("missed_on", LocalDate.class), rs.getInt("version"),
                Urgency.of(kind, status));
    }
}
