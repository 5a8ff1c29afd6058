#!/usr/bin/env bash
# report_hostile - hostile text through import and every report kind (issue
# 12, item 3): SQL-ish ids, names and comments land verbatim and come out
# verbatim (workbooks read back with openpyxl, PDFs with pdftotext); text
# that starts with = + - @ TAB or CR is a string cell in every workbook;
# ids like ../../x, a/b, CON, . and 300 characters never make a file outside
# --out; U+FFFE and _x0041_ keep the workbooks valid and verbatim; an id with
# NUL is refused at import; a password in --db or lis.conf appears in no
# message, run record or manifest.
. "$(dirname "$0")/../lib.sh"
new_db
run_lis 0 db init
command -v pdftotext >/dev/null || skip "pdftotext (poppler-utils) is missing"

in=$TMP/input
mkdir -p "$in" "$TMP/w"
/usr/bin/python3 - "$in" <<'PY'
import sys
d = sys.argv[1]
S1 = "'); DROP TABLE lis.agreement; --"
S2 = 'Robert"); DELETE FROM lis.unit WHERE (\'1\'=\'1'
S3 = "back\\slash \\\\ $1 $$ dollar; semi 'single' \"double\""
def q(s):
    return '"' + s.replace('"', '""') + '"'
def w(name, header, rows):
    with open(f"{d}/{name}", "w", encoding="utf-8", newline="") as f:
        f.write(header + "\n")
        for r in rows:
            f.write(";".join(q(c) if c else "" for c in r) + "\n")
w("units.csv", "unit_id;name;parent_id;kind;leader", [
    ["KOM", "Kommunen", "", "kommune", ""],
    ["DIR", "Direktionen", "KOM", "direktion", S1],
    ["FAG", S2, "DIR", "fagomraade", S3]])
w("indicators.csv",
  "indicator_id;name;unit;direction;aggregation;numerator;denominator;frequency;decimals", [
    ["i/../../j", '=HYPERLINK("http://x";"klik")', "antal", "op", "sum", "", "", "maaned", "0"],
    ["CON", "+1+2 indikator", "=antal", "op", "sum", "", "", "maaned", "0"]])
agreements = [("../../x", S1), ("a/b", "+1+2"), ("CON", "-3-4"), (".", "@SUM(A1)"),
              ("L" * 300, "\tTAB foran"), ("'); DROP TABLE lis.goal; --", "\rCR foran"),
              ("XML", "_x0041_ og a\ufffeb og \uffffc")]
w("agreements.csv", "agreement_id;year;name;holder_unit;grantor_unit;parent_agreement;status",
  [[i, "2026", n, "FAG", "DIR", "", "godkendt"] for i, n in agreements])
titles = [S3, "=1+1", "-2", "@x", "+3", "\tT", "_x0042_ \ufffe"]
goals = [["../../g" if k == 0 else f"G{k}", i, titles[k], "eget", "", "nej", "", "2026", "2026",
          ""] for k, (i, _) in enumerate(agreements)]
w("goals.csv", "goal_id;agreement_id;title;kind;focus_area;cross_cutting;shared_with;"
  "first_year;last_year;description", goals)
w("targets.csv", "goal_id;indicator_id;year;baseline;target;low;high;method;profile;q1;q2;q3;"
  "q4;weight;yellow", [[g[0], "i/../../j" if n % 2 == 0 else "CON", "2026", "", "100", "", "",
                        "", "flat", "", "", "", "", "1", ""] for n, g in enumerate(goals)])
w("measurements.csv", "indicator_id;unit_id;period;value", [
    ["i/../../j", "FAG", "2026-01", "5"], ["i/../../j", "FAG", "2026-02", "7"],
    ["CON", "FAG", "2026-01", "3"]])
w("statuses.csv", "goal_id;period;status;comment;author", [
    ["../../g", "2026-02", "paa-sporet", S1 + " " + S3, "=cmd|' /C calc'!A0"],
    ["G1", "2026-02", "delvist", "=2+2", "@forfatter"]])
PY
for k in units indicators agreements goals targets measurements statuses; do
    run_lis 0 import "$k" "$in/$k.csv"
done
assert_eq "$(sql "SELECT name FROM lis.agreement WHERE agreement_id = '../../x'")" \
    "'); DROP TABLE lis.agreement; --" "a name with SQL in it, in the database"
