-- wrk script for bench/gateway.sh: the same GET, with a bearer token, every time; every non-200 counted.
--
--   BENCH_TOKEN=<access token> wrk -t T -c N -d 20s -s bench/gateway.lua http://127.0.0.1:18380 -- '/api/patients?q=smith'
--
-- done() (bench/wrk-report.lua) prints one machine-readable "RESULT ..." line: request count, 200 count ("ok"),
-- other statuses ("non200"), socket errors and exact p50/p90/p99/max latency from wrk's histogram.

local here = debug.getinfo(1, "S").source:match("^@(.*/)") or ""
dofile(here .. "wrk-report.lua")(200, "ok")

function init(args)
  local path = args[1]
  assert(path and path:sub(1, 1) == "/", "give the path to GET, e.g. /api/patients?q=smith")
  local token = os.getenv("BENCH_TOKEN")
  assert(token and #token > 0, "BENCH_TOKEN is not set")
  -- built once: every request is the same
  req = wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token, ["Accept"] = "application/json" })
end

function request()
  return req
end
