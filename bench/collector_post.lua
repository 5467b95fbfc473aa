-- wrk script for bench/collector_load.sh: each thread posts its own slice of pre-made
-- signed receipts (one JWS per line of $CG_RECEIPTS), each once, as application/jose, and
-- counts acknowledgements. Prints one "CG ..." line with the totals and wrk's latency
-- percentiles. If a thread runs out of receipts it starts over (re-posts are answered from
-- the store without a new append); those are counted as "repeated".
local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  local total = tonumber(os.getenv("CG_WRK_THREADS"))
  bodies = {}
  local n = 0
  for line in io.lines(os.getenv("CG_RECEIPTS")) do
    if n % total == id then bodies[#bodies + 1] = line end
    n = n + 1
  end
  i, acked, other, repeated = 0, 0, 0, 0
end

function request()
  i = i + 1
  if i > #bodies then
    repeated = repeated + 1
    i = 1
  end
  return wrk.format("POST", "/receipts", { ["Content-Type"] = "application/jose" }, bodies[i])
end

function response(status, headers, body)
  if status == 200 then acked = acked + 1 else other = other + 1 end
end

function done(summary, latency, requests)
  local a, o, r = 0, 0, 0
  for _, t in ipairs(threads) do
    a = a + t:get("acked")
    o = o + t:get("other")
    r = r + t:get("repeated")
  end
  io.write(string.format("CG acked=%d other=%d repeated=%d elapsed=%.2f p50_ms=%.2f p99_ms=%.2f\n",
    a, o, r, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
