# The SPEC's worked example imports cleanly in its README's order, with
# canonical periods and function codes, and a second import of a file is a
# no-op.
. "$(dirname "$0")/../lib.sh"
new_db
run_lis 0 db init
D=$LIS_SHARED/examples/worked-example
[ -d "$D" ] || skip "no $D"
for k in units cost-centres accounts agreements indicators goals targets measurements \
         statuses budget transfers; do
    run_lis 0 import "$k" "$D/$k.csv"
done
assert_eq "$(sql "SELECT count(*) FROM lis.unit")" 6 "units"
assert_eq "$(sql "SELECT string_agg(unit_id || '>' || coalesce(parent_id, '-'), ' ' ORDER BY unit_id COLLATE \"C\") FROM lis.unit")" \
    "BUV>DIR DIR>KOM KOM>- SKO>BUV SKO1>SKO SKO2>SKO" "unit tree"
assert_eq "$(sql "SELECT sum(value) FROM lis.measurement WHERE indicator_id = 'sygedage' AND period = '2026-03' AND year = 2026 AND first_month = 3 AND last_month = 3")" \
    55 "sick days March"
assert_eq "$(sql "SELECT baseline || ' ' || target || ' ' || profile || ' ' || weight FROM lis.target")" \
    "6.0 5.0 linear 1" "target row"
assert_eq "$(sql "SELECT numerator || '/' || denominator FROM lis.indicator WHERE indicator_id = 'sygefravaer'")" \
    "sygedage/arbejdsdage" "ratio"
assert_eq "$(sql "SELECT first_year || '-' || last_year || ' ' || cross_cutting FROM lis.goal")" "2026-2026 false" "goal"
assert_eq "$(sql "SELECT string_agg(coalesce(month::text, 'Y') || ':' || function || ':' || coalesce(budget::text, '') || ':' || coalesce(actual::text, ''), ' ' ORDER BY line_no) FROM lis.budget_line")" \
    "Y:3.22.01:12000000: 3:3.22.01::987654.32 3:3.22.01:1000000.00:1020500.50" "budget lines"
assert_eq "$(sql "SELECT service_frame FROM lis.account WHERE function = '3.22.01'")" t "account"
assert_eq "$(sql "SELECT count(*) FROM lis.import_batch WHERE finished_at IS NOT NULL AND sha256 ~ '^[0-9a-f]{64}$'")" 11 "batches"
ok "worked example imports"

run_lis 0 import budget "$D/budget.csv"
assert_grep "already imported as batch [0-9]+" "$TMP/out"
assert_eq "$(sql "SELECT count(*) FROM lis.budget_line")" 3 "budget lines after a second import"
run_lis 0 import budget "$D/budget.csv" --force
assert_eq "$(sql "SELECT count(*) FROM lis.budget_line")" 6 "budget lines after --force"
ok "the same file lands once, --force imports it again"
