#!/usr/bin/env bash
# ready - lis ready finds exactly the measurements and budget months deleted
# from a complete data set (the demo municipality), lis run --require-ready
# refuses and writes nothing, and a run without it says what was missing (in
# the manifest, the Overblik sheet and the PDF).
. "$(dirname "$0")/../lib.sh"
new_db
run_lis 0 db init
import_demo "$TMP/demo"

# --- the complete data set: March has everything
run_lis 0 ready --period 2026-03 --format csv
assert_eq "$(cat "$TMP/out")" "agreement_id;goal_id;indicator_id;period;missing" "csv of March"
assert_grep '^lis ready: 2026-03: all data has arrived$' "$TMP/err"
# (the worked example inside the demo, agreement UA-EKS, has March only)
run_lis 2 ready --period 2026-Q1 --format csv
assert_eq "$(cat "$TMP/out")" "agreement_id;goal_id;indicator_id;period;missing
UA-EKS;EKS-SYG;sygefravaer;2026-01;numerator
UA-EKS;EKS-SYG;sygefravaer;2026-01;denominator
UA-EKS;EKS-SYG;sygefravaer;2026-02;numerator
UA-EKS;EKS-SYG;sygefravaer;2026-02;denominator" "csv of Q1, complete but for the worked example"
ok "a complete data set has nothing missing"

# --- delete known rows. Agreement UA-FAG1-O001 holds units FAG1-O001 and its
# institutions -I1 and -I2 (the measurements are on those two); its goal 2
# has borgere_i_job (monthly) and venteliste (quarterly); goal 3 has jobandel,
# a ratio whose numerator is borgere_i_job. Its level-1 agreement UA-FAG1
# has the same indicators on other units too, so it lacks nothing.
sql "DELETE FROM lis.measurement WHERE unit_id IN ('FAG1-O001-I1', 'FAG1-O001-I2')
       AND ((indicator_id = 'borgere_i_job' AND period = '2026-02')
            OR (indicator_id = 'venteliste' AND period = '2026-Q1'))"
# every budget line of February; cost centre 200013 (unit FAG1-O001-I2) in Q1
sql "DELETE FROM lis.budget_line WHERE year = 2026 AND month = 2"
sql "DELETE FROM lis.budget_line WHERE year = 2026 AND month <= 3 AND cost_centre = '200013'"

run_lis 2 ready --period 2026-Q1 --format csv
assert_eq "$(cat "$TMP/out")" "agreement_id;goal_id;indicator_id;period;missing
UA-EKS;EKS-SYG;sygefravaer;2026-01;numerator
UA-EKS;EKS-SYG;sygefravaer;2026-01;denominator
UA-EKS;EKS-SYG;sygefravaer;2026-02;numerator
UA-EKS;EKS-SYG;sygefravaer;2026-02;denominator
UA-FAG1-O001;M-FAG1-O001-2;borgere_i_job;2026-02;measurement
UA-FAG1-O001;M-FAG1-O001-2;venteliste;2026-Q1;measurement
UA-FAG1-O001;M-FAG1-O001-3;jobandel;2026-02;numerator
;;;2026-02;budget_month
UA-FAG1;;;2026-Q1;budget_cost_centre:200013
UA-FAG1-O001;;;2026-Q1;budget_cost_centre:200013" "csv of Q1 after the deletions"
assert_eq "$(cat "$TMP/err")" \
    "lis ready: 2026-Q1: 10 missing (7 measurement periods, 1 budget months, 2 cost centres)" \
    "the summary line"

# a month window: the quarterly indicator is not due, February is not in it
run_lis 2 ready --period 2026-03 --format csv
assert_eq "$(cat "$TMP/out")" "agreement_id;goal_id;indicator_id;period;missing
UA-FAG1;;;2026-03;budget_cost_centre:200013
UA-FAG1-O001;;;2026-03;budget_cost_centre:200013" "csv of March after the deletions"

run_lis 2 ready --period 2026-02 --format json
/usr/bin/python3 - "$TMP/out" <<'PY' || fail "json of February"
import json, sys
r = json.load(open(sys.argv[1]))
assert r["period"] == "2026-02", r
assert r["budget_months"] == [{"period": "2026-02", "lines": 0}], r["budget_months"]
kinds = {b["kind"] for b in r["batches"]}
assert kinds == {"units", "cost-centres", "accounts", "agreements", "indicators", "goals",
                 "targets", "measurements", "statuses", "budget", "transfers"}, kinds
