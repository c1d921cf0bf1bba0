-- What bench/register-patients.lua and bench/followups.lua share: wrk's setup(), response() and done(), counting
-- every answer other than the expected status. A script loads it relative to itself, once, at its top:
--
--   local here = debug.getinfo(1, "S").source:match("^@(.*/)") or ""
--   dofile(here .. "wrk-report.lua")(201, "created")
--
-- and keeps its own init() and request() (setup() gives each thread its number, `tid`, before init()).
-- done() prints one machine-readable "RESULT ..." line: request count, count of expected answers (named by the
-- second argument), the others ("non<status>"), socket errors and exact p50/p90/p99/max latency from wrk's
-- histogram; when there were others, "NON<status> statuses: ..." and "NON<status> first: <status> <body>".
return function(expected, ok_name)
  local threads = {}

  function setup(thread)
    thread:set("tid", #threads + 1)
    table.insert(threads, thread)
  end

  -- per thread: every wrk thread runs the script, so this, in a Lua state of its own
  unexpected = 0
  statuses = ""      -- "409 500 ..." for the first few odd statuses
  first_error = ""

  function response(status, hdrs, body)
    if status ~= expected then
      unexpected = unexpected + 1
      if #statuses < 200 then statuses = statuses .. status .. " " end
      if first_error == "" then first_error = status .. " " .. (body or ""):sub(1, 300):gsub("%s+", " ") end
    end
  end

  function done(summary, latency, requests)
    local bad, seen, first = 0, "", ""
    for _, t in ipairs(threads) do
      bad = bad + (t:get("unexpected") or 0)
      seen = seen .. (t:get("statuses") or "")
      if first == "" then first = t:get("first_error") or "" end
    end
    local e = summary.errors
    local socket_errors = e.connect + e.read + e.write + e.timeout
    io.write(string.format(
      "RESULT requests=%d duration_us=%d " .. ok_name .. "=%d non" .. expected .. "=%d socket_errors=%d "
        .. "p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f mean_ms=%.3f\n",
      summary.requests, summary.duration, summary.requests - bad, bad, socket_errors,
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
      latency.max / 1000, latency.mean / 1000))
    if bad > 0 then
      io.write("NON" .. expected .. " statuses: " .. seen:sub(1, 200) .. "\n")
      io.write("NON" .. expected .. " first: " .. first .. "\n")
    end
  end
end
