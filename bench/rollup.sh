#!/usr/bin/env bash
# rollup.sh - benchmark of "lis rollup" on the synthetic municipality at
# scale 1 (112 holders, ~100,000 budget lines) and scale 10 (~1,050 holders,
# ~1,000,000 budget lines). Not a test: it prints the figures.
#
# Usage: pg_virtualenv bench/rollup.sh [BUILD_DIR] [SCALES...]
#   (or with PGHOST/LIS_DB pointing at a PostgreSQL where createdb works)
# Targets (SPEC issue 4): under 1 s at scale 1, under 10 s at scale 10.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
shift || true
scales=${*:-1 10}
LIS=$build/cli/lis
[ -x "$LIS" ] || { echo "build lis first ($LIS)" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/lis-bench.XXXXXX")
dbs=""
trap 'for d in $dbs; do dropdb --if-exists "$d" >/dev/null 2>&1 || true; done; rm -rf "$work"' EXIT

for k in $scales; do
    db="lis_bench_rollup_${k}_$$"
    createdb "$db"
    dbs="$dbs $db"
    export LIS_DB="dbname=$db"
    "$LIS" db init >/dev/null
    "$LIS" demo --out "$work/s$k" --scale "$k" --files-only >/dev/null
    t0=$(date +%s.%N)
    for kind in units cost-centres accounts agreements indicators goals targets measurements \
                statuses budget transfers; do
        "$LIS" import "$kind" "$work/s$k/input/$kind.csv" >/dev/null 2>&1
    done
    t1=$(date +%s.%N)
    lines=$(psql -XAtqd "$db" -c "SELECT count(*) FROM lis.budget_line")
    meas=$(psql -XAtqd "$db" -c "SELECT count(*) FROM lis.measurement")
    first=$("$LIS" rollup --year 2026)
    second=$("$LIS" rollup --year 2026)
    printf 'scale %-3s import %6.2f s; %s budget lines, %s measurements\n' "$k" \
        "$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')" "$lines" "$meas"
    printf '          first:  %s\n          second: %s\n' "$first" "$second"
done
