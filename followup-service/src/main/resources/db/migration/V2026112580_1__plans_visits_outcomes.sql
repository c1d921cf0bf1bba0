-- What followup-service knows of other services (kept from their events) and what it owns: plans,
-- visits, outcomes and repeat-treatment candidates. Every table carries patient_id: the audit trail,
-- the worklist and the timeline are all read per patient.

-- Replica of clinic.patients.v1: only what a coordinator's list shows and what responders are measured by.
-- A row may exist before its registration arrives (a procedure can come first); mrn is then null.
CREATE TABLE known_patient (
    id                     uuid PRIMARY KEY,
    mrn                    text,
    display_name           text,
    baseline_pain_score    integer CHECK (baseline_pain_score BETWEEN 0 AND 10),
    demographics_version   integer,
    -- misses in a row since the last outcome; at clinic.followups.lost-after-misses the patient is lost
    consecutive_misses     integer NOT NULL DEFAULT 0 CHECK (consecutive_misses >= 0),
    lost_to_follow_up_since date
);

-- Replica of clinic.procedures.v1's procedures (current version only: version orders amendments).
CREATE TABLE known_procedure (
    id                    uuid PRIMARY KEY,
    patient_id            uuid        NOT NULL,
    performed_at          timestamptz NOT NULL,
    modality              text        NOT NULL,
    indication_code       text,
    targets               jsonb       NOT NULL,  -- [{nerve, laterality, level}]
    pain_before           integer,
    treatment_number      integer     NOT NULL,
    previous_procedure_id uuid,
    early_repeat          boolean     NOT NULL,
    version               integer     NOT NULL
);
CREATE INDEX known_procedure_patient ON known_procedure (patient_id, performed_at);
CREATE INDEX known_procedure_previous ON known_procedure (previous_procedure_id);

CREATE TABLE known_adverse_event (
    id           uuid PRIMARY KEY,
    procedure_id uuid    NOT NULL,
    patient_id   uuid    NOT NULL,
    type         text    NOT NULL,
    severity     text    NOT NULL,
    serious      boolean NOT NULL,
    onset_on     date    NOT NULL,
    outcome      text    NOT NULL,
    resolved_on  date,
    version      integer NOT NULL
);
CREATE INDEX known_adverse_event_procedure ON known_adverse_event (procedure_id);

-- One plan per procedure, however often ProcedureRecorded is delivered (the unique procedure_id).
CREATE TABLE follow_up_plan (
    id                      uuid PRIMARY KEY,
    procedure_id            uuid        NOT NULL UNIQUE,
    patient_id              uuid        NOT NULL,
    modality                text        NOT NULL,
    protocol_version        integer     NOT NULL,
    performed_on            date        NOT NULL,
    treatment_number        integer     NOT NULL,
    previous_procedure_id   uuid,
    -- what responders are measured against: the procedure's painBefore, else the chart's baseline
    baseline_pain_score     integer CHECK (baseline_pain_score BETWEEN 0 AND 10),
    created_at              timestamptz NOT NULL,
    -- response so far, from the outcomes (ResponseAssessment): first responder day, lowest pain, waning day
    responder_since         date,
    best_pain_score         integer,
    relief_ended_on         date,
    -- expected end of relief for a responder, with its basis (OWN_HISTORY / CLINIC_RECORD / PUBLISHED_RANGE)
    expected_relief_end     date,
    expected_relief_earliest date,
    expected_relief_latest  date,
    expected_relief_basis   text,
    expected_relief_sample  integer,
    FOREIGN KEY (modality, protocol_version) REFERENCES protocol_version (modality, version)
);
CREATE INDEX follow_up_plan_patient ON follow_up_plan (patient_id, performed_on);
CREATE INDEX follow_up_plan_previous ON follow_up_plan (previous_procedure_id);
CREATE INDEX follow_up_plan_relief_end ON follow_up_plan (expected_relief_end) WHERE relief_ended_on IS NULL;

