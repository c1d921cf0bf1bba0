-- The outcome report (GET /api/reports/outcomes) reads the procedures in scope in one query (ReportedProcedures).
-- Unfiltered it reads every plan, and a sequential scan is the right plan; these make the narrow scopes cheap.

-- performed in [from, to]: the plans by their clinic day
CREATE INDEX IF NOT EXISTS follow_up_plan_performed_on ON follow_up_plan (performed_on);
-- a target nerve: containment (targets @> '[{"nerve": "..."}]'), which jsonb_path_ops answers in a small index
CREATE INDEX IF NOT EXISTS known_procedure_targets ON known_procedure USING gin (targets jsonb_path_ops);
