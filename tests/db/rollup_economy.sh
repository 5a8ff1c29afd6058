# Economy, the council's areas, transfers and lis check on the hand-made
# input of tests/data/rollup-cases; figures computed by hand:
#   CA1 (unit A1): yearly 1.200 on account A, spread 100 a month except June,
#       which has a monthly row of 500 (actual 400) for the same key; a
#       January actual of 50 on account B
#   CA2 (A2): February 200 / 260; March 0 / 500
#   CB1 (B1): yearly 2.400 / 2.450, spread 200 / 204,1667 a month
#   CX (no unit) 100 / 90 and CY (unknown unit, unknown function) 10 / 10 in
#   January: unallocated. A 2025 line counts nowhere in 2026.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../rollup_lib.sh"
new_db
run_lis 0 db init
import_dir "$LIS_SOURCE_DIR/tests/data/rollup-cases"
run_lis 0 rollup --year 2026

run_lis 0 show economy --period 2026-02 --format csv
# UA-A annual 11 * 100 + 500 + 200 = 1800; February 100 + 200 / 260;
# YTD 400 / 310: consumption 310/1800, expected 400/1800, deviation -90,
# forecast 310 * 1800 / 400 = 1395: green
assert_row "$TMP/out" "UA-A;2026-02;" "1800;300;260;17.22222222222222;22.22222222222222;-90;1395;green"
ok "UA-A February"

run_lis 0 show economy --period 2026-03 --format csv
# YTD 500 / 810: forecast 810 * 1800 / 500 = 2916, over by 1116 > 3 %: red
assert_row "$TMP/out" "UA-A;2026-03;" "1800;100;500;45;27.77777777777778;310;2916;red"
# UA-B: YTD 600 / 612,5: forecast 2450, over by 50: > 1 % (24), <= 3 % (72): yellow
assert_row "$TMP/out" "UA-B;2026-03;" "2400;200;204.1666666666667;25.52083333333333;25;12.5;2450;yellow"
# UA-F holds both: annual 4200, YTD 1100 / 1422,5, forecast 1422,5*4200/1100
assert_row "$TMP/out" "UA-F;2026-03;" "4200;300;704.1666666666667;33.86904761904762;26.19047619047619;322.5;5431.363636363636;red"
# no budget lines on its cost centres: grey, zeros, empty percentages
assert_row "$TMP/out" "UA-G;2026-03;" "0;0;0;;;0;0;grey"
ok "March: red, yellow, level 1 over level 2 units, grey"

run_lis 0 show economy --period 2026-06 --format csv
# June: the monthly row replaces the spread: budget 500; YTD 1200 / 1210;
# forecast 1210 * 1800 / 1200 = 1815, over by 15 <= 18 (1 %): green
assert_row "$TMP/out" "UA-A;2026-06;" "1800;500;400;67.22222222222222;66.66666666666667;10;1815;green"
ok "June: the monthly row of the same key, and the 1 % tolerance"

run_lis 0 show economy --period 2026-Q1 --format csv
assert_row "$TMP/out" "UA-A;2026-Q1;" "1800;500;810;45;27.77777777777778;310;2916;red"
run_lis 0 show economy --period 2026 --format csv
assert_row "$TMP/out" "UA-B;2026;" "2400;2400;2450;102.0833333333333;100;50;2450;yellow"
ok "quarter and year"

# tolerances from the config: with economy_yellow = 1,5 UA-B turns red
cat >"$TMP/lis.conf" <<'CONF'
[thresholds]
economy_green = 1
economy_yellow = 1.5
CONF
run_lis 0 --config "$TMP/lis.conf" show economy --period 2026-03 --format csv
assert_row "$TMP/out" "UA-B;2026-03;" "2400;200;204.1666666666667;25.52083333333333;25;12.5;2450;red"
ok "economy tolerances come from the configuration (show rolls up again)"
run_lis 0 rollup --year 2026

