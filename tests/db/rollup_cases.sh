# Every case of SPEC sections 3 and 6 on the hand-made input of
# tests/data/rollup-cases (imported with lis import). The expected figures
# are computed by hand in the comments; the data in short:
#   units FAG > A > A1, A2; FAG > B > B1; FAG > G. Agreements UA-F (FAG,
#   level 1), UA-A, UA-B, UA-G (level 2), UA-X and UA-Y (broken on purpose).
#   s_sum (sum): A1 10, 20, 30; A2 5, .., 15 in Jan-Mar; B1 9 in Jan;
#   A1 1000 in 2025-12 (another year: counts nowhere in 2026).
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../rollup_lib.sh"
new_db
run_lis 0 db init
import_dir "$LIS_SOURCE_DIR/tests/data/rollup-cases"
run_lis 0 rollup --year 2026

show() { run_lis 0 show attainment --period "$1" --agreement "${2:-UA-A}" --format csv; }

show 2026-01
# sum, flat 120: target 120 * 1/12 = 10; actual 10 + 5 = 15; ratio 150
assert_row "$TMP/out" "UA-A;G1;s_sum;2026-01;" "15;10;150;green"
# weights 2 and 1 and the 100 cap: mean (4 + 2) / 2 = 3 -> 3/4 = 75, under
# the row's own yellow 80: red; min(7, 3) = 3 -> 3/2 = 150, capped at 100;
# goal (2 * 75 + 1 * 100) / 3 = 83,33 < 90: red
assert_row "$TMP/out" "UA-A;G2;s_mean;2026-01;" "3;4;75;red"
assert_row "$TMP/out" "UA-A;G2;s_min;2026-01;" "3;2;150;green"
assert_row "$TMP/out" "UA-A;G2;;2026-01;" ";;83.33333333333333;red"
# last: A1 latest in January 100 (A2 none); linear 100 -> 160: 100 + 60 * 1/12
# = 105; progress (100 - 100) / (105 - 100) = 0
assert_row "$TMP/out" "UA-A;G3;s_last;2026-01;" "100;105;0;red"
# sum with a baseline: progress with the baseline prorated: Y 24 * 1/12 = 2,
# T 36 * 1/12 = 3, A = 3 + 2 = 5: (5 - 2) / (3 - 2) = 300
assert_row "$TMP/out" "UA-A;G3;num;2026-01;" "5;3;300;green"
assert_row "$TMP/out" "UA-A;G3;;2026-01;" ";;50;red"
# ratio of sums, unit antal (no x 100): (3 + 2) / (10 + 0) = 0,5 vs 0,4
assert_row "$TMP/out" "UA-A;G4;r_ratio;2026-01;" "0.5;0.4;125;green"
# custom sum q1 = 30: January is a third of it
assert_row "$TMP/out" "UA-A;G4;s_sum;2026-01;" "15;10;150;green"
# quarterly and yearly indicators: not due in a month
assert_row "$TMP/out" "UA-A;G5;q_mean;2026-01;" ";;;not_due"
assert_row "$TMP/out" "UA-A;G5;;2026-01;" ";;;not_due"
assert_row "$TMP/out" "UA-A;G6;y_sum;2026-01;" ";;;not_due"
# qualitative: the latest status ending no later than January is 2025-12
# ikke-startet (earlier years count): red
assert_row "$TMP/out" "UA-A;G7;;2026-01;" ";;;red"
# direction ned, A = 0 counts 200; interval inside [9000, 11000]: 100
assert_row "$TMP/out" "UA-A;G8;ned_sum;2026-01;" "0;1;200;green"
assert_row "$TMP/out" "UA-A;G8;iv;2026-01;" "10000;;100;green"
assert_row "$TMP/out" "UA-A;G8;;2026-01;" ";;100;green"
# interval on a sum: bounds 120..240 prorated to 10..20; 25 above: 20/25 = 80
assert_row "$TMP/out" "UA-A;G9;iv_sum;2026-01;" "25;;80;red"
# thresholds on attainment rounded to 6 decimals: ned 8,099999991 / 9 =
# 89,9999999 % rounds to 90,000000: yellow
assert_row "$TMP/out" "UA-A;G10;s_max;2026-01;" "9;8.099999991;89.9999999;yellow"
# a goal with no target row for the year and no status: grey
assert_row "$TMP/out" "UA-A;G11;;2026-01;" ";;;grey"
# target 0 with the ratio method: no attainment, grey
assert_row "$TMP/out" "UA-A;G13;s_sum;2026-01;" "15;0;;grey"
ok "January: aggregations, weights, cap, methods, interval, A = 0, rounding"

# the shared cross-cutting goal in UA-B, over B's units, with the owner's
# target: 9 / 10 = 90 = the yellow threshold
show 2026-01 UA-B
assert_row "$TMP/out" "UA-B;G1;s_sum;2026-01;" "9;10;90;yellow"
assert_row "$TMP/out" "UA-B;G1;;2026-01;" ";;90;yellow"
assert_eq "$(grep -c '^UA-B;' "$TMP/out")" 2 "UA-B has only the shared goal"
run_lis 0 show attainment --period 2026-01 --agreement UA-F --format csv
assert_eq "$(wc -l <"$TMP/out")" 1 "UA-F owns no goals: header only"
ok "shared goals in each sharing agreement; owner ids and unknown ids ignored"