assert_eq "$(sql "SELECT count(*) FROM lis.agreement")" 7 "agreements (no table dropped)"
assert_eq "$(sql "SELECT length(agreement_id) FROM lis.agreement WHERE agreement_id LIKE 'LLL%'")" \
    300 "the 300-character id"
ok "hostile text lands verbatim"

# --- every report kind, from inside a folder of its own
out=$TMP/w/out
cd "$TMP/w"
run_lis 0 run monthly --period 2026-03 --out "$out" --jobs 2
run_lis 0 run quarterly --period 2026-Q1 --out "$out"
run_lis 0 run status --year 2026 --out "$out"
run_lis 0 run annual --year 2026 --out "$out"
cd - >/dev/null
assert_eq "$(ls -A "$TMP/w")" out "nothing beside --out"
assert_eq "$(find "$TMP" -mindepth 1 -maxdepth 1 | sed "s|^$TMP/||" | sort | tr '\n' ' ')" \
    "err input out w " "nothing beside the test's own files"
bad=$(find "$out" -mindepth 2 | sed "s|^$out/[^/]*/||" | grep -Ev '^[A-Za-z0-9_-][A-Za-z0-9._-]{0,254}$' || true)
[ -z "$bad" ] || fail "file names outside [A-Za-z0-9._-]: $bad"
[ "$(find "$out" -mindepth 2 -type d | wc -l)" = 0 ] || fail "a folder inside a period folder"
ok "ids like ../../x, a/b, CON, . and 300 characters make files inside --out only"

# expected texts, as the database holds them
psql -XAtq -d "$TEST_DB" -c "SELECT json_build_object(
    'agreements', (SELECT json_object_agg(agreement_id, name) FROM lis.agreement),
    'goals', (SELECT json_agg(title) FROM lis.goal),
    'comments', (SELECT json_agg(comment) FROM lis.goal_status),
    'indicators', (SELECT json_agg(name) FROM lis.indicator),
    'units', (SELECT json_agg(name) FROM lis.unit))" >"$TMP/expected.json"
/usr/bin/python3 - "$out" "$TMP/expected.json" <<'PY' || fail "reports do not hold the text verbatim"
import glob, json, os, re, subprocess, sys, zipfile
import xml.dom.minidom
import openpyxl
out, exp = sys.argv[1], json.load(open(sys.argv[2]))
def shown(s):  # what a workbook may hold: XML-invalid code points become U+FFFD
    return s.replace("\ufffe", "\ufffd").replace("\uffff", "\ufffd")
def book_texts(path):
    with zipfile.ZipFile(path) as z:  # every part is well-formed XML
        for n in z.namelist():
            if n.endswith(".xml") or n.endswith(".rels"):
                xml.dom.minidom.parseString(z.read(n))
    wb = openpyxl.load_workbook(path)
    texts = set()
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.value is None:
                    continue
                if isinstance(c.value, str):
                    # openpyxl 3.0 leaves ECMA-376 escapes in inline strings:
                    # decode them as Excel does
                    texts.add(re.sub(r"_x([0-9A-Fa-f]{4})_",
                                     lambda m: chr(int(m.group(1), 16)), c.value))
                    if c.value[:1] in ("=", "+", "-", "@", "\t", "\r"):
                        assert c.data_type == "s", (path, c.coordinate, c.value, c.data_type)
                assert c.data_type != "f", (path, c.coordinate, c.value)
    return texts
def has(texts, s, path):
    assert any(shown(s) in t for t in texts), (path, s)

books = sorted(glob.glob(f"{out}/*/*.xlsx"))
assert len(books) == 9, books
for path in books:
    texts = book_texts(path)
    name = os.path.basename(path)
    if name.startswith("aftale-"):
        continue
    # statusopfoelgning and aarsberetning: every agreement, by id and name
    for aid, aname in exp["agreements"].items():
        has(texts, aid, path)
        has(texts, aname, path)
    for title in exp["goals"]:
        has(texts, title, path)
    if name.startswith("statusopfoelgning"):
        for c in exp["comments"]:
            has(texts, c, path)
# an agreement's own workbook: its name, goal, comment, indicator, unit
t = book_texts(glob.glob(f"{out}/2026-03/aftale-_._.._x-*.xlsx")[0])
for s in [exp["agreements"]["../../x"], exp["comments"][0] if "DROP" in exp["comments"][0]
          else exp["comments"][1], '=HYPERLINK("http://x";"klik")',
          'Robert"); DELETE FROM lis.unit WHERE (\'1\'=\'1']:
    has(t, s, "aftale ../../x")
