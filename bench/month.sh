#!/usr/bin/env bash
# month.sh - end-to-end benchmark of a month's work: the synthetic
# municipality of "lis demo --files-only --scale SCALE" imported, rolled up,
# and the monthly, quarterly, status and annual runs made. Prints the wall
# time, lis's peak RSS (/usr/bin/time, package time) and the files written
# per second of each stage, and the server's peak memory (bench/lib.sh). Not
# a test: it prints the figures.
#
# Usage: pg_virtualenv bench/month.sh SCALE [BUILD_DIR] [JOBS]
#   (or with PGHOST etc. pointing at a PostgreSQL where createdb works);
#   BUILD_DIR defaults to build, JOBS (lis run --jobs) to 2.
# Each scale gets a database of its own, dropped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
scale=${1:?usage: bench/month.sh SCALE [BUILD_DIR] [JOBS]}
build=${2:-build}
jobs=${3:-2}
. bench/lib.sh
db="lis_bench_month_${scale}_$$"
bench_start month "$build" "$db"
work=$BENCH_WORK

# stage NAME FILES_DIR COMMAND...: runs COMMAND (bench_run) and prints a line;
# FILES_DIR (or -) is counted for files per second.
printf '%-22s %9s %10s %8s %9s %12s\n' stage seconds "peak RSS" files files/s "server peak"
stage() {
    local name=$1 dir=$2
    shift 2
    bench_run "$@"
    local files=- rate=-
    if [ "$dir" != - ]; then
        files=$(find "$dir" -type f ! -name manifest.json | wc -l)
        rate=$(awk -v f="$files" -v s="$BENCH_SECS" 'BEGIN { printf "%.1f", (s > 0 ? f / s : 0) }')
    fi
    printf '%-22s %9.2f %7s MB %8s %9s %9s MB\n' "$name" "$BENCH_SECS" "$(bench_mb "$BENCH_KB")" \
        "$files" "$rate" "$(bench_mb "$BENCH_SERVER_KB")"
}

t0=$(date +%s.%N)
stage "demo --files-only" - "$LIS" demo --out "$work/demo" --scale "$scale" --files-only
for kind in $BENCH_KINDS; do
    stage "import $kind" - "$LIS" import "$kind" "$work/demo/input/$kind.csv"
done
stage "rollup 2026" - "$LIS" rollup --year 2026
mw=$(bench_latest_month "$db")
month=$((10#${mw#2026-}))
qw="2026-Q$(((month + 2) / 3))"
out=$work/reports
stage "run monthly $mw" "$out/$mw" "$LIS" run monthly --period "$mw" --out "$out" --jobs "$jobs"
stage "run quarterly $qw" "$out/$qw" "$LIS" run quarterly --period "$qw" --out "$out"
stage "run status 2026" "$out/2026-YTD-06" "$LIS" run status --year 2026 --out "$out"
stage "run annual 2026" "$out/2026" "$LIS" run annual --year 2026 --out "$out"
t1=$(date +%s.%N)
agreements=$(psql -XAtqd "$db" -c "SELECT count(*) FROM lis.agreement")
lines=$(psql -XAtqd "$db" -c "SELECT count(*) FROM lis.budget_line")
meas=$(psql -XAtqd "$db" -c "SELECT count(*) FROM lis.measurement")
printf 'scale %s: %s agreements, %s budget lines, %s measurements; all stages %.1f s (lis run --jobs %s)\n' \
    "$scale" "$agreements" "$lines" "$meas" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')" "$jobs"
