-- The charts bench/gateway.sh searches: :patients patients (registered_by 'bench-gateway') in patients_bench, with
-- family names spread as in a US population, so a search for a common name ("smith") answers a full first page
-- out of several hundred matches, as at a real front desk. Made once; bench/register-patients.sh empties the
-- table, and bench/gateway.sh then makes them again.
--
--   psql -v patients=100000 -f bench/gateway-patients.sql   (on patients_bench, after patient-service migrated it)
--
-- The columns are filled as PatientRepository.insert fills them: name_words is " " + the normalised given and
-- family name, duplicate_key their words sorted (the names below are plain ASCII letters, so lower() is the
-- normalisation). MRNs take the prefix GW, which the service's own (prefix CT) never do, with a Luhn digit.
\set ON_ERROR_STOP on
BEGIN;
DELETE FROM patient WHERE registered_by = 'bench-gateway';
SELECT setseed(0.8) AS seeded \gset

-- The 50 most common US surnames with their frequency per 100,000 people (2010 census), then 600 made-up ones
-- (prefix + suffix) sharing the rest of the population's names, so the common ones are as common as in life.
CREATE TEMP TABLE family_pool ON COMMIT DROP AS
WITH common(name, per_100k) AS (VALUES
  ('Smith', 828), ('Johnson', 655), ('Williams', 550), ('Brown', 487), ('Jones', 483), ('Garcia', 395),
  ('Miller', 393), ('Davis', 381), ('Rodriguez', 366), ('Martinez', 355), ('Hernandez', 345), ('Lopez', 301),
  ('Gonzalez', 290), ('Wilson', 277), ('Anderson', 276), ('Thomas', 269), ('Taylor', 267), ('Moore', 250),
  ('Jackson', 247), ('Martin', 243), ('Lee', 235), ('Perez', 225), ('Thompson', 225), ('White', 223),
  ('Harris', 210), ('Sanchez', 207), ('Clark', 187), ('Ramirez', 186), ('Lewis', 182), ('Robinson', 179),
  ('Walker', 175), ('Young', 160), ('Allen', 158), ('King', 156), ('Wright', 154), ('Scott', 142),
  ('Torres', 142), ('Nguyen', 141), ('Hill', 140), ('Flores', 139), ('Green', 138), ('Adams', 137),
  ('Nelson', 135), ('Baker', 134), ('Hall', 130), ('Rivera', 128), ('Campbell', 124), ('Mitchell', 123),
  ('Carter', 122), ('Roberts', 122)),
rare AS (
  SELECT p || s AS name
  FROM unnest(ARRAY['Ash', 'Black', 'Brook', 'Cald', 'Dun', 'East', 'Fair', 'Gold', 'Hart', 'Kirk', 'Lang', 'Mar',
                    'North', 'Oak', 'Pem', 'Rad', 'Stan', 'Thorn', 'Wen', 'Whit', 'Alb', 'Bel', 'Cor', 'Dal',
                    'Ell', 'Fen', 'Gar', 'Hol', 'Lin', 'Mor']) p,
       unnest(ARRAY['well', 'ford', 'ton', 'by', 'field', 'wood', 'ley', 'wick', 'stead', 'more', 'dale',
                    'burn', 'combe', 'croft', 'hurst', 'ridge', 'shaw', 'thwaite', 'worth', 'mann']) s),
weighted AS (
  SELECT name, per_100k AS weight FROM common
  UNION ALL
  SELECT name, (100000 - (SELECT sum(per_100k) FROM common)) / (SELECT count(*) FROM rare) FROM rare)
SELECT array_agg(name) AS names FROM weighted, generate_series(1, weight);

INSERT INTO patient (id, mrn, version, given_name, family_name, duplicate_key, name_words, birth_date, sex,
    phone, email, address, preferred_language, emergency_contact, insurance, referring_clinician,
    indication_code, indication_text, pain_location, laterality, pain_duration_months, baseline_pain_score,
    opioid_mme_per_day, anticoagulated, current_therapies, registered_at, registered_by, updated_at, updated_by)
SELECT gen_random_uuid(),
       'GW-' || digits || '-' || (10 - luhn % 10) % 10,
       0, given, family,
       CASE WHEN lower(given) < lower(family) THEN lower(given) || ' ' || lower(family)
            ELSE lower(family) || ' ' || lower(given) END,
       ' ' || lower(given) || ' ' || lower(family),
       DATE '1930-01-01' + (random() * 27000)::int,
       CASE WHEN female THEN 'FEMALE' ELSE 'MALE' END,
       '+1 (555) 01' || lpad((n % 100000)::text, 5, '0'),
       lower(given) || '.' || lower(family) || n || '@example.org',
       jsonb_build_object('line1', (n % 9000 + 100) || ' Cedar Grove Avenue', 'city', 'Springfield', 'region', 'IL',
                          'postalCode', '62704', 'country', 'US'),
       'en',
       jsonb_build_object('name', 'Jordan ' || family, 'phone', '+1 555 010 9988', 'relationship', 'spouse'),
       jsonb_build_object('payer', 'Blue Cross Blue Shield of Illinois', 'memberId', 'XYZ' || lpad(n::text, 9, '0')),
       'Dr. Anna Lindqvist, Springfield Orthopaedics',
       (ARRAY['KNEE_OSTEOARTHRITIS', 'POST_MASTECTOMY_PAIN', 'INTERCOSTAL_NEURALGIA', 'LOW_BACK_FACET_PAIN',
              'OCCIPITAL_NEURALGIA', 'PERIPHERAL_NEUROPATHY'])[1 + n % 6],
       NULL, NULL,
       (ARRAY['LEFT', 'RIGHT', 'BILATERAL'])[1 + n % 3],
       6 + n % 60, n % 11, NULL, n % 7 = 0,
       '["PHYSICAL_THERAPY", "NSAID"]'::jsonb,
       now() - make_interval(days => n % 1500), 'bench-gateway', now() - make_interval(days => n % 1500), 'bench-gateway'
FROM (
  SELECT n, female, lpad(n::text, 7, '0') AS digits,
         (SELECT names[1 + floor(random() * cardinality(names))::int] FROM family_pool WHERE n > 0) AS family,
         CASE WHEN female
              THEN (ARRAY['Maria', 'Linda', 'Patricia', 'Barbara', 'Elizabeth', 'Jennifer', 'Susan', 'Jessica', 'Sarah',
                          'Karen', 'Nancy', 'Lisa', 'Betty', 'Sandra', 'Ashley', 'Aiko', 'Fatima', 'Ingrid'])[1 + floor(random() * 18)::int]
              ELSE (ARRAY['James', 'Robert', 'Michael', 'William', 'David', 'Richard', 'Joseph', 'Thomas', 'Charles',
                          'Daniel', 'Matthew', 'Anthony', 'Mark', 'Donald', 'Steven', 'Mateo', 'Oluwaseun', 'Henrik'])[1 + floor(random() * 18)::int]
         END AS given,
         -- Luhn over the 7 digits, doubling from the rightmost one (Mrn.luhnCheckDigit)
         (SELECT sum(CASE WHEN (7 - i) % 2 = 0
                          THEN (2 * d) - CASE WHEN d >= 5 THEN 9 ELSE 0 END ELSE d END)
          FROM (SELECT i, substr(lpad(n::text, 7, '0'), i, 1)::int AS d FROM generate_series(1, 7) i) digit)::int AS luhn
  FROM (SELECT n, random() < 0.55 AS female   -- a pain clinic sees somewhat more women
        FROM generate_series(1, :patients) n) draw) row;
COMMIT;
