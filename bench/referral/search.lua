-- wrk script: directory search by a random département + GENERAL_PRACTICE + accepting, page of 20.
-- Reads the départements from the file named by DEPARTEMENTS and the token from TOKEN.
local departements = {}
for line in io.lines(os.getenv("DEPARTEMENTS")) do
  departements[#departements + 1] = line
end
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")

request = function()
  local dep = departements[math.random(#departements)]
  return wrk.format("GET", "/api/v1/doctors?departementCode=" .. dep .. "&specialty=GENERAL_PRACTICE&accepting=true&size=20")
end

done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors non-2xx %d, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    summary.requests, summary.errors.status, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
