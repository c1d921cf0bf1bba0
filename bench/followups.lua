-- wrk script for bench/followups.sh: GETs of followup-service, every non-200 counted.
--
--   BENCH_TOKEN=<access token> wrk -t T -c N -d 20s -s bench/followups.lua http://127.0.0.1:18083 -- worklist <path>
--   BENCH_TOKEN=<access token> wrk ... -- timeline <file of patient ids, one a line>
--
-- "worklist" asks the same path every time (a coordinator's first page). "timeline" asks
-- /api/followups/timeline?patientId=<id> for ids from the file, each wrk thread from its own offset, one after the
-- other, so the requests spread over many patients (and over the table) instead of one cached answer.
-- done() (bench/wrk-report.lua) prints one machine-readable "RESULT ..." line: request count, 200 count ("ok"),
-- other statuses ("non200"), socket errors and exact p50/p90/p99/max latency from wrk's histogram.

local here = debug.getinfo(1, "S").source:match("^@(.*/)") or ""
dofile(here .. "wrk-report.lua")(200, "ok")

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
end

function request()
  if mode == "worklist" then
    return wrk.format("GET", path, headers)
  end
  next_id = next_id % #ids + 1
  return wrk.format("GET", "/api/followups/timeline?patientId=" .. ids[next_id], headers)
end
