-- wrk reporting: one line of tab-separated numbers at the end of a run,
-- read by bench/run.sh: requests/s, p50 ms, p99 ms, completed, failures.
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local failures = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT\t%.0f\t%.2f\t%.2f\t%d\t%d\n",
    summary.requests / seconds,
    latency:percentile(50) / 1000,
    latency:percentile(99) / 1000,
    summary.requests - summary.errors.status,
    failures))
end
