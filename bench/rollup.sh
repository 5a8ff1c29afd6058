#!/usr/bin/env bash
# rollup.sh - benchmark of "lis rollup" on the synthetic municipality at
# scale 1 (112 holders, ~100,000 budget lines) and scale 10 (~1,050 holders,
# ~1,000,000 budget lines). Not a test: it prints the figures.
#
# Usage: pg_virtualenv -t bench/rollup.sh [BUILD_DIR] [SCALES...]
#   (or with PGHOST/LIS_DB pointing at a PostgreSQL where createdb works)
#   OLD=path/to/an/older/lis of the same schema (an older lis refuses a
#   newer one: "failed") compares its full rollup in the same run (on
#   the same database, one after the other, best of ROUNDS, default 2).
# Per scale: the first rollup (full), the full rollup again (--full, best of
# ROUNDS), a rollup with nothing new, and after a later batch that replaces
# one month of one indicator (ventetid, 2026-06) and one of a few cost
# centres' budget lines, the incremental rollup of each against --full.
# Targets (issue 10): full rollup under 0.4 s at scale 1, under 3 s at scale 10.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
shift || true
scales=${*:-1 10}
rounds=${ROUNDS:-2}
LIS=$build/cli/lis
[ -x "$LIS" ] || { echo "build lis first ($LIS)" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/lis-bench.XXXXXX")
dbs=""
trap 'for d in $dbs; do dropdb --if-exists "$d" >/dev/null 2>&1 || true; done; rm -rf "$work"' EXIT

# secs CMD...: runs CMD, prints its wall seconds ("failed" and its first
# error line when it fails: an older lis refuses a newer schema).
secs() {
    local t0 t1
    t0=$(date +%s.%N)
    if ! "$@" >/dev/null 2>"$work/secs.err"; then
        echo "failed: $(head -n 1 "$work/secs.err")"
        return
    fi
    t1=$(date +%s.%N)
    awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }'
}
# best N CMD...: the least wall seconds of N runs of CMD.
best() {
    local n=$1 b="" s
    shift
    for _ in $(seq "$n"); do
        s=$(secs "$@")
        case $s in failed*) echo "$s"; return ;; esac
        if [ -z "$b" ] || awk -v s="$s" -v b="$b" 'BEGIN { exit !(s < b) }'; then b=$s; fi
    done
    echo "$b"
}

echo "load: $(uptime | sed 's/.*load average/load average/')"
for k in $scales; do
    db="lis_bench_rollup_${k}_$$"
    createdb "$db"
    dbs="$dbs $db"
    export LIS_DB="dbname=$db"
    "$LIS" db init >/dev/null
    "$LIS" demo --out "$work/s$k" --scale "$k" --files-only >/dev/null
    in=$work/s$k/input
    t0=$(date +%s.%N)
    for kind in units cost-centres accounts agreements indicators goals targets measurements \
                statuses budget transfers; do
        "$LIS" import "$kind" "$in/$kind.csv" >/dev/null 2>&1
    done
    t1=$(date +%s.%N)
    lines=$(psql -XAtqd "$db" -c "SELECT count(*) FROM lis.budget_line")
    meas=$(psql -XAtqd "$db" -c "SELECT count(*) FROM lis.measurement")
    printf 'scale %-3s import %6.2f s; %s budget lines, %s measurements\n' "$k" \
        "$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')" "$lines" "$meas"
    printf '  first rollup         %s\n' "$("$LIS" rollup --year 2026)"
    printf '  full (best of %s)     %s s\n' "$rounds" "$(best "$rounds" "$LIS" rollup --year 2026 --full)"
    if [ -n "${OLD:-}" ]; then
        printf '  old lis (best of %s)  %s s\n' "$rounds" "$(best "$rounds" "$OLD" rollup --year 2026)"
        "$LIS" rollup --year 2026 --full >/dev/null
    fi
    printf '  nothing new          %s\n' "$("$LIS" rollup --year 2026)"
    awk -F';' -v OFS=';' 'NR == 1 || ($1 == "ventetid" && $3 == "2026-06" && $4 ~ /^[0-9]+$/) {
        if (NR > 1) $4 = $4 "1"; print }' "$in/measurements.csv" >"$work/m$k.csv"
    "$LIS" import measurements "$work/m$k.csv" >/dev/null
    printf '  a month of ventetid  %s\n' "$("$LIS" rollup --year 2026)"
    printf '  the same, --full     %s s\n' "$(secs "$LIS" rollup --year 2026 --full)"
    awk -F';' 'NR == 1 || ($1 == "2026-12" && $2 ~ /^2000[0-9][0-9]$/)' "$in/budget.csv" \
        >"$work/b$k.csv"
    "$LIS" import budget "$work/b$k.csv" --force >/dev/null
    printf '  budget lines         %s\n' "$("$LIS" rollup --year 2026)"
    printf '  the same, --full     %s s\n' "$(secs "$LIS" rollup --year 2026 --full)"
done
