#!/usr/bin/env bash
# embedded.sh - what an analyst's commands cost on the embedded default (no
# --db, no LIS_DB: lis's own cluster under LIS_HOME), at scale 1, for the lis
# of BASE_REV and the current tree, alternating, in one run:
#   import+rollup+show   every import, lis rollup --year 2026 and lis show
#                        attainment|economy --year 2026 --format csv, on a
#                        fresh cluster (created before the clock starts)
#   one command          lis show economy of one agreement and month, on the
#                        running cluster (the mean of 20)
# Prints the median of the rounds and new/base. Not a test: it prints the
# figures. No pg_virtualenv: each lis starts its own cluster (as postgres
# when run as root, see the README).
#
# Usage: bench/embedded.sh [BASE_REV] [NEW_BUILD_DIR]
#   BASE_REV defaults to HEAD~; NEW_BUILD_DIR to build-rel (built: brought up
#   to date with the tree). ROUNDS (default 3) rounds.
set -euo pipefail
cd "$(dirname "$0")/.."
base_rev=${1:-HEAD~}
new_build=${2:-build-rel}
rounds=${ROUNDS:-3}
. bench/lib.sh
unset LIS_DB PGHOST PGHOSTADDR PGPORT PGDATABASE PGSERVICE PGUSER PGPASSWORD

BASE_LIS=$(bench_base_lis "$base_rev")
NEW_LIS=$(bench_new_lis "$new_build")
bench_init embedded
"$NEW_LIS" demo --files-only --scale 1 --out "$BENCH_WORK/demo" >/dev/null
one_command=(show economy --period 2026-03 --agreement UA-EKS --format csv)

# seconds_since START [N]: the wall seconds since START (date +%s.%N), / N.
seconds_since() {
    awk -v a="$1" -v b="$(date +%s.%N)" -v n="${2:-1}" 'BEGIN { printf "%.3f", (b - a) / n }'
}

# round LIS WHO: a fresh cluster in LIS_HOME=$BENCH_WORK/WHO; appends the
# two stages' seconds to IRS[WHO] and ONE[WHO].
declare -A IRS ONE
round() {
    local lis=$1 who=$2 kind start
    export LIS_HOME=$BENCH_WORK/$who
    "$lis" db init >/dev/null
    start=$(date +%s.%N)
    for kind in $BENCH_KINDS; do
        "$lis" import "$kind" "$BENCH_WORK/demo/input/$kind.csv" >/dev/null
    done
    "$lis" rollup --year 2026 >/dev/null
    "$lis" show attainment --year 2026 --format csv --output "$BENCH_WORK/a.csv" >/dev/null
    "$lis" show economy --year 2026 --format csv --output "$BENCH_WORK/e.csv" >/dev/null
    IRS[$who]+=" $(seconds_since "$start")"
    start=$(date +%s.%N)
    for _ in $(seq 20); do "$lis" "${one_command[@]}" >/dev/null; done
    ONE[$who]+=" $(seconds_since "$start" 20)"
    "$lis" db stop >/dev/null
    rm -rf "$LIS_HOME"
}

for _ in $(seq "$rounds"); do
    round "$BASE_LIS" base
    round "$NEW_LIS" new
done

# row NAME "BASE TIMES" "NEW TIMES": a line of the table (medians).
row() {
    local b n
    b=$(bench_stats "$2" 3 | cut -d' ' -f2)
    n=$(bench_stats "$3" 3 | cut -d' ' -f2)
    printf '%-36s %-28s %-28s %s\n' "$1" "$b (${2# })" "$n (${3# })" "$(bench_ratio "$n" "$b")"
}
echo "base: $base_rev ($BASE_LIS); new: $(git rev-parse --short HEAD) ($NEW_LIS); $rounds rounds, scale 1"
printf '%-36s %-28s %-28s %s\n' stage "base (rounds)" "new (rounds)" "new/base"
row "import+rollup+show, fresh cluster" "${IRS[base]}" "${IRS[new]}"
row "one command, running cluster" "${ONE[base]}" "${ONE[new]}"
