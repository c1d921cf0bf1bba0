-- The worklist in urgency order straight from indexes: WorklistRepository reads one segment per urgency (missed,
-- overdue, due, scheduled; safety checks apart), each in the order of one of these indexes, and stops after a
-- page's reach. Only routine (PROTOCOL) visits: safety checks are their own small segment. The included columns
-- let a segment apply the modality and assignee filters and sort without reading the table (index-only scans);
-- only the page's own rows are then read in full. EXPLAIN on 1,000,000 visits: see the lead's docs/benchmarks.md.

-- missed visits, oldest due day first
CREATE INDEX follow_up_visit_worklist_missed ON follow_up_visit (due_on, id) INCLUDE (modality, assignee)
    WHERE state = 'MISSED' AND kind = 'PROTOCOL';
-- open visits by due day: overdue ones (before today) oldest first, scheduled ones (window not yet open) from
-- today on; window_start lets the scheduled segment skip the visits already in their window
CREATE INDEX follow_up_visit_worklist_open ON follow_up_visit (due_on, window_start, id)
    INCLUDE (window_end, modality, assignee) WHERE state = 'OPEN' AND kind = 'PROTOCOL';
-- open visits whose window has started: the due ones (and the overdue not yet missed), few at any time since the
-- missed-visit job closes them; sorted by window end once read
CREATE INDEX follow_up_visit_worklist_window ON follow_up_visit (window_start)
    INCLUDE (due_on, window_end, id, modality, assignee) WHERE state = 'OPEN' AND kind = 'PROTOCOL';
-- one coordinator's share of the same segments
CREATE INDEX follow_up_visit_worklist_assigned_missed ON follow_up_visit (assignee, due_on, id) INCLUDE (modality)
    WHERE state = 'MISSED' AND kind = 'PROTOCOL';
CREATE INDEX follow_up_visit_worklist_assigned_open ON follow_up_visit (assignee, due_on, window_start, id)
    INCLUDE (window_end, modality) WHERE state = 'OPEN' AND kind = 'PROTOCOL';
-- checks for serious adverse events still to be done
CREATE INDEX follow_up_visit_worklist_safety ON follow_up_visit (due_on, id)
    WHERE kind = 'SAFETY_CHECK' AND state IN ('OPEN', 'MISSED');
