-- pgbench script for bench/register-patients.sh: the SQL of one POST /api/patients, in the order and
-- transaction the service runs it (PatientRegistry.register):
--   advisory lock on the duplicate key, duplicate-check select, MRN nextval, INSERT patient,
--   INSERT audit_entry, INSERT outbox_event, commit.
-- Values have the sizes the benchmark's HTTP requests carry (bench/register-patients.lua); JSON values
-- are built per transaction so PostgreSQL parses them every time, as it does for the service's parameters.
-- Run with -M prepared (pgjdbc also uses server-side prepared statements once a statement is reused).
-- Rows are told apart from the service's by registered_by / actor 'pgbench-fd'.
-- Variables: client_id (set by pgbench), n (unique-ish per transaction), bd (birth-date offset in days).
-- pgbench takes every colon followed by a letter or digit as a variable, even inside a string literal:
-- keep such colons out of literals (hence the timestamp built with translate and the '"version":' || 0).
\set n random(1, 2000000000)
\set bd random(0, 21900)
BEGIN;
SELECT pg_advisory_xact_lock(hashtext('benchpg' || :client_id || 'x' || :n || ' maria|'
    || (DATE '1940-01-01' + CAST(:bd AS integer))));
SELECT id, mrn, version, given_name, family_name, birth_date, sex, phone, email, address, preferred_language,
    emergency_contact, insurance, referring_clinician, indication_code, indication_text, pain_location,
    laterality, pain_duration_months, baseline_pain_score, opioid_mme_per_day, anticoagulated,
    current_therapies, registered_at, registered_by, updated_at, updated_by
  FROM patient
  WHERE duplicate_key = 'benchpg' || :client_id || 'x' || :n || ' maria'
    AND birth_date = DATE '1940-01-01' + CAST(:bd AS integer)
  ORDER BY mrn;
SELECT nextval('patient_mrn_seq') AS mrn_no, gen_random_uuid() AS pid, gen_random_uuid() AS aid,
    gen_random_uuid() AS eid, gen_random_uuid() AS rid \gset
INSERT INTO patient (id, mrn, version, given_name, family_name, duplicate_key, name_words, birth_date, sex,
    phone, email, address, preferred_language, emergency_contact, insurance, referring_clinician,
    indication_code, indication_text, pain_location, laterality, pain_duration_months,
    baseline_pain_score, opioid_mme_per_day, anticoagulated, current_therapies,
    registered_at, registered_by, updated_at, updated_by)
VALUES (CAST(:pid AS uuid), 'CT-' || lpad(CAST(:mrn_no AS text), 6, '0') || '-0', 0,
    'Maria', 'Benchpg' || :client_id || 'x' || :n,
    'benchpg' || :client_id || 'x' || :n || ' maria', ' maria benchpg' || :client_id || 'x' || :n,
    DATE '1940-01-01' + CAST(:bd AS integer), 'FEMALE',
    '+1 (555) 010-' || lpad(CAST(:n % 10000 AS text), 4, '0'),
    'maria.benchpg' || :client_id || 'x' || :n || '@example.org',
    CAST('{"line1":"' || (:n % 9000 + 100) || ' Cedar Grove Avenue","line2":"Apt 5B","city":"Springfield",'
        || '"region":"IL","postalCode":"62704","country":"US"}' AS jsonb),
    'en',
    CAST('{"name":"Jordan Benchpg' || :client_id || 'x' || :n
        || '","phone":"+1 555 010 9988","relationship":"spouse"}' AS jsonb),
    CAST('{"payer":"Blue Cross Blue Shield of Illinois","memberId":"XYZ' || lpad(CAST(:n % 1000000000 AS text), 9, '0')
        || '"}' AS jsonb),
    'Dr. Anna Lindqvist, Springfield Orthopaedics',
    'KNEE_OSTEOARTHRITIS', 'Chronic knee pain, failed conservative therapy', 'right knee, medial joint line',
    'RIGHT', 36, 7, 15.5, false,
    CAST('["PHYSICAL_THERAPY","NSAID","STEROID_INJECTION"' || substr(CAST(:n AS text), 1, 0) || ']' AS jsonb),
    now(), 'pgbench-fd', now(), 'pgbench-fd');
INSERT INTO audit_entry (id, patient_id, actor, role, action, resource, at, request_id)
VALUES (CAST(:aid AS uuid), CAST(:pid AS uuid), 'pgbench-fd', 'front-desk', 'PATIENT_REGISTERED', 'patient', now(),
    CAST(:rid AS text));
INSERT INTO outbox_event (event_id, topic, message_key, event_type, payload, occurred_at)
VALUES (CAST(:eid AS uuid), 'clinic.patients.v1', CAST(:pid AS text), 'PatientRegistered',
    CAST('{"id":"' || :eid || '","type":"PatientRegistered","occurredAt":"'
        || translate(CAST(now() AT TIME ZONE 'UTC' AS text), ' ', 'T') || 'Z' || '","subject":"' || :pid
        || '","data":{"patientId":"' || :pid || '","mrn":"CT-' || lpad(CAST(:mrn_no AS text), 6, '0')
        || '-0","displayName":"Benchpg' || :client_id || 'x' || :n || ', Maria","birthDate":"'
        || (DATE '1940-01-01' + CAST(:bd AS integer)) || '","sex":"FEMALE","indicationCode":"KNEE_OSTEOARTHRITIS",'
        || '"version":' || 0 || '}}' AS json),
    now());
END;