-- A visit's stored state is OPEN, COMPLETED, MISSED or CANCELLED; the API's SCHEDULED / DUE / OVERDUE are
-- an OPEN visit seen from today (before its window / from window start to due day / after its due day).
CREATE TABLE follow_up_visit (
    id                uuid PRIMARY KEY,
    plan_id           uuid    NOT NULL REFERENCES follow_up_plan (id),
    patient_id        uuid    NOT NULL,
    procedure_id      uuid    NOT NULL,
    modality          text    NOT NULL,
    label             text    NOT NULL,
    kind              text    NOT NULL CHECK (kind IN ('PROTOCOL', 'SAFETY_CHECK')),
    -- the protocol's offset, so an amended procedure date moves the visit with it; null for a safety check
    offset_days       integer,
    due_on            date    NOT NULL,
    window_start      date    NOT NULL,
    window_end        date    NOT NULL,
    -- the last day an outcome is on time: window_end, or for a visit already past when the plan was made
    -- (a late entry), the plan's day plus the clinic's grace; the missed-visit job compares with this
    last_day          date    NOT NULL,
    state             text    NOT NULL DEFAULT 'OPEN' CHECK (state IN ('OPEN', 'COMPLETED', 'MISSED', 'CANCELLED')),
    assignee          text,
    adverse_event_id  uuid UNIQUE,  -- the serious complication a safety check was added for
    rescheduled_count integer NOT NULL DEFAULT 0,
    missed_on         date,
    version           integer NOT NULL DEFAULT 0,
    CHECK (window_start <= due_on AND due_on <= window_end),
    UNIQUE (plan_id, label)
);
CREATE INDEX follow_up_visit_open_due ON follow_up_visit (due_on) WHERE state = 'OPEN';
CREATE INDEX follow_up_visit_assignee_due ON follow_up_visit (assignee, due_on) WHERE state IN ('OPEN', 'MISSED');
CREATE INDEX follow_up_visit_missed ON follow_up_visit (missed_on) WHERE state = 'MISSED';
CREATE INDEX follow_up_visit_last_day ON follow_up_visit (last_day) WHERE state = 'OPEN';
CREATE INDEX follow_up_visit_patient ON follow_up_visit (patient_id, due_on);
CREATE INDEX follow_up_visit_plan ON follow_up_visit (plan_id);

CREATE TABLE visit_reschedule (
    id             bigserial PRIMARY KEY,
    visit_id       uuid        NOT NULL REFERENCES follow_up_visit (id),
    patient_id     uuid        NOT NULL,
    from_due_on    date        NOT NULL,
    to_due_on      date        NOT NULL,
    reason         text        NOT NULL,
    rescheduled_by text        NOT NULL,
    rescheduled_at timestamptz NOT NULL
);
CREATE INDEX visit_reschedule_visit ON visit_reschedule (visit_id);

-- One outcome per visit (a later correction is an amendment, not an overwrite).
CREATE TABLE follow_up_outcome (
    visit_id            uuid PRIMARY KEY REFERENCES follow_up_visit (id),
    plan_id             uuid        NOT NULL REFERENCES follow_up_plan (id),
    patient_id          uuid        NOT NULL,
    procedure_id        uuid        NOT NULL,
    assessed_on         date        NOT NULL,
    pain_score          integer CHECK (pain_score BETWEEN 0 AND 10),
    relief_percent      integer CHECK (relief_percent BETWEEN 0 AND 100),
    function_instrument text CHECK (function_instrument IN ('WOMAC', 'ODI', 'PROMIS_PHYSICAL_FUNCTION')),
    function_value      numeric,
    opioid_mme_per_day  numeric CHECK (opioid_mme_per_day >= 0),
    satisfaction        integer CHECK (satisfaction BETWEEN 1 AND 5),
    sensation_returned  boolean,
    notes               text,
    documented_late     boolean     NOT NULL,
    responder           boolean,
    waning_relief       boolean     NOT NULL DEFAULT false,
    waning_reasons      text[]      NOT NULL DEFAULT '{}',
    recorded_by         text        NOT NULL,
    recorded_at         timestamptz NOT NULL
);
CREATE INDEX follow_up_outcome_plan ON follow_up_outcome (plan_id, assessed_on);
CREATE INDEX follow_up_outcome_patient ON follow_up_outcome (patient_id, assessed_on);

-- Complications noticed at a visit; each is published once as AdverseEventObserved (id = observationId).
CREATE TABLE observed_adverse_event (
    id           uuid PRIMARY KEY,
    visit_id     uuid    NOT NULL REFERENCES follow_up_visit (id),
    patient_id   uuid    NOT NULL,
    procedure_id uuid    NOT NULL,
    type         text    NOT NULL,
    description  text,
    severity     text    NOT NULL,
    serious      boolean NOT NULL,
    onset_on     date    NOT NULL,
    outcome      text    NOT NULL,
    resolved_on  date,
    notes        text
);
CREATE INDEX observed_adverse_event_visit ON observed_adverse_event (visit_id);

-- At most one candidate per plan: waning relief recommends a repeat once; the coordinator's decision holds.
CREATE TABLE repeat_candidate (
    id                  uuid PRIMARY KEY,
    plan_id             uuid        NOT NULL UNIQUE REFERENCES follow_up_plan (id),
    patient_id          uuid        NOT NULL,
    procedure_id        uuid        NOT NULL,
    visit_id            uuid        NOT NULL REFERENCES follow_up_visit (id),
    reasons             text[]      NOT NULL,
    created_at          timestamptz NOT NULL,
    status              text        NOT NULL DEFAULT 'OPEN'
                        CHECK (status IN ('OPEN', 'CONSULT_BOOKED', 'DISMISSED', 'REPEATED')),
    decided_by          text,
    decided_at          timestamptz,
    decision_reason     text,
    repeat_procedure_id uuid,
    version             integer     NOT NULL DEFAULT 0
);
CREATE INDEX repeat_candidate_status ON repeat_candidate (status, created_at);
CREATE INDEX repeat_candidate_patient ON repeat_candidate (patient_id);
CREATE INDEX repeat_candidate_procedure ON repeat_candidate (procedure_id);
