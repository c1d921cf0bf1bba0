-- wrk script for bench/followups.sh: GETs of followup-service, every non-200 counted.
--
--   BENCH_TOKEN=<access token> wrk -t T -c N -d 20s -s bench/followups.lua http://127.0.0.1:18083 -- worklist <path>
--   BENCH_TOKEN=<access token> wrk ... -- timeline <file of patient ids, one a line>
--
-- "worklist" asks the same path every time (a coordinator's first page). "timeline" asks
-- /api/followups/timeline?patientId=<id> for ids from the file, each wrk thread from its own offset, one after the
-- other, so the requests spread over many patients (and over the table) instead of one cached answer.
-- done() prints one machine-readable "RESULT ..." line like bench/register-patients.lua's.

local threads = {}

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  mode = args[1]
  local token = os.getenv("BENCH_TOKEN")
  assert(token and #token > 0, "BENCH_TOKEN is not set")
  headers = { ["Authorization"] = "Bearer " .. token, ["Accept"] = "application/json" }
  if mode == "worklist" then
    path = args[2]
    assert(path and path:sub(1, 1) == "/", "worklist needs a path")
  elseif mode == "timeline" then
    ids = {}
    for line in io.lines(args[2]) do
      if #line > 0 then table.insert(ids, line) end
    end
    assert(#ids > 0, "no patient ids in " .. tostring(args[2]))
    -- threads start far apart in the list, so they do not ask for the same patients
    next_id = math.floor((tid - 1) * #ids / 8) % #ids
  else
    error("mode must be worklist or timeline, got " .. tostring(mode))
  end
  non200 = 0
  statuses = ""
  first_error = ""
end

function request()
  if mode == "worklist" then
    return wrk.format("GET", path, headers)
  end
  next_id = next_id % #ids + 1
  return wrk.format("GET", "/api/followups/timeline?patientId=" .. ids[next_id], headers)
end

function response(status, hdrs, body)
  if status ~= 200 then
    non200 = non200 + 1
    if #statuses < 200 then statuses = statuses .. status .. " " end
    if first_error == "" then first_error = status .. " " .. (body or ""):sub(1, 300):gsub("%s+", " ") end
  end
end

function done(summary, latency, requests)
  local bad, seen, first = 0, "", ""
  for _, t in ipairs(threads) do
    bad = bad + (t:get("non200") or 0)
    seen = seen .. (t:get("statuses") or "")
    if first == "" then first = t:get("first_error") or "" end
  end
  local e = summary.errors
  local socket_errors = e.connect + e.read + e.write + e.timeout
  io.write(string.format(
    "RESULT requests=%d duration_us=%d ok=%d non200=%d socket_errors=%d "
      .. "p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f mean_ms=%.3f\n",
    summary.requests, summary.duration, summary.requests - bad, bad, socket_errors,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, latency.mean / 1000))
  if bad > 0 then
    io.write("NON200 statuses: " .. seen:sub(1, 200) .. "\n")
    io.write("NON200 first: " .. first .. "\n")
  end
end
