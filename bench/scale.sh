#!/usr/bin/env bash
# scale.sh - the synthetic municipality at SCALE, from nothing to the monthly
# run (issue 10): "lis demo --files-only --scale SCALE", every file imported,
# "lis rollup --year 2026", "lis show attainment" and "economy" --format csv
# of every window of 2026 (--year 2026), the quarterly, status and annual
# runs (every agreement in one report each), and "lis run monthly" of the
# latest month for all agreements. Prints each stage's wall time, lis's peak RSS
# (the largest single lis process, /usr/bin/time) and the server's peak
# memory (the PostgreSQL processes' summed Pss, sampled: bench/lib.sh), then
# the totals and the largest of each. Not a test: it prints the figures.
#
# Usage: pg_virtualenv -t bench/scale.sh SCALE [BUILD_DIR] [JOBS]
#   (or with PGHOST etc. pointing at a PostgreSQL where createdb works);
#   BUILD_DIR defaults to build-rel, JOBS (lis run --jobs) to lis's default.
#   MONTHLY=0 leaves out the monthly run (at scale 100 it takes about 40
#   minutes on the 2-core machine).
# The database and the files (scale 100: about 650 MB of input, and the
# reports) live until the end and are removed then; TMPDIR chooses where.
set -euo pipefail
cd "$(dirname "$0")/.."
scale=${1:?usage: bench/scale.sh SCALE [BUILD_DIR] [JOBS]}
build=${2:-build-rel}
jobs=${3:-}
. bench/lib.sh
db="lis_bench_scale_${scale}_$$"
bench_start scale "$build" "$db"
work=$BENCH_WORK

total=0 lis_peak=0 server_peak=0
printf '%-28s %9s %13s %15s\n' stage seconds "lis peak RSS" "server peak"
stage() {
    local name=$1
    shift
    bench_run "$@"
    printf '%-28s %9.2f %10s MB %12s MB\n' "$name" "$BENCH_SECS" "$(bench_mb "$BENCH_KB")" \
        "$(bench_mb "$BENCH_SERVER_KB")"
    total=$(bench_sum "$total" "$BENCH_SECS")
    [ "$BENCH_KB" -le "$lis_peak" ] || lis_peak=$BENCH_KB
    [ "$BENCH_SERVER_KB" = - ] || [ "$BENCH_SERVER_KB" -le "$server_peak" ] ||
        server_peak=$BENCH_SERVER_KB
}

stage "demo --files-only" "$LIS" demo --out "$work/demo" --scale "$scale" --files-only
for kind in $BENCH_KINDS; do
    stage "import $kind" "$LIS" import "$kind" "$work/demo/input/$kind.csv"
done
stage "rollup 2026" "$LIS" rollup --year 2026
stage "show attainment --year 2026" "$LIS" show attainment --year 2026 --format csv \
    --output "$work/attainment.csv"
stage "show economy --year 2026" "$LIS" show economy --year 2026 --format csv \
    --output "$work/economy.csv"
rm -rf "$work/demo"
mw=$(bench_latest_month "$db")
month=$((10#${mw#2026-}))
qw="2026-Q$(((month + 2) / 3))"
stage "run quarterly $qw" "$LIS" run quarterly --period "$qw" --out "$work/reports"
stage "run status 2026" "$LIS" run status --year 2026 --out "$work/reports"
stage "run annual 2026" "$LIS" run annual --year 2026 --out "$work/reports"
files=0
if [ "${MONTHLY:-1}" != 0 ]; then
    stage "run monthly $mw" "$LIS" run monthly --period "$mw" --out "$work/reports" \
        ${jobs:+--jobs "$jobs"}
    files=$(find "$work/reports/$mw" -type f ! -name manifest.json | wc -l)
fi
agreements=$(psql -XAtqd "$db" -c "SELECT count(*) FROM lis.agreement")
lines=$(psql -XAtqd "$db" -c "SELECT count(*) FROM lis.budget_line")
meas=$(psql -XAtqd "$db" -c "SELECT count(*) FROM lis.measurement")
printf '%-28s %9.2f %10s MB %12s MB\n' "all stages" "$total" "$(bench_mb "$lis_peak")" \
    "$(bench_mb "$server_peak")"
printf 'scale %s: %s agreements, %s budget lines, %s measurements, %s report files; lis run --jobs %s; %s\n' \
    "$scale" "$agreements" "$lines" "$meas" "$files" "${jobs:-default}" "$(uptime | sed 's/.*load/load/')"
