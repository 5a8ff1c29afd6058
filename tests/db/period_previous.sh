#!/usr/bin/env bash
# period_previous - "--period previous" and "--year previous|current" of lis
# run, show and rollup resolve to the window before (or holding) today in
# Copenhagen time, whatever the machine's TZ. "Today" is fixed with LIS_NOW
# (a UTC moment); the calendar edge cases are unit-tested in
# test_period_relative.
. "$(dirname "$0")/../lib.sh"
report_db
out=$TMP/reports
export TZ=America/New_York

# 00:30 on 1 April 2026 in Copenhagen (CEST); still 31 March in UTC and New York
export LIS_NOW=2026-03-31T22:30:00Z
run_lis 0 run monthly --no-rollup --period previous --out "$out" --jobs 2
assert_grep '^wrote .* to .*/2026-03/ \(run 1\)$' "$TMP/out"
assert_grep '"period": "2026-03"' "$out/2026-03/manifest.json"
run_lis 0 run quarterly --no-rollup --period previous --out "$out"
assert_grep '^wrote .*/2026-Q1/dashboard-2026-Q1.pdf, dashboard-2026-Q1.png and dashboard-2026-Q1.html' "$TMP/out"
assert_eq "$(ls "$out" | tr '\n' ' ')" "2026-03 2026-Q1 " "period folders"
ok "run monthly/quarterly --period previous just after midnight in Copenhagen"

run_lis 0 show attainment --period previous --format csv
mv "$TMP/out" "$TMP/previous.csv"
run_lis 0 show attainment --period 2026-03 --format csv
cmp -s "$TMP/out" "$TMP/previous.csv" || fail "show --period previous is not 2026-03"
assert_grep ';2026-03;' "$TMP/previous.csv"
ok "show --period previous is the previous month"

# 06:00 on 15 August 2026 (lis-status.timer): the status of this year as of June
export LIS_NOW=2026-08-15T04:00:00Z
run_lis 0 run status --no-rollup --year current --out "$out"
assert_grep '^wrote .*/2026-YTD-06/statusopfoelgning-2026.xlsx' "$TMP/out"

# 00:30 on 1 January 2027 in Copenhagen: the previous year is 2026
export LIS_NOW=2026-12-31T23:30:00Z
run_lis 0 run annual --no-rollup --year previous --out "$out"
assert_grep '^wrote .*/2026/aarsberetning-2026.xlsx' "$TMP/out"
run_lis 0 rollup --year previous
assert_grep '^rolled up 2026:' "$TMP/out"
# and a minute earlier in Copenhagen it was still 2026: the previous year 2025
LIS_NOW=2026-12-31T22:59:00Z run_lis 0 rollup --year previous
assert_grep '^rolled up 2025:' "$TMP/out"
ok "--year previous and current"

# without LIS_NOW: the clock (some month; the folder is named by it)
unset LIS_NOW
want=$(TZ=Europe/Copenhagen date -d "$(TZ=Europe/Copenhagen date +%Y-%m-15) -1 month" +%Y-%m)
run_lis 0 show economy --period previous --format csv
assert_eq "$(head -1 "$TMP/out")" \
    "agreement_id;period;annual_budget;budget;actual;consumption_pct;expected_pct;deviation;forecast;status" \
    "header"
if [ "$(wc -l <"$TMP/out")" -gt 1 ]; then
    assert_grep ";$want;" "$TMP/out"
fi
ok "without LIS_NOW the clock decides"

LIS_NOW=yesterday run_lis 1 run monthly --period previous --out "$out"
assert_grep 'LIS_NOW "yesterday" is not a UTC moment' "$TMP/err"
# a quarter is not a month
LIS_NOW=2026-03-31T22:30:00Z run_lis 1 run monthly --period 2026-Q1 --out "$out"
ok "a bad LIS_NOW or window is a usage error"
