-- wrk script: every request comes from a plan file, one request per line:
--   METHOD <TAB> PATH <TAB> BEARER-TOKEN <TAB> BODY (may be empty)
-- Arguments after "--":  PLAN-FILE  THREADS  OFFSET  MODE  EXPECT  SECONDS
--   THREADS   the -t given to wrk (thread k takes lines k, k+THREADS, k+2*THREADS, ... so threads never share a line)
--   OFFSET    lines before it are skipped (a registration plan is consumed across connection levels)
--   MODE      "once": each line is meant to be sent once; a thread that runs out starts over and counts
--             "exhausted". "cycle": lines are reused round-robin.
--   EXPECT    a status (e.g. 201) or "": responses with another status are counted as "unexpected"
--             (for registrations: a 200 means the registration existed already, so nothing was inserted)
--   SECONDS   the measured duration. wrk runs with -d longer than this: after SECONDS no new request is sent, so
--             the requests in flight finish before wrk closes its connections. (Closing a connection while
--             participant-service is inside a registration's transaction can leak a database connection from
--             its pool: quarkusio/quarkus#51576, hibernate/hibernate-reactive#2926.)
-- done() prints one machine-readable line starting with "BENCH " that load.sh parses; rps is requests / SECONDS.

local ffi_ok, ffi = pcall(require, "ffi")
local timespec
if ffi_ok then
  ffi.cdef [[
    typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
    int clock_gettime(int clock_id, bench_timespec *tp);
  ]]
  timespec = ffi.new("bench_timespec")
end

local function now() -- seconds, monotonic (CLOCK_MONOTONIC = 1 on Linux); whole seconds without LuaJIT's ffi
  if timespec then
    ffi.C.clock_gettime(1, timespec)
    return tonumber(timespec.tv_sec) + tonumber(timespec.tv_nsec) / 1e9
  end
  return os.time()
end

local threads = {}
local next_id = 0

function setup(thread)
  thread:set("thread_index", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  local file = args[1]
  local stride = tonumber(args[2] or "1")
  local offset = tonumber(args[3] or "0")
  once = args[4] == "once"
  local expect = tonumber(args[5] or "")
  measure = tonumber(args[6] or "")

  plan = {}
  local n = 0
  for line in io.lines(file) do
    if n >= offset and (n - offset) % stride == thread_index then
      local method, path, token, body = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t?(.*)$")
      local headers = { ["Authorization"] = "Bearer " .. token }
      if body ~= nil and body ~= "" then
        headers["Content-Type"] = "application/json"
      else
        body = nil
      end
      plan[#plan + 1] = wrk.format(method, path, headers, body)
    end
    n = n + 1
  end
  if #plan == 0 then
    error("plan.lua: no lines for thread " .. thread_index .. " in " .. file .. " from offset " .. offset)
  end
  used = 0        -- requests sent
  exhausted = 0   -- requests sent after the plan ran out (once mode)
  unexpected = 0  -- responses whose status is not the expected one

  if expect then
    -- only defined when asked for: wrk parses headers and bodies for Lua only if response() exists
    response = function(status, headers, body)
      if status ~= expect then unexpected = unexpected + 1 end
    end
  end
end

-- Asked before each request: 0 ms until the measured time is over, then long enough that wrk ends first.
function delay()
  local t = now()
  if not deadline then deadline = t + (measure or 1e9) end
  if t >= deadline then return 3600000 end
  return 0
end

function request()
  used = used + 1
  if used > #plan and once then
    -- out of fresh lines: start over (repeats, counted and reported) rather than send one line on every
    -- connection at once
    exhausted = exhausted + 1
  end
  return plan[(used - 1) % #plan + 1]
end

function done(summary, latency, requests)
  local max_used, sent, exhausted_total, unexpected_total = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    local u = t:get("used") or 0
    if u > max_used then max_used = u end
    sent = sent + u
    exhausted_total = exhausted_total + (t:get("exhausted") or 0)
    unexpected_total = unexpected_total + (t:get("unexpected") or 0)
  end
  -- done() runs in wrk's main Lua state, where init() never ran: read the threads' values
  local seconds = (threads[1] and tonumber(threads[1]:get("measure"))) or (summary.duration / 1e6)
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d seconds=%.1f rps=%.1f p50_us=%d p99_us=%d p999_us=%d max_us=%d non2xx=%d "
      .. "connect_errors=%d read_errors=%d write_errors=%d timeouts=%d unexpected=%d exhausted=%d "
      .. "sent=%d unfinished=%d max_used_per_thread=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50), latency:percentile(99), latency:percentile(99.9), latency.max,
    e.status, e.connect, e.read, e.write, e.timeout, unexpected_total, exhausted_total,
    -- wrk calls request() once in thread 0 before the run to check it, which is no request sent
    sent - 1, sent - 1 - summary.requests, max_used))
end