show 2026-02
# A2's February value is '..' (no value): 20 only
assert_row "$TMP/out" "UA-A;G1;s_sum;2026-02;" "20;10;200;green"
# last: A2's 50 in February; linear target 100 + 60 * 2/12 = 110;
# progress (50 - 100) / (110 - 100) = -500
assert_row "$TMP/out" "UA-A;G3;s_last;2026-02;" "50;110;-500;red"
# ratio with a numerator but no denominator value: grey
assert_row "$TMP/out" "UA-A;G4;r_ratio;2026-02;" ";0.4;;grey"
# interval below: 8000 / 9000 = 88,89
assert_row "$TMP/out" "UA-A;G8;iv;2026-02;" "8000;;88.88888888888889;red"
# a goal whose indicators all lack data but one: only that one counts
assert_row "$TMP/out" "UA-A;G8;;2026-02;" ";;88.88888888888889;red"
ok "February: no value, negative progress, ratio needs both parts"

show 2026-03
# last: A2's March value is empty: A1's 120 only; target 115: (120-100)/15
assert_row "$TMP/out" "UA-A;G3;s_last;2026-03;" "120;115;133.3333333333333;green"
# denominator sum 0: no actual
assert_row "$TMP/out" "UA-A;G4;r_ratio;2026-03;" ";0.4;;grey"
# interval above: 11000 / 12000 = 91,67: yellow
assert_row "$TMP/out" "UA-A;G8;iv;2026-03;" "12000;;91.66666666666667;yellow"
# 2026-Q1 delvist and 2026-03 opfyldt end in the same month: the shorter wins
assert_row "$TMP/out" "UA-A;G7;;2026-03;" ";;;green"
ok "March"

show 2026-Q1
# sum over the quarter 10+20+30+5+15 = 80, target 30
assert_row "$TMP/out" "UA-A;G1;s_sum;2026-Q1;" "80;30;266.6666666666667;green"
# mean of 4, 2, 5 = 3,667 / 4 = 91,67: yellow from the row's yellow 80;
# goal (2 * 91,67 + 100) / 3 = 94,44: yellow
assert_row "$TMP/out" "UA-A;G2;s_mean;2026-Q1;" "3.666666666666667;4;91.66666666666667;yellow"
assert_row "$TMP/out" "UA-A;G2;;2026-Q1;" ";;94.44444444444444;yellow"
# last per unit over the quarter: A1 120 (March) + A2 50 (February) = 170
assert_row "$TMP/out" "UA-A;G3;s_last;2026-Q1;" "170;115;466.6666666666667;green"
# num 3+2+1+0 = 6, Y 6, T 9: 0
assert_row "$TMP/out" "UA-A;G3;num;2026-Q1;" "6;9;0;red"
# ratio 6 / 10
assert_row "$TMP/out" "UA-A;G4;r_ratio;2026-Q1;" "0.6;0.4;150;green"
# quarterly mean (4 + 3) / 2 = 3,5 vs custom q1 = 4: 87,5
assert_row "$TMP/out" "UA-A;G5;q_mean;2026-Q1;" "3.5;4;87.5;red"
assert_row "$TMP/out" "UA-A;G7;;2026-Q1;" ";;;green"
ok "first quarter"

show 2026-YTD-05
# a quarterly indicator's YTD to May is cut to January-March
assert_row "$TMP/out" "UA-A;G5;q_mean;2026-YTD-05;" "3.5;4;87.5;red"
# custom sum prorated: q1 + q2 * 2/3 = 30 + 20 = 50
assert_row "$TMP/out" "UA-A;G4;s_sum;2026-YTD-05;" "80;50;160;green"
# linear on the cut window's last month 5: 100 + 60 * 5/12 = 125
assert_row "$TMP/out" "UA-A;G3;s_last;2026-YTD-05;" "170;125;280;green"
ok "year to date, cut to whole periods"

show 2026-Q2
# due but no data: grey, with the quarter's target
assert_row "$TMP/out" "UA-A;G5;q_mean;2026-Q2;" ";4;;grey"
assert_row "$TMP/out" "UA-A;G5;;2026-Q2;" ";;;grey"
# qualitative: 2026-06 forsinket: yellow
assert_row "$TMP/out" "UA-A;G7;;2026-Q2;" ";;;yellow"
ok "second quarter"

show 2026
# yearly indicator: 100 vs 80 (the 2026 sub-target of a two-year goal)
assert_row "$TMP/out" "UA-A;G6;y_sum;2026;" "100;80;125;green"
# custom non-sum in the year: the quarter of month 12 (q4 = 5): 3,5 / 5 = 70
assert_row "$TMP/out" "UA-A;G5;q_mean;2026;" "3.5;5;70;red"
# yearly s_sum 80 vs 120 (the 2025 value of 1000 does not count)
assert_row "$TMP/out" "UA-A;G4;s_sum;2026;" "80;120;66.66666666666667;red"
run_lis 0 show attainment --period 2026-YTD-11 --agreement UA-A --format csv
assert_row "$TMP/out" "UA-A;G6;y_sum;2026-YTD-11;" ";;;not_due"
ok "the year; a yearly indicator is not due before December"

# --year prints every window: 29 per row (12 months, 4 quarters, the year, 12 YTD), in calendar order
run_lis 0 show attainment --year 2026 --agreement UA-A --format csv
assert_eq "$(grep -c '^UA-A;G1;s_sum;' "$TMP/out")" 29 "29 windows"
assert_eq "$(grep '^UA-A;G1;s_sum;' "$TMP/out" | cut -d';' -f4 | head -8 | tr '\n' ' ')" \
    "2026-01 2026-YTD-01 2026-02 2026-YTD-02 2026-03 2026-Q1 2026-YTD-03 2026-04 " "window order"
assert_eq "$(grep '^UA-A;G1;s_sum;' "$TMP/out" | cut -d';' -f4 | tail -4 | tr '\n' ' ')" \
    "2026-12 2026-Q4 2026-YTD-12 2026 " "window order at the end"
ok "every window of the year in calendar order"
