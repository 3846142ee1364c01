-- Cycles through the addresses listed in BENCH_PATHS (one per line), e.g.
-- every clarification page or every standard page; signed in when
-- BENCH_COOKIE holds a session cookie. The requests are built
-- once, when each thread starts: building one per request costs the load
-- generator, which shares the machine, as much CPU as some pages cost the
-- server.
local paths = {}
for line in io.lines(os.getenv("BENCH_PATHS")) do
  if line ~= "" then paths[#paths + 1] = line end
end
local cookie = os.getenv("BENCH_COOKIE")
local headers = nil
if cookie and cookie ~= "" then headers = { ["Cookie"] = cookie } end
local requests = {}
local counter = 0

setup = function(thread)
  thread:set("offset", math.random(#paths))
end

init = function()
  for i, path in ipairs(paths) do
    requests[i] = wrk.format("GET", path, headers)
  end
  counter = offset or 0
end

request = function()
  counter = counter % #requests + 1
  return requests[counter]
end

dofile(os.getenv("BENCH_DIR") .. "/report.lua")
