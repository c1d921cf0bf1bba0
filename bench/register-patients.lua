-- wrk script for bench/register-patients.sh: POST /api/patients with a unique, complete intake per request.
--
--   BENCH_TOKEN=<access token> wrk -t T -c N -d 20s -s bench/register-patients.lua http://127.0.0.1:18081 -- <tag>
--
-- <tag> (letters only) makes the names of one load level unique; the script adds a letter per wrk
-- thread and a letter-encoded counter, because the service normalises names (digits would be kept but
-- letters look like names) and refuses a second chart with the same name and birth date (409).
-- done() (bench/wrk-report.lua) prints one machine-readable "RESULT ..." line: request count, 201 count
-- ("created"), other statuses ("non201"), socket errors and exact p50/p90/p99/max latency from wrk's histogram.

local here = debug.getinfo(1, "S").source:match("^@(.*/)") or ""
dofile(here .. "wrk-report.lua")(201, "created")

local letters = "abcdefghijklmnopqrstuvwxyz"

local function to_letters(n)
  local s = ""
  repeat
    local d = n % 26
    s = letters:sub(d + 1, d + 1) .. s
    n = (n - d) / 26
  until n == 0
  return s
end

local given_names = { "Maria", "John", "Aiko", "Oluwaseun", "Ingrid", "Mateo", "Fatima", "Henrik" }
local sexes = { "FEMALE", "MALE", "FEMALE", "MALE", "FEMALE", "MALE", "FEMALE", "MALE" }

local body_format = '{"givenName":"%s","familyName":"%s","birthDate":"%04d-%02d-%02d","sex":"%s",'
  .. '"phone":"+1 (555) 010-%04d","email":"%s.%s@example.org",'
  .. '"address":{"line1":"%d Cedar Grove Avenue","line2":"Apt 5B","city":"Springfield","region":"IL",'
  .. '"postalCode":"62704","country":"US"},'
  .. '"preferredLanguage":"en",'
  .. '"emergencyContact":{"name":"Jordan %s","phone":"+1 555 010 9988","relationship":"spouse"},'
  .. '"insurance":{"payer":"Blue Cross Blue Shield of Illinois","memberId":"XYZ%09d"},'
  .. '"referringClinician":"Dr. Anna Lindqvist, Springfield Orthopaedics",'
  .. '"indication":{"code":"KNEE_OSTEOARTHRITIS","text":"Chronic knee pain, failed conservative therapy"},'
  .. '"painLocation":"right knee, medial joint line","laterality":"RIGHT","painDurationMonths":36,'
  .. '"baselinePainScore":7,"opioidMmePerDay":15.5,"anticoagulated":false,'
  .. '"currentTherapies":["PHYSICAL_THERAPY","NSAID","STEROID_INJECTION"]}'

function init(args)
  tag = args[1] or "bench"
  assert(tag:match("^%a+$"), "the tag must be letters only, got " .. tostring(tag))
  local token = os.getenv("BENCH_TOKEN")
  assert(token and #token > 0, "BENCH_TOKEN is not set")
  headers = {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
    ["Accept"] = "application/json",
  }
  counter = 0
  thread_letter = to_letters(tid - 1)
end

function request()
  counter = counter + 1
  local n = counter
  local i = n % 8 + 1
  local family = "Bench" .. tag .. thread_letter .. "x" .. to_letters(n)
  local body = string.format(body_format, given_names[i], family,
    1940 + n % 60, n % 12 + 1, n % 28 + 1, sexes[i],
    n % 10000, given_names[i]:lower(), family:lower(),
    n % 9000 + 100, family, n % 1000000000)
  return wrk.format("POST", "/api/patients", headers, body)
end
