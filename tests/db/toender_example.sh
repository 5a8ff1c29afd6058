#!/usr/bin/env bash
# toender_example.sh - examples/toender-2026/run.sh end to end on a real
# PostgreSQL: the catalogue follows the framework rules (lis check is clean),
# Tønder's real Jobindsats figures (the extract committed in the example)
# give the attainment stated below, computed by hand from the values in
# ../shared/data/real/jobindsats-kommuner-maanedlig/jobindsats_long.csv, and
# the workbook and the HTML pages show them. When ../shared is there, the
# extract is checked to be unchanged rows of that file.
. "$(dirname "$0")/../lib.sh"
ex=$LIS_SOURCE_DIR/examples/toender-2026
new_db
out=$TMP/reports
LIS=$LIS bash "$ex/run.sh" "$out" >"$TMP/run.out" 2>"$TMP/run.err" \
    || { cat "$TMP/run.out" "$TMP/run.err"; fail "run.sh failed"; }
assert_grep 'no findings' "$TMP/run.out"
for f in 2026-07/aftale-TK-ARB-2026.xlsx 2026-07/aftale-TK-ARB-2026.pdf 2026-07/aftale-TK-JOB-2026.html \
         2026-06/aftale-TK-ARB-2026.html 2026-Q2/dashboard-2026-Q2.html 2026-Q2/dashboard-2026-Q2.pdf \
         2026-YTD-07/statusopfoelgning-2026.xlsx; do
    [ -s "$out/$f" ] || fail "run.sh did not write $f"
done
grep -q 'href="../2026-06/aftale-TK-JOB-2026.html"' "$out/2026-Q2/dashboard-2026-Q2.html" \
    || fail "the dashboard does not link the June page of TK-JOB-2026"
ok "run.sh imports the example and writes every report"

# near ACTUAL EXPECTED WHAT: equal to 1e-9.
near() { awk -v a="$1" -v b="$2" 'BEGIN { d = a - b; exit !(a != "" && d < 1e-9 && d > -1e-9) }' \
    || fail "$3: got '$1', expected $2"; }
# calc EXPR: the value of an awk expression, to 15 digits.
calc() { awk "BEGIN { printf \"%.15g\", $1 }"; }
# row WINDOW AGREEMENT GOAL INDICATOR: "actual;attainment;status" from lis show.
row() {
    run_lis 0 show attainment --period "$1" --format csv
    awk -F';' -v a="$2" -v g="$3" -v i="$4" '$1 == a && $2 == g && $3 == i { print $5 ";" $7 ";" $8 }' \
        "$TMP/out"
}
field() { echo "$1" | cut -d';' -f"$2"; }

# Year to date, January-July 2026. Tønder's monthly values (jobindsats_long.csv,
# omraade_id toender), baselines and targets from examples/toender-2026/targets.csv:
# unemployment.totalRate 2,5 2,4 2,1 1,9 1,7 1,7 1,5: mean 13,8/7; baseline 2,0, target 1,8
r=$(row 2026-YTD-07 TK-ARB-2026 ARB1 unemployment.totalRate)
near "$(field "$r" 1)" "$(calc '13.8 / 7')" "ARB1 actual"
near "$(field "$r" 2)" "$(calc '(13.8 / 7 - 2.0) / (1.8 - 2.0) * 100')" "ARB1 attainment"
assert_eq "$(field "$r" 3)" red "ARB1 status"
# ordinaryHours.share 10,1 10,1 10,4 9,3 13,0 13,1 (no July yet): 66/6 = 11; baseline 8,7, target 10,0
r=$(row 2026-YTD-07 TK-ARB-2026 ARB3 ordinaryHours.share)
near "$(field "$r" 1)" 11 "ARB3 actual"
near "$(field "$r" 2)" "$(calc '(11 - 8.7) / (10 - 8.7) * 100')" "ARB3 attainment"
assert_eq "$(field "$r" 3)" green "ARB3 status"
# cashAssistance.persons 526 527 539 518 517 514 492: 3633/7 = 519; baseline 538, target 510
r=$(row 2026-YTD-07 TK-JOB-2026 JOB1 cashAssistance.persons)
near "$(field "$r" 1)" 519 "JOB1 actual"
near "$(field "$r" 2)" "$(calc '(519 - 538) / (510 - 538) * 100')" "JOB1 attainment"
assert_eq "$(field "$r" 3)" red "JOB1 status"
# July 2026 alone: activation.degree 11,5; baseline 13,7, target 16,0
r=$(row 2026-07 TK-ARB-2026 ARB4 activation.degree)
near "$(field "$r" 1)" 11.5 "ARB4 July actual"
near "$(field "$r" 2)" "$(calc '(11.5 - 13.7) / (16 - 13.7) * 100')" "ARB4 July attainment"
ok "attainment from Tønder's real figures, as computed by hand"

# The workbook of the monthly run: JOB1's year-to-date actual and attainment.
/usr/bin/python3 -c 'import openpyxl' 2>/dev/null || skip "python3-openpyxl is not installed"
/usr/bin/python3 - "$out/2026-07/aftale-TK-JOB-2026.xlsx" <<'PY' || fail "workbook cells"
import sys, openpyxl
o = openpyxl.load_workbook(sys.argv[1])["Overblik"]
rows = [r for r in o.iter_rows(min_row=7, values_only=True) if r[5] == "cashAssistance.persons"]
assert len(rows) == 1, rows
r = rows[0]
assert abs(r[8] - 519) < 1e-9, ("actual", r[8])
assert abs(r[10] - (519 - 538) / (510 - 538)) < 1e-9, ("attainment", r[10])
assert r[11] == "Rød", r[11]
PY
grep -q 'Færre borgere på kontanthjælp' "$out/2026-07/aftale-TK-JOB-2026.html" \
    || fail "the JOB1 goal is not on the agreement page"
ok "the workbook and the page show them"

# The committed extract is rows of the source file, unchanged.
src=$LIS_SHARED/data/real/jobindsats-kommuner-maanedlig/jobindsats_long.csv
if [ ! -f "$src" ]; then
    echo "note: no $src: the extract was not compared with its source"
    exit 0
fi
tail -n +2 "$ex/jobindsats-toender.csv" >"$TMP/extract"
grep -Fxf "$TMP/extract" "$src" >"$TMP/found"
assert_eq "$(wc -l <"$TMP/found")" "$(wc -l <"$TMP/extract")" "extract rows found in the source file"
ok "the extract is $(wc -l <"$TMP/extract") unchanged rows of jobindsats_long.csv"
