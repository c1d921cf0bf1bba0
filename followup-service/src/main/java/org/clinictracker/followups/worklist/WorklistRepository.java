package org.clinictracker.followups.worklist;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.UUID;

import org.clinictracker.followups.plan.VisitStatus;
import org.clinictracker.platform.paging.PageRequest;
import org.clinictracker.vocabulary.Modality;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The worklist's SQL, built to answer from indexes on a million visits (V2026112583_1). The list is the union of
 * one segment per {@link Urgency} that the filter can reach, each already in its own order with an index that
 * gives that order (so each reads at most a page's reach of entries, mostly from the index alone); the union is
 * sorted, the page cut, and only the page's rows are read in full and joined to the patient and plan. Every
 * segment also carries the filter's own conditions, which are on follow_up_visit's own columns (it keeps
 * patient_id, modality, assignee), so one patient, one coordinator or one week is read through
 * (patient_id, due_on), (assignee, due_on) or (due_on) instead. Stored states are literals, so the planner can
 * prove a partial index's predicate.
 */
@Repository
class WorklistRepository {

    /**
     * The worklist cut by urgency ({@link Urgency}): the segments partition the visits exactly (kind is PROTOCOL or
     * SAFETY_CHECK), each with its rank (the enum's ordinal) and the day it is ordered by. Keep in step with
     * {@link Urgency#of} and {@link Urgency#sortDay}; WorklistTests compares the two orders.
     */
    private enum Segment {
        SAFETY_CHECK(Urgency.SAFETY_CHECK, "v.kind = 'SAFETY_CHECK' AND v.state IN ('OPEN', 'MISSED')", "v.due_on"),
        MISSED(Urgency.LATE, "v.kind = 'PROTOCOL' AND v.state = 'MISSED'", "v.due_on"),
        OVERDUE(Urgency.LATE, "v.kind = 'PROTOCOL' AND v.state = 'OPEN' AND v.due_on < :today", "v.due_on"),
        DUE(Urgency.DUE, "v.kind = 'PROTOCOL' AND v.state = 'OPEN' AND v.window_start <= :today AND v.due_on >= :today",
                "v.window_end"),
        // due_on > today follows from window_start > today; said for the planner, which reads (due_on) from today on
        SCHEDULED(Urgency.SCHEDULED, "v.kind = 'PROTOCOL' AND v.state = 'OPEN' AND v.window_start > :today"
                + " AND v.due_on > :today", "v.due_on"),
        CLOSED(Urgency.CLOSED, "v.state IN ('COMPLETED', 'CANCELLED')", "v.due_on");

        private final Urgency urgency;
        private final String condition;
        private final String sortDay;

        Segment(Urgency urgency, String condition, String sortDay) {
            this.urgency = urgency;
            this.condition = condition;
            this.sortDay = sortDay;
        }

        private static final Set<Segment> WORKED = EnumSet.of(SAFETY_CHECK, MISSED, OVERDUE, DUE, SCHEDULED);

        /** The segments a status can be found in. */
        static Set<Segment> of(VisitStatus status) {
            return switch (status) {
                case SCHEDULED -> EnumSet.of(SAFETY_CHECK, SCHEDULED);
                case DUE -> EnumSet.of(SAFETY_CHECK, DUE);
                case OVERDUE -> EnumSet.of(SAFETY_CHECK, OVERDUE);
                case MISSED -> EnumSet.of(SAFETY_CHECK, MISSED);
                case COMPLETED, CANCELLED -> EnumSet.of(CLOSED);
            };
        }

        /**
         * The segments a view can be found in: an open visit due today or later is due or scheduled. The patients'
         * answers to review are completed visits, listed in their own order ({@link #patientAnswersPage}).
         */
        static Set<Segment> of(WorklistView view) {
            return switch (view) {
                case TODAY -> EnumSet.of(SAFETY_CHECK, DUE);
                case THIS_WEEK -> EnumSet.of(SAFETY_CHECK, DUE, SCHEDULED);
                case OVERDUE -> EnumSet.of(SAFETY_CHECK, OVERDUE);
                case MISSED -> EnumSet.of(SAFETY_CHECK, MISSED);
                case PATIENT_ANSWERED -> EnumSet.of(CLOSED);
            };
        }

        /** The segments the filter can reach; its own conditions still decide which visits are in. */
        static Set<Segment> reachedBy(WorklistFilter filter) {
            Set<Segment> segments = EnumSet.copyOf(WORKED);
            if (!filter.statuses().isEmpty()) {
                segments = EnumSet.noneOf(Segment.class);
                for (VisitStatus status : filter.statuses()) {
                    segments.addAll(of(status));
                }
            }
            if (filter.view() != null) {
                segments.retainAll(of(filter.view()));
            }
            return segments;
        }
    }

    private static final String VISIT_COLUMNS = """
            v.id, v.plan_id, v.patient_id, v.procedure_id, v.modality, v.label, v.kind, v.due_on, v.window_start,
            v.window_end, v.last_day, v.state, v.assignee, v.rescheduled_count, v.missed_on, v.version""";

    /**
     * The page's rows with their patient, plan and latest patient link: for each of the page's visits its newest link
     * through patient_link_visit_latest (V2026112704_1), one index probe a row. The newest, not the one still usable:
     * a failed e-mail is withdrawn at once, and the coordinator must see that it failed.
     */
    private static final String WITH_PATIENT_AND_PLAN = """
            SELECT page.*, p.mrn, p.display_name, p.lost_to_follow_up_since, p.email IS NOT NULL AS email_on_file,
                   pl.treatment_number, link.issued_at AS link_issued_at, link.sent_at AS link_sent_at,
                   link.send_failed_at AS link_send_failed_at, link.opened_at AS link_opened_at,
                   link.answered_at AS link_answered_at, link.revoked_at AS link_revoked_at,
                   link.expires_at AS link_expires_at
            FROM page JOIN follow_up_plan pl ON pl.id = page.plan_id LEFT JOIN known_patient p ON p.id = page.patient_id
            LEFT JOIN LATERAL (SELECT l.issued_at, l.sent_at, l.send_failed_at, l.opened_at, l.answered_at, l.revoked_at,
                                      l.expires_at
                               FROM patient_link l WHERE l.visit_id = page.id
                               ORDER BY l.issue_order DESC LIMIT 1) link ON true""";

    /**
     * The visits whose outcome the patient reported through a link and no coordinator has reviewed (or amended) yet:
     * read from the outcomes' side, through their small partial index, in the order of the answers. (An EXISTS on
     * follow_up_visit instead lets the planner hash the outcomes and lose that order.)
     */
    private static final String PATIENT_ANSWERS_TO_REVIEW = "follow_up_outcome o JOIN follow_up_visit v ON v.id = o.visit_id"
            + " AND o.reported_by = 'PATIENT' AND o.reviewed_at IS NULL";

    private final JdbcClient jdbc;

    WorklistRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<WorklistItem> page(WorklistFilter filter, PageRequest page, LocalDate today, Instant now) {
        if (filter.view() == WorklistView.PATIENT_ANSWERED) {
            return patientAnswersPage(filter, page, today, now);
        }
        Set<Segment> segments = Segment.reachedBy(filter);
        if (segments.isEmpty()) {
            return List.of();
        }
        Where where = where(filter, today);
        Map<String, Object> params = new HashMap<>(where.params());
        params.put("reach", page.offset() + page.size());
        params.put("limit", page.size());
        params.put("offset", page.offset());
        String union = segments.stream()
                .map(segment -> "(SELECT v.id, " + segment.urgency.ordinal() + " AS urgency, " + segment.sortDay
                        + " AS sort_day FROM follow_up_visit v" + where.sql() + " AND " + segment.condition
                        + " ORDER BY " + segment.sortDay + ", v.id LIMIT :reach)")
                .collect(Collectors.joining(" UNION ALL "));
        return jdbc.sql("WITH ranked AS MATERIALIZED (SELECT id, urgency, sort_day FROM (" + union + ") segments"
                        + " ORDER BY urgency, sort_day, id LIMIT :limit OFFSET :offset),"
                        + " page AS (SELECT " + VISIT_COLUMNS + ", ranked.urgency, ranked.sort_day"
                        + " FROM ranked JOIN follow_up_visit v ON v.id = ranked.id) "
                        + WITH_PATIENT_AND_PLAN + " ORDER BY page.urgency, page.sort_day, page.id")
                .params(params)
                .query((rs, row) -> item(rs, today, now)).list();
    }

    /**
     * The visits the patients answered whose answers wait for a coordinator's review, oldest answer first (ties by
     * id), read from the outcomes' small partial index follow_up_outcome_patient_answers_to_review; the filter's
     * other conditions apply as in every view.
     */
    private List<WorklistItem> patientAnswersPage(WorklistFilter filter, PageRequest page, LocalDate today,
            Instant now) {
        Where where = where(filter, today);
        Map<String, Object> params = new HashMap<>(where.params());
        params.put("limit", page.size());
        params.put("offset", page.offset());
        return jdbc.sql("WITH ranked AS MATERIALIZED (SELECT v.id, o.recorded_at AS answered_at"
                        + " FROM " + PATIENT_ANSWERS_TO_REVIEW + where.sql()
                        + " ORDER BY o.recorded_at, v.id LIMIT :limit OFFSET :offset),"
                        + " page AS (SELECT " + VISIT_COLUMNS + ", ranked.answered_at"
                        + " FROM ranked JOIN follow_up_visit v ON v.id = ranked.id) "
                        + WITH_PATIENT_AND_PLAN + " ORDER BY page.answered_at, page.id")
                .params(params)
                .query((rs, row) -> item(rs, today, now)).list();
    }

    long count(WorklistFilter filter, LocalDate today) {
        Where where = where(filter, today);
        String from = filter.view() == WorklistView.PATIENT_ANSWERED ? PATIENT_ANSWERS_TO_REVIEW : "follow_up_visit v";
        return jdbc.sql("SELECT count(*) FROM " + from + where.sql())
                .params(where.params()).query(Long.class).single();
    }

    Optional<WorklistItem> visit(UUID id, LocalDate today, Instant now) {
        return jdbc.sql("WITH page AS (SELECT " + VISIT_COLUMNS + " FROM follow_up_visit v WHERE v.id = :id) "
                        + WITH_PATIENT_AND_PLAN)
                .param("id", id)
                .query((rs, row) -> item(rs, today, now)).optional();
    }

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
                // the join with the outcomes to review says it (PATIENT_ANSWERS_TO_REVIEW), in the page and the count
                case PATIENT_ANSWERED -> "true";
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
        if (filter.unassigned()) {
            conditions.add("v.assignee IS NULL");
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

    private static WorklistItem item(ResultSet rs, LocalDate today, Instant now) throws SQLException {
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
                Urgency.of(kind, status), patientLink(rs, now), rs.getBoolean("email_on_file"));
    }

    /** The visit's latest link (the LATERAL join's columns), null if it has none. */
    private static PatientLinkState patientLink(ResultSet rs, Instant now) throws SQLException {
        if (rs.getTimestamp("link_issued_at") == null) {
            return null;
        }
        Instant sentAt = instant(rs, "link_sent_at");
        Instant openedAt = instant(rs, "link_opened_at");
        Instant answeredAt = instant(rs, "link_answered_at");
        Instant expiresAt = instant(rs, "link_expires_at");
        return new PatientLinkState(PatientLinkState.stateOf(sentAt, instant(rs, "link_send_failed_at"), openedAt,
                answeredAt, instant(rs, "link_revoked_at"), expiresAt, now), sentAt, openedAt, answeredAt, expiresAt);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
