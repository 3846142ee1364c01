-- Valid submissions of the request form. The CSRF cookie and token come
-- from one GET of the form (bench/run.sh); each request asks a different
-- question so that every stored row is distinguishable.
local cookie = os.getenv("BENCH_COOKIE")
local token = os.getenv("BENCH_TOKEN")
local counter = 0

setup = function(thread)
  thread:set("thread_id", math.random(1000000))
end

request = function()
  counter = counter + 1
  local body = "csrf_token=" .. token
    .. "&name=Bench+Submitter&email=bench%40example.org&organization=&country=NO"
    .. "&category=accreditation_body&standard=iso-iec-17025-2017&clause=7.2.1"
    .. "&question=Does+clause+7.2.1+require+a+documented+procedure+for+each+method%3F+"
    .. (thread_id or 0) .. "-" .. counter
    .. "&background=&proposed_answer=&confirm_intent=on&confirm_not_specific_case=on"
    .. "&confirm_not_new_requirement=on&confirm_publication=on&website=&intent=send"
  return wrk.format("POST", "/requests", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = cookie,
  }, body)
end

dofile(os.getenv("BENCH_DIR") .. "/report.lua")
