-- Searches as a crowd types them: one to three words drawn at random from
-- the register's vocabulary (bench/words.txt), now and then narrowed to a
-- standard or a clause, or asking for a later page. The combinations run
-- to hundreds of thousands, so nearly every search reaches the database
-- rather than a page kept in memory.
local words = {}
for line in io.lines(os.getenv("BENCH_WORDS")) do
  if line ~= "" then words[#words + 1] = line end
end
local standards = {}
for line in io.lines(os.getenv("BENCH_STANDARDS")) do
  if line ~= "" then standards[#standards + 1] = line end
end

setup = function(thread)
  thread:set("seed", math.random(1, 2 ^ 30))
end

init = function()
  math.randomseed(seed or os.time())
end

request = function()
  local terms = {}
  for i = 1, math.random(1, 3) do
    terms[i] = words[math.random(#words)]
  end
  local query = "/clarifications?q=" .. table.concat(terms, "+")
  local extra = math.random(10)
  if extra == 1 then
    query = query .. "&standard=" .. standards[math.random(#standards)]
  elseif extra == 2 then
    query = query .. "&clause=" .. math.random(4, 10)
  elseif extra == 3 then
    query = query .. "&page=2"
  end
  return wrk.format("GET", query)
end

dofile(os.getenv("BENCH_DIR") .. "/report.lua")
