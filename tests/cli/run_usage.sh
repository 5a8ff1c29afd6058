#!/usr/bin/env bash
# run_usage - lis run's usage errors name the kind asked for and bound the
# year (issue 12, item 11): no database is needed to refuse them.
. "$(dirname "$0")/../lib.sh"
export LIS_HOME=$TMP/home

run_lis 1 run annual --year 99999
assert_grep '^lis: error: --year must be a year from 1900 to 2999 \(or previous, current\), not "99999"$' "$TMP/err"
assert_grep '^usage: lis run annual --year Y \[options\]$' "$TMP/err"
assert_no_grep 'lis run monthly' "$TMP/err"
run_lis 1 run status --year 0
assert_grep '^usage: lis run status --year Y' "$TMP/err"
assert_no_grep 'lis run monthly' "$TMP/err"
run_lis 1 run annual --year 2026x
assert_grep 'from 1900 to 2999 \(or previous, current\), not "2026x"' "$TMP/err"
run_lis 1 run quarterly --period 2026-13
assert_grep '^usage: lis run quarterly --period YYYY-QN' "$TMP/err"
assert_no_grep 'lis run (monthly|annual|status)' "$TMP/err"
run_lis 1 run monthly --period 99999-01
assert_grep '^usage: lis run monthly --period YYYY-MM' "$TMP/err"
assert_no_grep 'lis run (quarterly|annual|status)' "$TMP/err"
ok "a usage error shows the synopsis of its own kind"

run_lis 1 run weekly --period 2026-03
assert_grep 'unknown kind of report "weekly"' "$TMP/err"
assert_grep 'lis run annual --year Y' "$TMP/err"
assert_grep 'lis run monthly --period' "$TMP/err"
ok "an unknown kind shows every kind"
[ ! -e "$TMP/home" ] || fail "a usage error touched LIS_HOME"
