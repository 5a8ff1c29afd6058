#!/usr/bin/env bash
# month.sh - end-to-end benchmark of a month's work: the synthetic
# municipality of "lis demo --files-only --scale SCALE" imported, rolled up,
# and the monthly, quarterly, status and annual runs made. Prints the wall
# time, lis's peak RSS (/usr/bin/time, package time) and the files written
# per second of each stage. Not a test: it prints the figures.
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
LIS=$build/cli/lis
[ -x "$LIS" ] || { echo "build lis first ($LIS)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (package time)" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/lis-bench-month.XXXXXX")
db="lis_bench_month_${scale}_$$"
trap 'dropdb --if-exists "$db" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
createdb "$db"
export LIS_DB="dbname=$db"
"$LIS" db init >/dev/null

# stage NAME FILES_DIR COMMAND...: runs COMMAND under /usr/bin/time and prints
# a line; FILES_DIR (or -) is counted for files per second.
printf '%-22s %9s %10s %8s %9s\n' stage seconds "peak RSS" files files/s
stage() {
    local name=$1 dir=$2
    shift 2
    /usr/bin/time -f '%e %M' -o "$work/time" "$@" >"$work/out" 2>"$work/err" ||
        { cat "$work/out" "$work/err" >&2; echo "$name failed" >&2; exit 1; }
    local secs kb files=- rate=-
    read -r secs kb <"$work/time"
    if [ "$dir" != - ]; then
        files=$(find "$dir" -type f ! -name manifest.json | wc -l)
        rate=$(awk -v f="$files" -v s="$secs" 'BEGIN { printf "%.1f", (s > 0 ? f / s : 0) }')
    fi
    printf '%-22s %9.2f %7.1f MB %8s %9s\n' "$name" "$secs" "$(awk -v k="$kb" 'BEGIN { print k / 1024 }')" \
        "$files" "$rate"
}

t0=$(date +%s.%N)
stage "demo --files-only" - "$LIS" demo --out "$work/demo" --scale "$scale" --files-only
for kind in units cost-centres accounts agreements indicators goals targets measurements \
            statuses budget transfers; do
    stage "import $kind" - "$LIS" import "$kind" "$work/demo/input/$kind.csv"
done
stage "rollup 2026" - "$LIS" rollup --year 2026
month=$(psql -XAtqd "$db" -c "SELECT coalesce(max(last_month), 12) FROM lis.measurement
    WHERE year = 2026 AND value IS NOT NULL AND first_month = last_month")
mw=$(printf '2026-%02d' "$month")
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
