# Usage errors of lis rollup, show and check (exit status 1), without a database.
. "$(dirname "$0")/../lib.sh"
run_lis 1 rollup
assert_grep 'needs --year' "$TMP/err"
run_lis 1 rollup --year 26
run_lis 1 rollup --full
assert_grep 'needs --year' "$TMP/err"
run_lis 0 rollup --help
assert_grep '^  --full ' "$TMP/out"
run_lis 1 show attainment
assert_grep 'either --period or --year' "$TMP/err"
run_lis 1 show attainment --period 2026-13
run_lis 1 show budget --year 2026
run_lis 1 show economy --year 2026 --format xml
run_lis 1 check --format json
run_lis 1 demo --scale 0
run_lis 0 show --help
assert_grep 'calendar order' "$TMP/out"
ok "usage errors exit 1"
