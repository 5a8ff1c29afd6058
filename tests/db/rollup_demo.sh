# lis demo on a database of its own: the generated municipality is imported
# through the connectors, rolled up and checked; show prints one row per
# goal-indicator and per goal; a second demo run imports nothing new.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../rollup_lib.sh"
new_db

run_lis 0 demo --out "$TMP/demo"
assert_grep '^Imported: +11 files' "$TMP/out"
assert_grep '^Agreements 2026: 112 \(8 level 1' "$TMP/out"
assert_grep '^Goals in 2026-12' "$TMP/out"
assert_grep '^Framework check: [0-9]+ findings' "$TMP/out"
for k in $ROLLUP_KINDS; do [ -s "$TMP/demo/input/$k.csv" ] || fail "no $k.csv"; done
ok "lis demo end to end"

run_lis 0 show attainment --period 2026-03 --format csv
# one row per goal-indicator (target rows of 2026, in the owner and in every
# agreement sharing the goal) and one per goal, counted from the catalogue
want=$(sql "WITH ga AS (SELECT agreement_id, goal_id FROM lis.goal
                        UNION SELECT s.agreement_id, s.goal_id FROM lis.goal_share s
                          JOIN lis.goal g USING (goal_id) JOIN lis.agreement a
                            ON a.agreement_id = s.agreement_id
                         WHERE s.agreement_id <> g.agreement_id)
            SELECT (SELECT count(*) FROM ga)
                 + (SELECT count(*) FROM ga JOIN lis.target t USING (goal_id) WHERE t.year = 2026)")
assert_eq "$(($(wc -l <"$TMP/out") - 1))" "$want" "rows of show attainment 2026-03"
assert_eq "$(tail -n +2 "$TMP/out" | cut -d';' -f4 | sort -u)" "2026-03" "one window"
assert_eq "$(tail -n +2 "$TMP/out" | awk -F';' 'NF != 8' | wc -l)" 0 "eight columns"
# the worked example is part of the municipality, unchanged
assert_row "$TMP/out" "UA-EKS;EKS-SYG;sygefravaer;2026-03;" "5.5;5.75;200;green"
assert_row "$TMP/out" "UA-EKS;EKS-SYG;;2026-03;" ";;100;green"
run_lis 0 show economy --period 2026-03 --agreement UA-EKS --format csv
assert_row "$TMP/out" "UA-EKS;2026-03;" \
    "13000000;2000000;2008154.82;15.44734476923077;30.76923076923077;-1991845.18;6526503.165;green"
ok "show attainment: one row per goal-indicator and goal; the worked example"

# every status, aggregation, profile and direction occurs
for s in green yellow red grey not_due; do
    [ "$(sql "SELECT count(*) FROM lis.rollup_indicator WHERE status = '$s'")" -gt 0 ] ||
        fail "no indicator row is $s"
done
assert_eq "$(sql "SELECT count(DISTINCT aggregation)::text || count(DISTINCT direction) || count(DISTINCT frequency) FROM lis.indicator")" "633" "aggregations, directions, frequencies"
assert_eq "$(sql "SELECT count(DISTINCT profile) FROM lis.target")" 3 "profiles"
assert_eq "$(sql "SELECT count(DISTINCT kind) FROM lis.goal")" 5 "goal kinds"
assert_eq "$(sql "SELECT count(DISTINCT focus_area) FROM lis.goal")" 4 "focus areas"
ok "the municipality covers every case"

before=$(sql "SELECT count(*) FROM lis.budget_line")
run_lis 0 demo --out "$TMP/demo"
assert_grep '^Imported: +nothing new' "$TMP/out"
assert_eq "$(sql "SELECT count(*) FROM lis.budget_line")" "$before" "budget lines not doubled"
ok "a second lis demo imports nothing and still works"

run_lis 0 demo --out "$TMP/files" --files-only
cmp -s "$TMP/files/input/budget.csv" "$TMP/demo/input/budget.csv" || fail "generator not deterministic"
ok "the generator is deterministic"
