#!/usr/bin/env bash
# Server CPU per request, steadier than req/s on a shared machine: runs wrk against each path of an already
# running server and divides the server process's CPU time (user + system, from /proc) by the requests served.
#   benchmarks/tutoring/cpu.sh PID PORT TOKEN PATH...      (env: DURATION=10s, CONNECTIONS=32)
set -euo pipefail
pid=$1 port=$2 token=$3
shift 3
DURATION="${DURATION:-10s}"
CONNECTIONS="${CONNECTIONS:-32}"
ticks=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
printf "%-40s %10s %10s %12s\n" "request" "req/s" "p99" "cpu µs/req"
for path in "$@"; do
    url="http://127.0.0.1:$port$path"
    wrk -t2 -c"$CONNECTIONS" -d2s -H "Authorization: Bearer $token" "$url" >/dev/null  # warm-up
    before=$(cpu)
    out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "Authorization: Bearer $token" "$url")
    after=$(cpu)
    requests=$(echo "$out" | awk '/requests in/ {print $1}')
    rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
    errors=$(echo "$out" | awk '/Non-2xx|Socket errors/ {print}' | tr '\n' ' ')
    us=$(echo "($after - $before) * 1000000 / $ticks / $requests" | bc)
    printf "%-40s %10s %10s %12s %s\n" "$path" "$rps" "$p99" "$us" "$errors"
done
