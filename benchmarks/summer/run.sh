#!/usr/bin/env bash
# Summer-school benchmark (run by hand, not in CI): the profile of shared/benchmarks/summer-profile.md
# (20 campuses, 200 projects, 500 courses, 2,000 students with one order each, seed 42) in a fresh SQLite
# file, then wrk against the three benchmarked requests, logged in as the ADMIN (ticket cookie).
set -euo pipefail

PORT="${PORT:-18002}"
DURATION="${DURATION:-10s}"
source "$(dirname "$0")/../lib.sh"

bench_build
bench_generate summer "summer benchmark profile"
bench_serve summer

TICKET=$(curl -fsS -X POST "http://127.0.0.1:$PORT/auth/user/login/" \
    -H 'Content-Type: application/json' -d '{"username":"AdminUser","password":"123456"}' |
    sed -n 's/.*"ticket":"\(TK-[0-9A-Za-z]\{20\}\)".*/\1/p')
[ -n "$TICKET" ] || { echo "login as AdminUser failed" >&2; exit 1; }

bench_measure 28 "Cookie: ticket=$TICKET" "/source/project/" "/source/course/" "/common/global_enums/"
