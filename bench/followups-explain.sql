-- EXPLAIN (ANALYZE, BUFFERS) of the statements followup-service runs for the two calls bench/followups.sh loads.
-- psql variables: :assignee, :patient_id, :today (the clinic's day, yyyy-mm-dd).
-- They are copies of the service's, with the values inlined (the service binds them as parameters); keep them in
-- step with worklist/WorklistRepository.java (view=THIS_WEEK, assignee, page 0 of 20) and
-- timeline/TimelineRepository.java. Each starts with a "-- name" line, which bench/followups.sh reads.
\set ON_ERROR_STOP on
\pset footer off
\timing off

\echo '-- worklist page (WorklistRepository.page: THIS_WEEK, assignee, first 20: segments safety check, due, scheduled)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
WITH ranked AS MATERIALIZED (SELECT id, urgency, sort_day FROM (
    (SELECT v.id, 0 AS urgency, v.due_on AS sort_day FROM follow_up_visit v
     WHERE v.state = 'OPEN' AND v.due_on BETWEEN :'today'::date AND :'today'::date + 6 AND v.assignee = :'assignee'
       AND v.kind = 'SAFETY_CHECK' AND v.state IN ('OPEN', 'MISSED')
     ORDER BY v.due_on, v.id LIMIT 20)
    UNION ALL
    (SELECT v.id, 2 AS urgency, v.window_end AS sort_day FROM follow_up_visit v
     WHERE v.state = 'OPEN' AND v.due_on BETWEEN :'today'::date AND :'today'::date + 6 AND v.assignee = :'assignee'
       AND v.kind = 'PROTOCOL' AND v.state = 'OPEN' AND v.window_start <= :'today'::date AND v.due_on >= :'today'::date
     ORDER BY v.window_end, v.id LIMIT 20)
    UNION ALL
    (SELECT v.id, 3 AS urgency, v.due_on AS sort_day FROM follow_up_visit v
     WHERE v.state = 'OPEN' AND v.due_on BETWEEN :'today'::date AND :'today'::date + 6 AND v.assignee = :'assignee'
       AND v.kind = 'PROTOCOL' AND v.state = 'OPEN' AND v.window_start > :'today'::date AND v.due_on > :'today'::date
     ORDER BY v.due_on, v.id LIMIT 20)
    ) segments ORDER BY urgency, sort_day, id LIMIT 20 OFFSET 0),
page AS (SELECT v.id, v.plan_id, v.patient_id, v.procedure_id, v.modality, v.label, v.kind, v.due_on, v.window_start,
                v.window_end, v.last_day, v.state, v.assignee, v.rescheduled_count, v.missed_on, v.version,
                ranked.urgency, ranked.sort_day
         FROM ranked JOIN follow_up_visit v ON v.id = ranked.id)
SELECT page.*, p.mrn, p.display_name, p.lost_to_follow_up_since, p.email IS NOT NULL AS email_on_file,
       pl.treatment_number, link.issued_at AS link_issued_at, link.sent_at AS link_sent_at,
       link.send_failed_at AS link_send_failed_at, link.opened_at AS link_opened_at,
       link.answered_at AS link_answered_at, link.revoked_at AS link_revoked_at,
       link.expires_at AS link_expires_at
FROM page JOIN follow_up_plan pl ON pl.id = page.plan_id LEFT JOIN known_patient p ON p.id = page.patient_id
LEFT JOIN LATERAL (SELECT l.issued_at, l.sent_at, l.send_failed_at, l.opened_at, l.answered_at, l.revoked_at,
                          l.expires_at
                   FROM patient_link l WHERE l.visit_id = page.id
                   ORDER BY l.issued_at DESC, l.id DESC LIMIT 1) link ON true
ORDER BY page.urgency, page.sort_day, page.id;

\echo '-- patient answers to review (WorklistRepository.patientAnswersPage: PATIENT_ANSWERED, assignee, first 20)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
WITH ranked AS MATERIALIZED (SELECT v.id, o.recorded_at AS answered_at
    FROM follow_up_outcome o JOIN follow_up_visit v ON v.id = o.visit_id
         AND o.reported_by = 'PATIENT' AND o.reviewed_at IS NULL
    WHERE true AND v.assignee = :'assignee'
    ORDER BY o.recorded_at, v.id LIMIT 20 OFFSET 0),
page AS (SELECT v.id, v.plan_id, v.patient_id, v.procedure_id, v.modality, v.label, v.kind, v.due_on, v.window_start,
                v.window_end, v.last_day, v.state, v.assignee, v.rescheduled_count, v.missed_on, v.version,
                ranked.answered_at
         FROM ranked JOIN follow_up_visit v ON v.id = ranked.id)
SELECT page.*, p.mrn, p.display_name, p.lost_to_follow_up_since, p.email IS NOT NULL AS email_on_file,
       pl.treatment_number, link.issued_at AS link_issued_at, link.sent_at AS link_sent_at,
       link.send_failed_at AS link_send_failed_at, link.opened_at AS link_opened_at,
       link.answered_at AS link_answered_at, link.revoked_at AS link_revoked_at,
       link.expires_at AS link_expires_at
FROM page JOIN follow_up_plan pl ON pl.id = page.plan_id LEFT JOIN known_patient p ON p.id = page.patient_id
LEFT JOIN LATERAL (SELECT l.issued_at, l.sent_at, l.send_failed_at, l.opened_at, l.answered_at, l.revoked_at,
                          l.expires_at
                   FROM patient_link l WHERE l.visit_id = page.id
                   ORDER BY l.issued_at DESC, l.id DESC LIMIT 1) link ON true
ORDER BY page.answered_at, page.id;

\echo '-- patient answers count (WorklistRepository.count: PATIENT_ANSWERED, assignee)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT count(*) FROM follow_up_outcome o JOIN follow_up_visit v ON v.id = o.visit_id
    AND o.reported_by = 'PATIENT' AND o.reviewed_at IS NULL
WHERE true AND v.assignee = :'assignee';

\echo '-- worklist count (WorklistRepository.count: run when the page is full)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT count(*) FROM follow_up_visit v
WHERE v.state = 'OPEN' AND v.due_on BETWEEN :'today'::date AND :'today'::date + 6 AND v.assignee = :'assignee';

\echo '-- timeline patient (TimelineRepository.patient)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT id, mrn, display_name, lost_to_follow_up_since FROM known_patient WHERE id = :'patient_id';

\echo '-- timeline procedures'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT id, performed_at, modality, indication_code, targets::text AS targets, pain_before, treatment_number,
       previous_procedure_id, early_repeat
FROM known_procedure WHERE patient_id = :'patient_id';

\echo '-- timeline plans'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT p.*, EXISTS (SELECT 1 FROM follow_up_plan n WHERE n.previous_procedure_id = p.procedure_id) AS repeated
FROM follow_up_plan p WHERE p.patient_id = :'patient_id';

\echo '-- timeline visits'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT id, plan_id, procedure_id, label, kind, due_on, window_start, window_end, state, assignee, rescheduled_count,
       missed_on
FROM follow_up_visit WHERE patient_id = :'patient_id';

\echo '-- timeline outcomes'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT visit_id, plan_id, procedure_id, assessed_on, pain_score, relief_percent, function_instrument, function_value,
       opioid_mme_per_day, satisfaction, sensation_returned, documented_late, responder, waning_relief,
       waning_reasons, recorded_by, recorded_at
FROM follow_up_outcome WHERE patient_id = :'patient_id';

\echo '-- timeline adverse events'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT id, procedure_id, NULL::uuid AS visit_id, 'PROCEDURE_RECORD' AS source, type, NULL AS description, severity,
       serious, onset_on, outcome, resolved_on
FROM known_adverse_event WHERE patient_id = :'patient_id'
UNION ALL
SELECT id, procedure_id, visit_id, 'FOLLOW_UP_VISIT', type, description, severity, serious, onset_on, outcome,
       resolved_on
FROM observed_adverse_event WHERE patient_id = :'patient_id';

\echo '-- timeline reschedules'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT r.visit_id, v.plan_id, v.procedure_id, r.from_due_on, r.to_due_on, r.reason, r.rescheduled_by, r.rescheduled_at
FROM visit_reschedule r JOIN follow_up_visit v ON v.id = r.visit_id
WHERE r.patient_id = :'patient_id';

\echo '-- timeline candidates'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT id, plan_id, procedure_id, visit_id, reasons, created_at, status, decided_by, decided_at, decision_reason,
       repeat_procedure_id
FROM repeat_candidate WHERE patient_id = :'patient_id';