t = book_texts(f"{out}/2026-03/aftale-XML.xlsx")
has(t, "_x0041_ og a\ufffeb og \uffffc", "aftale-XML")
# the PDFs: each agreement's id and SQL-ish name, as text
def pdf_text(path):
    return subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], capture_output=True,
                          check=True, text=True).stdout
text = pdf_text(glob.glob(f"{out}/2026-03/aftale-_._.._x-*.pdf")[0])
assert "../../x" in text and "'); DROP TABLE lis.agreement; --" in text, text[:800]
text = pdf_text(glob.glob(f"{out}/2026-03/aftale-____DROP_TABLE_lis.goal__---*.pdf")[0])
assert "'); DROP TABLE lis.goal; --" in text, text[:800]
text = pdf_text(f"{out}/2026-Q1/dashboard-2026-Q1.pdf")
for aid in ("../../x", "a/b", "CON", "'); DROP TABLE lis.goal; --"):
    assert aid in text, (aid, text[:800])
PY
ok "every workbook and PDF holds the text verbatim; = + - @ TAB CR are string cells"

# LibreOffice, a reader that follows ECMA-376, shows _x0041_ as written
if command -v soffice >/dev/null; then
    HOME=$TMP/soffice timeout 300 soffice --headless --convert-to csv:"Text - txt - csv (StarCalc)":59,34,76 \
        --outdir "$TMP/csv" "$out/2026-03/aftale-XML.xlsx" >/dev/null 2>&1 || fail "soffice"
    assert_grep '_x0041_ og a.b og .c' "$TMP/csv/aftale-XML.csv"
    assert_no_grep '(^|[^_])A og a' "$TMP/csv/aftale-XML.csv"
    ok "LibreOffice reads _x0041_ back as written"
fi

# --- an id with a NUL byte is refused at import, clearly
printf 'agreement_id;year;name;holder_unit;grantor_unit;parent_agreement;status\nN\0UL;2026;x;FAG;DIR;;godkendt\n' \
    >"$TMP/nul.csv"
run_lis 2 import agreements "$TMP/nul.csv"
assert_grep 'nul\.csv:2: .*NUL' "$TMP/err"
assert_eq "$(sql "SELECT count(*) FROM lis.agreement")" 7 "agreements after the refused file"
ok "an id with NUL is refused at import"

# --- a password in --db or lis.conf is never shown or stored
secret=${PGPASSWORD:-Hemmelig-kode-4711}
conn="host=${PGHOST:-} port=${PGPORT:-5432} user=${PGUSER:-$(id -un)} dbname=$TEST_DB password=$secret"
(unset LIS_DB; run_lis 0 --db "$conn" run monthly --period 2026-03 --out "$out" --agreement CON) ||
    fail "a run with --db and a password"
cat "$TMP/out" "$TMP/err" >"$TMP/leak.out"
printf '[database]\nconninfo = %s\n' "$conn" >"$TMP/lis.conf"
(unset LIS_DB PGHOST PGHOSTADDR PGPORT PGDATABASE PGSERVICE
 run_lis 0 --config "$TMP/lis.conf" run status --year 2026 --out "$out") ||
    fail "a run with a password in lis.conf"
cat "$TMP/out" "$TMP/err" >>"$TMP/leak.out"
for bad in "host=/nonexistent password=$secret" "postgresql://u:$secret@[x/db" \
    "postgresql://u:$secret@/db?host=/nonexistent" "port=x password='$secret'"; do
    (unset LIS_DB; "$LIS" --db "$bad" run annual --year 2026 --out "$out" >>"$TMP/leak.out" 2>&1) || true
    (unset LIS_DB; printf '[database]\nconninfo = %s\n' "$bad" >"$TMP/bad.conf"
     unset PGHOST PGPORT PGDATABASE PGSERVICE
     "$LIS" --config "$TMP/bad.conf" run annual --year 2026 --out "$out" >>"$TMP/leak.out" 2>&1) || true
done
assert_grep 'could not connect|invalid connection' "$TMP/leak.out"
sql "SELECT * FROM lis.run" >"$TMP/leak.runs"
for f in "$TMP/leak.out" "$TMP/leak.runs"; do
    ! grep -qF -- "$secret" "$f" || { grep -F -- "$secret" "$f"; fail "the password in $(basename "$f")"; }
done
! grep -rqF -- "$secret" "$out" || fail "the password in the output folder"
ok "a password in --db or lis.conf appears in no message, run record or manifest"
