-- Prints one machine-readable line at the end of a wrk run (read by bench/run.py).
--
-- POST rows (bench/run.py Row(method="POST")) pass `-- POST <csrf token> <run id>`: each request then posts a form
-- (application/x-www-form-urlencoded) with the CSRF token and a text of its own, numbered within the run, since
-- the forums refuse the same text twice in a few minutes. The session and CSRF cookies come in a -H header.
-- GET rows pass nothing and define no request(): wrk sends its one prepared request as fast as it can.
init = function(args)
  if args[1] == "POST" then
    local token, run, counter = args[2], args[3], 0
    local headers = {["Content-Type"] = "application/x-www-form-urlencoded"}
    for name, value in pairs(wrk.headers) do headers[name] = value end  -- the -H Cookie header
    request = function()
      counter = counter + 1
      local body = string.format(
        "csrfmiddlewaretoken=%s&body=R%%C3%%A9ponse+du+banc+d%%E2%%80%%99essai+%s-%d+%%3A+merci+pour+ce+retour.",
        token, run, counter)
      return wrk.format("POST", nil, headers, body)
    end
  end
end

done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("BENCH requests=%d duration_us=%d p50_us=%d p99_us=%d status_errors=%d socket_errors=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), errors.status,
    errors.connect + errors.read + errors.write + errors.timeout))
end