# the council's areas, from the budget lines themselves
area() { sql "SELECT annual_budget::float8 || ';' || budget::float8 || ';' || actual::float8
               FROM lis.rollup_economy_area WHERE window_name = '$1' AND level = '$2'
                AND policy_area = '$3'"; }
assert_eq "$(area 2026 policy_area P1)" "4100;4100;2990" "P1: 1600 + 2400 + CX 100; 50+400+2450+90"
assert_eq "$(area 2026 policy_area P2)" "200;200;760" "P2"
assert_eq "$(area 2026 policy_area '(ukendt funktion)')" "10;10;10" "unknown function"
assert_eq "$(area 2026 unallocated '(ikke fordelt)')" "110;110;100" "unallocated"
assert_eq "$(area 2026 total '')" "4310;4310;3760" "total"
ok "per policy area, unknown function, unallocated, total"

run_lis 0 show transfers --year 2026 --format csv
assert_eq "$(head -1 "$TMP/out")" \
    "transfer_id;date;from_cost_centre;from_function;to_cost_centre;to_function;amount;cross_policy_area;cross_service_frame;within_agreement;verdict;flags" \
    "header"
assert_grep '^T1;2026-01-15;CA1;1.01.01;CA2;1.01.01;100;nej;nej;ja;inden for råderum;inden for råderum$' "$TMP/out"
assert_grep '^T2;2026-02-15;CA1;1.01.01;CB1;1.02.01;200.5;ja;nej;ja;kræver politisk behandling;kræver politisk behandling\|inden for råderum$' "$TMP/out"
assert_grep '^T3;2026-03-01;CA1;1.01.01;CA2;5.57.72;300;ja;ja;ja;ikke tilladt \(serviceramme\);ikke tilladt \(serviceramme\)\|kræver politisk behandling\|inden for råderum$' "$TMP/out"
assert_grep '^T4;2026-03-02;CX;1.01.01;CA1;9.99.99;400;nej;nej;nej;ukendt funktion;ukendt funktion$' "$TMP/out"
assert_grep '^T5;2026-04-30;CX;1.01.01;CY;1.01.01;-500;nej;nej;nej;;$' "$TMP/out"
assert_no_grep '^T6;' "$TMP/out"
run_lis 0 show transfers --period 2026-Q1 --agreement UA-B --format csv
assert_eq "$(tail -n +2 "$TMP/out" | cut -d';' -f1 | tr '\n' ' ')" "T2 " "UA-B's transfers in Q1"
ok "transfer flags and verdicts"

run_lis 2 check --format csv
for f in "UA-A;;own_goals_count" "UA-A;G11;not_measurable" "UA-A;G12;target_missing" \
         "UA-A;G12;linear_without_baseline" "UA-A;G12;custom_incomplete" \
         "UA-A;G13;subtarget_missing" "UA-A;G13;zero_target_ratio" \
         "UA-B;;own_goals_count" "UA-B;;cross_cutting_missing" "UA-X;;holder_unknown" \
         "UA-X;;grantor_unknown" "UA-X;;parent_missing" "UA-Y;;parent_not_level1"; do
    assert_grep "^$f;" "$TMP/out"
done
assert_no_grep '^UA-A;;cross_cutting_missing' "$TMP/out"
assert_no_grep '^UA-A;G6;subtarget_missing' "$TMP/out"
assert_no_grep '^UA-A;G7;' "$TMP/out"
assert_no_grep '^UA-B;G1;' "$TMP/out"
assert_grep 'cost centre "CX" is unallocated' "$TMP/err"
assert_grep 'cost centre "CY" is unallocated' "$TMP/err"
ok "lis check findings and unallocated warnings"

cat >"$TMP/rules.conf" <<'CONF'
[framework]
own_goals_min = 0
own_goals_max = 10
cross_cutting_min = 0
CONF
run_lis 2 --config "$TMP/rules.conf" check --format csv
assert_no_grep 'own_goals_count|cross_cutting_missing' "$TMP/out"
ok "framework rules come from the configuration"
