-- The worklist's SQL on 1,000,000 visits of 100,000 patients (h3's EXPLAIN, issue 7).
-- Run against a migrated followup-service database (it copies the tables with their indexes into a scratch
-- schema and leaves the service's own tables alone):
--   psql -h 127.0.0.1 -U clinic -d followups -f docs/bench/worklist-million-visits.sql
-- Then DROP SCHEMA worklist_bench CASCADE. "Today" is 2026-11-25; 143,000 plans of 7 visits performed over
-- the two years before, 20 coordinators holding 70 % of the visits. Visits whose window closed are completed
-- (80 %), missed or cancelled; the others open.
DROP SCHEMA IF EXISTS worklist_bench CASCADE;
CREATE SCHEMA worklist_bench;
SET search_path = worklist_bench;
CREATE TABLE known_patient (LIKE public.known_patient INCLUDING ALL);
CREATE TABLE follow_up_plan (LIKE public.follow_up_plan INCLUDING ALL);
CREATE TABLE follow_up_visit (LIKE public.follow_up_visit INCLUDING ALL);
SELECT setseed(0.42);
INSERT INTO known_patient (id, mrn, display_name, baseline_pain_score)
SELECT gen_random_uuid(), 'CT-' || g, 'Patient ' || g, 7 FROM generate_series(1, 100000) g;
CREATE TEMP TABLE numbered AS SELECT id, row_number() OVER () AS n FROM known_patient;
INSERT INTO follow_up_plan (id, procedure_id, patient_id, modality, protocol_version, performed_on, treatment_number,
                            created_at)
SELECT gen_random_uuid(), gen_random_uuid(), p.id,
       (ARRAY['CRYONEUROLYSIS', 'RADIOFREQUENCY_ABLATION', 'NERVE_BLOCK'])[1 + (g % 3)], 1,
       DATE '2026-11-25' - (random() * 730)::int, 1, now()
FROM generate_series(1, 143000) g JOIN numbered p ON p.n = 1 + (g % 100000);
INSERT INTO follow_up_visit (id, plan_id, patient_id, procedure_id, modality, label, kind, offset_days, due_on,
                             window_start, window_end, last_day, state, assignee)
SELECT gen_random_uuid(), pl.id, pl.patient_id, pl.procedure_id, pl.modality, v.label, 'PROTOCOL', v.off,
       pl.performed_on + v.off, pl.performed_on + v.off - v.w, pl.performed_on + v.off + v.w,
       pl.performed_on + v.off + v.w,
       CASE WHEN pl.performed_on + v.off + v.w < DATE '2026-11-25'
            THEN (CASE WHEN random() < 0.8 THEN 'COMPLETED' WHEN random() < 0.8 THEN 'MISSED' ELSE 'CANCELLED' END)
            ELSE 'OPEN' END,
       CASE WHEN random() < 0.7 THEN 'coordinator' || (1 + (random() * 19)::int) END
FROM follow_up_plan pl,
     (VALUES ('DAY_2', 2, 1), ('WEEK_2', 14, 3), ('WEEK_6', 42, 3), ('MONTH_3', 90, 14), ('MONTH_6', 180, 14),
             ('MONTH_9', 270, 14), ('MONTH_12', 360, 14)) v(label, off, w);
UPDATE follow_up_visit SET missed_on = last_day + 1 WHERE state = 'MISSED';
VACUUM ANALYZE known_patient;
VACUUM ANALYZE follow_up_plan;
VACUUM ANALYZE follow_up_visit;

-- The benchmark's view: due this week, one coordinator, first page, as WorklistRepository sends it
-- (segments SAFETY_CHECK, DUE and SCHEDULED; the filter repeated in each).
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
WITH ranked AS MATERIALIZED (SELECT id, urgency, sort_day FROM (
    (SELECT v.id, 0 AS urgency, v.due_on AS sort_day FROM follow_up_visit v
     WHERE v.state = 'OPEN' AND v.due_on BETWEEN DATE '2026-11-25' AND DATE '2026-12-01' AND v.assignee = 'coordinator7'
       AND v.kind = 'SAFETY_CHECK' AND v.state IN ('OPEN', 'MISSED') ORDER BY v.due_on, v.id LIMIT 20)
    UNION ALL
    (SELECT v.id, 2, v.window_end FROM follow_up_visit v
     WHERE v.state = 'OPEN' AND v.due_on BETWEEN DATE '2026-11-25' AND DATE '2026-12-01' AND v.assignee = 'coordinator7'
       AND v.kind = 'PROTOCOL' AND v.state = 'OPEN' AND v.window_start <= DATE '2026-11-25' AND v.due_on >= DATE '2026-11-25'
     ORDER BY v.window_end, v.id LIMIT 20)
    UNION ALL
    (SELECT v.id, 3, v.due_on FROM follow_up_visit v
     WHERE v.state = 'OPEN' AND v.due_on BETWEEN DATE '2026-11-25' AND DATE '2026-12-01' AND v.assignee = 'coordinator7'
       AND v.kind = 'PROTOCOL' AND v.state = 'OPEN' AND v.window_start > DATE '2026-11-25' AND v.due_on > DATE '2026-11-25'
     ORDER BY v.due_on, v.id LIMIT 20)
  ) segments ORDER BY urgency, sort_day, id LIMIT 20 OFFSET 0),
page AS (SELECT v.*, ranked.urgency, ranked.sort_day FROM ranked JOIN follow_up_visit v ON v.id = ranked.id)
SELECT page.*, p.mrn, p.display_name, p.lost_to_follow_up_since, pl.treatment_number
FROM page JOIN follow_up_plan pl ON pl.id = page.plan_id LEFT JOIN known_patient p ON p.id = page.patient_id
ORDER BY page.urgency, page.sort_day, page.id;

-- The whole clinic's default worklist (every open and missed visit), first page.
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
WITH ranked AS MATERIALIZED (SELECT id, urgency, sort_day FROM (
    (SELECT v.id, 0 AS urgency, v.due_on AS sort_day FROM follow_up_visit v WHERE v.state IN ('OPEN', 'MISSED')
       AND v.kind = 'SAFETY_CHECK' AND v.state IN ('OPEN', 'MISSED') ORDER BY v.due_on, v.id LIMIT 20)
    UNION ALL
    (SELECT v.id, 1, v.due_on FROM follow_up_visit v WHERE v.state IN ('OPEN', 'MISSED')
       AND v.kind = 'PROTOCOL' AND v.state = 'MISSED' ORDER BY v.due_on, v.id LIMIT 20)
    UNION ALL
    (SELECT v.id, 1, v.due_on FROM follow_up_visit v WHERE v.state IN ('OPEN', 'MISSED')
       AND v.kind = 'PROTOCOL' AND v.state = 'OPEN' AND v.due_on < DATE '2026-11-25' ORDER BY v.due_on, v.id LIMIT 20)
    UNION ALL
    (SELECT v.id, 2, v.window_end FROM follow_up_visit v WHERE v.state IN ('OPEN', 'MISSED')
       AND v.kind = 'PROTOCOL' AND v.state = 'OPEN' AND v.window_start <= DATE '2026-11-25' AND v.due_on >= DATE '2026-11-25'
     ORDER BY v.window_end, v.id LIMIT 20)
    UNION ALL
    (SELECT v.id, 3, v.due_on FROM follow_up_visit v WHERE v.state IN ('OPEN', 'MISSED')
       AND v.kind = 'PROTOCOL' AND v.state = 'OPEN' AND v.window_start > DATE '2026-11-25' AND v.due_on > DATE '2026-11-25'
     ORDER BY v.due_on, v.id LIMIT 20)
  ) segments ORDER BY urgency, sort_day, id LIMIT 20 OFFSET 0),
page AS (SELECT v.*, ranked.urgency, ranked.sort_day FROM ranked JOIN follow_up_visit v ON v.id = ranked.id)
SELECT page.*, p.mrn, p.display_name, p.lost_to_follow_up_since, pl.treatment_number
FROM page JOIN follow_up_plan pl ON pl.id = page.plan_id LEFT JOIN known_patient p ON p.id = page.patient_id
ORDER BY page.urgency, page.sort_day, page.id;

-- ... and its total (the page's count; skipped when a page is the last one)
EXPLAIN (ANALYZE, COSTS OFF) SELECT count(*) FROM follow_up_visit v WHERE v.state IN ('OPEN', 'MISSED');
