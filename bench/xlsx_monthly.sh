#!/usr/bin/env bash
# xlsx_monthly.sh - times "lis run monthly" for the generated municipality
# (lis demo: 112 agreements, rollup done): loading the report model and
# writing the 112 workbooks, with 1 and 2 renderer processes; and the status
# and annual workbooks. Prints the best of three runs.
#
#   pg_virtualenv bench/xlsx_monthly.sh [path/to/lis]
#
# With LIS_DB set to a database where "lis demo" has run, it uses that one;
# otherwise it creates a database and runs lis demo first (minutes).
set -eu
LIS=${1:-build-rel/cli/lis}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ -z "${LIS_DB:-}" ]; then
    createdb lis_xlsx_bench
    export LIS_DB=dbname=lis_xlsx_bench
    "$LIS" db init >/dev/null
    echo "lis demo (once) ..."
    "$LIS" demo --out "$tmp/demo" >/dev/null
fi
best() { # best of three, seconds
    local b=999 t
    for _ in 1 2 3; do
        t=$( { /usr/bin/time -f %e "$@" >/dev/null; } 2>&1 | tail -1)
        b=$(echo "$t $b" | awk '{print ($1 < $2) ? $1 : $2}')
    done
    echo "$b"
}
m1=$(best "$LIS" run monthly --period 2026-10 --jobs 1 --out "$tmp/out")
m2=$(best "$LIS" run monthly --period 2026-10 --jobs 2 --out "$tmp/out")
n=$(ls "$tmp/out/2026-10"/aftale-*.xlsx | wc -l)
st=$(best "$LIS" run status --year 2026 --out "$tmp/out")
an=$(best "$LIS" run annual --year 2026 --out "$tmp/out")
printf 'monthly 2026-10: %d workbooks in %s s (1 process), %s s (2 processes)\n' "$n" "$m1" "$m2"
printf 'status 2026:     statusopfoelgning in %s s\n' "$st"
printf 'annual 2026:     aarsberetning in %s s\n' "$an"
