-- Cycles through the addresses listed in BENCH_PATHS (one per line), e.g.
-- every clarification page or every standard page.
local paths = {}
for line in io.lines(os.getenv("BENCH_PATHS")) do
  if line ~= "" then paths[#paths + 1] = line end
end
local counter = 0

setup = function(thread)
  thread:set("offset", math.random(#paths))
end

request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter + (offset or 0)) % #paths + 1])
end

dofile(os.getenv("BENCH_DIR") .. "/report.lua")
