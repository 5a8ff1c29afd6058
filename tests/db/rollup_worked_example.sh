# The SPEC's worked example (section 3 and examples/worked-example/README.md),
# imported with lis import, rolled up, shown as csv; figures computed by hand.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../rollup_lib.sh"
new_db
run_lis 0 db init
import_dir "$LIS_SOURCE_DIR/tests/data/rollup-worked-example"

run_lis 0 rollup --year 2026
assert_grep '^rolled up 2026: 2 agreements' "$TMP/out"

run_lis 0 show attainment --period 2026-03 --format csv
assert_eq "$(head -1 "$TMP/out")" "agreement_id;goal_id;indicator_id;period;actual;target;attainment;status" "header"
assert_eq "$(wc -l <"$TMP/out")" 3 "header, one goal row, one indicator row"
# actual 55/1000*100 = 5,5; target 6,0 + (5,0 - 6,0) * 3/12 = 5,75;
# progress (5,5 - 6,0) / (5,75 - 6,0) * 100 = 200
assert_row "$TMP/out" "UA-EKS;EKS-SYG;sygefravaer;2026-03;" "5.5;5.75;200;green"
# the goal: min(200, 100) = 100
assert_row "$TMP/out" "UA-EKS;EKS-SYG;;2026-03;" ";;100;green"
assert_no_grep '^UA-BUV;' "$TMP/out"
ok "attainment 2026-03 (actual 5,5, target 5,75, attainment 200, green; goal 100)"

run_lis 0 show attainment --period 2026-04 --format csv
# no data in April: grey; target 6 - 4/12 = 5,666...
assert_row "$TMP/out" "UA-EKS;EKS-SYG;sygefravaer;2026-04;" ";5.666666666666667;;grey"
assert_row "$TMP/out" "UA-EKS;EKS-SYG;;2026-04;" ";;;grey"
ok "a due window with no data is grey"

run_lis 0 show economy --period 2026-03 --format csv
assert_eq "$(head -1 "$TMP/out")" \
    "agreement_id;period;annual_budget;budget;actual;consumption_pct;expected_pct;deviation;forecast;status" "header"
# 12.000.000 spread 1/12 + 1.000.000 in March; actual 987.654,32 + 1.020.500,50;
# consumption 2.008.154,82 / 13.000.000; expected 4.000.000 / 13.000.000;
# forecast 2.008.154,82 * 13.000.000 / 4.000.000
for a in UA-EKS UA-BUV; do
    assert_row "$TMP/out" "$a;2026-03;" \
        "13000000;2000000;2008154.82;15.44734476923077;30.76923076923077;-1991845.18;6526503.165;green"
done
ok "economy 2026-03 of UA-EKS and UA-BUV"

run_lis 0 show economy --period 2026-Q1 --format csv
assert_row "$TMP/out" "UA-EKS;2026-Q1;" \
    "13000000;4000000;2008154.82;15.44734476923077;30.76923076923077;-1991845.18;6526503.165;green"
ok "a quarter shows its own budget beside the YTD figures"

run_lis 2 check --format csv
assert_eq "$(head -1 "$TMP/out")" "agreement_id;goal_id;finding;message" "check header"
for a in UA-EKS UA-BUV; do
    assert_grep "^$a;;own_goals_count;" "$TMP/out"
    assert_grep "^$a;;cross_cutting_missing;" "$TMP/out"
done
assert_eq "$(wc -l <"$TMP/out")" 5 "four findings"
ok "lis check exits 2 with own_goals_count and cross_cutting_missing"

# Idempotent: a second rollup stores the same rows.
before=$(sql "SELECT md5(string_agg(r::text, '|' ORDER BY r::text)) FROM lis.rollup_indicator r")
run_lis 0 rollup --year 2026
after=$(sql "SELECT md5(string_agg(r::text, '|' ORDER BY r::text)) FROM lis.rollup_indicator r")
assert_eq "$after" "$before" "rollup is idempotent"
assert_eq "$(sql "SELECT count(*) FROM lis.rollup_goal WHERE window_name = '2026-03'")" 1 "one goal row"
assert_eq "$(sql "SELECT count(*) FROM lis.run WHERE kind = 'rollup' AND status = 'ok'")" 2 "runs recorded"
ok "rollup is idempotent and recorded"