assert all(b["finished"][:4] >= "2026" and b["batch_id"] > 0 for b in r["batches"]), r
m = [(x["agreement_id"], x["goal_id"], x["indicator_id"], x["period"], x["missing"])
     for x in r["missing"]]
assert m == [("UA-EKS", "EKS-SYG", "sygefravaer", "2026-02", "numerator"),
             ("UA-EKS", "EKS-SYG", "sygefravaer", "2026-02", "denominator"),
             ("UA-FAG1-O001", "M-FAG1-O001-2", "borgere_i_job", "2026-02", "measurement"),
             ("UA-FAG1-O001", "M-FAG1-O001-3", "jobandel", "2026-02", "numerator"),
             ("", "", "", "2026-02", "budget_month")], m
PY
run_lis 2 ready --period 2026-02
assert_grep '^  2026-02 +0  missing$' "$TMP/out"
assert_grep '^  UA-FAG1-O001 +M-FAG1-O001-3 +jobandel +2026-02 +numerator$' "$TMP/out"
ok "lis ready finds exactly the deleted measurements and budget months"

# --- --require-ready refuses and writes nothing, not even the folder
run_lis 2 run monthly --period 2026-03 --agreement UA-FAG1-O001 --require-ready \
    --out "$TMP/refused"
assert_grep 'the data of 2026-03 has not all arrived \(1 missing\); nothing was written' \
    "$TMP/err"
[ ! -e "$TMP/refused" ] || fail "a refused run made $(find "$TMP/refused")"
run_lis 2 run quarterly --period 2026-Q1 --require-ready --out "$TMP/refused"
[ ! -e "$TMP/refused" ] || fail "a refused quarterly run made $(find "$TMP/refused")"
# an agreement that lacks nothing in March runs
run_lis 0 run monthly --period 2026-03 --agreement UA-FAG1-O002 --require-ready \
    --out "$TMP/ready" --jobs 1
[ -f "$TMP/ready/2026-03/aftale-UA-FAG1-O002.xlsx" ] || fail "the ready run wrote no workbook"
ok "--require-ready refuses with exit 2 and writes nothing"

# --- without it the run goes on and says what was missing: UA-FAG1-O001
# lacks borgere_i_job and jobandel in February (2 indicators), UA-FAG1-O002
# lacks nothing
run_lis 0 run monthly --period 2026-02 --agreement UA-FAG1-O001 UA-FAG1-O002 \
    --out "$TMP/out1" --jobs 1
/usr/bin/python3 - "$TMP/out1/2026-02/manifest.json" <<'PY' || fail "manifest missing"
import json, sys
m = json.load(open(sys.argv[1]))
got = [(x["agreement_id"], x["indicator_id"], x["missing"]) for x in m["missing"]]
assert ("UA-FAG1-O001", "borgere_i_job", "measurement") in got, got
assert ("UA-FAG1-O001", "jobandel", "numerator") in got, got
assert ("", "", "budget_month") in got, got
assert "as_of_batch" not in m, m
PY
overblik() { unzip -p "$1" xl/worksheets/sheet1.xml; }  # the Overblik sheet (inline strings)
overblik "$TMP/out1/2026-02/aftale-UA-FAG1-O001.xlsx" >"$TMP/o1.xml"
assert_grep '2 af aftalens indikatorer mangler data for 2026-02\.' "$TMP/o1.xml"
overblik "$TMP/out1/2026-02/aftale-UA-FAG1-O002.xlsx" >"$TMP/o2.xml"
assert_no_grep 'mangler data' "$TMP/o2.xml"
pdftotext -l 1 "$TMP/out1/2026-02/aftale-UA-FAG1-O001.pdf" "$TMP/p1.txt"
assert_grep '2 af aftalens indikatorer mangler data for 2026-02\.' "$TMP/p1.txt"
pdftotext -l 1 "$TMP/out1/2026-02/aftale-UA-FAG1-O002.pdf" "$TMP/p2.txt"
assert_no_grep 'mangler data' "$TMP/p2.txt"
run_lis 0 run monthly --period 2026-02 --agreement UA-FAG1-O001 --lang en \
    --out "$TMP/out2" --jobs 1
overblik "$TMP/out2/2026-02/aftale-UA-FAG1-O001.xlsx" >"$TMP/o3.xml"
assert_grep "2 of the agreement&apos;s indicators lack data for 2026-02\.|2 of the agreement's indicators lack data for 2026-02\." "$TMP/o3.xml"
ok "a run without --require-ready lists what was missing and says so per agreement"

run_lis 1 ready
run_lis 1 ready --period 2026-13
run_lis 1 ready --period 2026-03 --format xml
ok "usage errors"
