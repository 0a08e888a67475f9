#!/usr/bin/env bash
# Tutoring benchmark (run by hand, not in CI): the profile of shared/benchmarks/tutoring-profile.md
# (100,000 students, 20,000 orders, 200 teachers, 50 staff, seed 42) in a fresh SQLite file, then wrk
# against the four benchmarked requests, logged in as staff 1 (admin).
set -euo pipefail

PORT="${PORT:-18004}"
DURATION="${DURATION:-15s}"
source "$(dirname "$0")/../lib.sh"

bench_build
bench_generate tutoring "benchmark profile"
bench_serve tutoring

TOKEN=$(curl -fsS -X POST "http://127.0.0.1:$PORT/admin/user/login" \
    -H 'Content-Type: application/json' -d '{"name":"admin","password":"admin123"}' |
    sed -n 's/.*"token":"\([0-9a-f]\{64\}\)".*/\1/p')
[ -n "$TOKEN" ] || { echo "login as staff 1 failed" >&2; exit 1; }

bench_measure 36 "Authorization: Bearer $TOKEN" \
    "/admin/student/list?page=1" "/admin/student/list?page=5000" "/admin/order/list?page=1" "/admin/order/info?orderID=20000"
