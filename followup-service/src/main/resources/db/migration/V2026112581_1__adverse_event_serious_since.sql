-- The clinic day a complication was first reported serious (by whichever version, in whatever order the
-- versions arrive): a serious complication earns one early safety-check visit, also when the plan is made
-- after the report, and a later downgrade does not take the check away.
ALTER TABLE known_adverse_event ADD COLUMN serious_since date;
