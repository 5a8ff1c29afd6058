#!/usr/bin/env bash
# report_demo_readback - the workbooks of the generated municipality (lis
# demo: 112 agreements, rolled up) read back: every monthly workbook opens
# with openpyxl, the figures in Overblik equal "lis show attainment" and
# "lis show economy" for the same window, every Maal sheet has one chart per
# indicator, and the three kinds convert to PDF with LibreOffice (skipped
# when soffice is missing).
. "$(dirname "$0")/../lib.sh"
PY=/usr/bin/python3
$PY -c 'import openpyxl' 2>/dev/null || skip "python3-openpyxl is not installed"
new_db
run_lis 0 db init
run_lis 0 demo --out "$TMP/demo"
out=$TMP/reports
run_lis 0 run monthly --period 2026-10 --out "$out"
assert_grep '^wrote [0-9]+ files for 112 agreements' "$TMP/out"  # xlsx, pdf and png
run_lis 0 run status --year 2026 --out "$out"
run_lis 0 run annual --year 2026 --out "$out"
run_lis 0 show attainment --period 2026-YTD-10 --format csv
cp "$TMP/out" "$TMP/attainment.csv"
run_lis 0 show economy --period 2026-10 --format csv
cp "$TMP/out" "$TMP/economy.csv"

$PY - "$out/2026-10" "$TMP/attainment.csv" "$TMP/economy.csv" <<'PY' || fail "Overblik against lis show"
import csv, glob, math, os, re, sys, zipfile
import openpyxl

folder, att_csv, eco_csv = sys.argv[1:4]
words = {"Grøn": "green", "Gul": "yellow", "Rød": "red", "Ingen data": "grey",
         "Ikke aktuel": "not_due", None: ""}

def num(s):
    return None if s == "" else float(s)

def same(cell, want, scale=1.0):
    if want is None:
        return cell is None
    return cell is not None and math.isclose(cell * scale, want, rel_tol=1e-9, abs_tol=1e-9)

expect = {}
for r in csv.DictReader(open(att_csv), delimiter=";"):
    expect.setdefault(r["agreement_id"], {})[(r["goal_id"], r["indicator_id"])] = r
economy = {r["agreement_id"]: r for r in csv.DictReader(open(eco_csv), delimiter=";")}

def charts_on(path, sheet_name):
    z = zipfile.ZipFile(path)
    wbx = z.read("xl/workbook.xml").decode()
    rels = z.read("xl/_rels/workbook.xml.rels").decode()
    rid = re.search(r'<sheet name="%s" sheetId="\d+" r:id="(rId\d+)"' % sheet_name, wbx).group(1)
    target = re.search(r'Id="%s" Type="[^"]+" Target="([^"]+)"' % rid, rels).group(1)
    srels = "xl/worksheets/_rels/" + os.path.basename(target) + ".rels"
    if srels not in z.namelist():
        return 0
    drawing = re.search(r'Target="../drawings/(drawing\d+\.xml)"', z.read(srels).decode())
    if not drawing:
        return 0
    drels = z.read("xl/drawings/_rels/%s.rels" % drawing.group(1)).decode()
    return drels.count("Target=\"../charts/")

books = sorted(glob.glob(folder + "/aftale-*.xlsx"))
assert len(books) == 112, len(books)
checked = 0
for path in books:
    wb = openpyxl.load_workbook(path, read_only=True)
    assert wb.sheetnames[:4] == ["Overblik", "Maal", "Oekonomi", "Data"], (path, wb.sheetnames)
    o = wb["Overblik"]
    agreement = None
    got = {}
    econ = {}
    in_table = True
    for i, row in enumerate(o.iter_rows(min_row=1, values_only=True), start=1):
        if i == 1:
            agreement = row[0].split(" ", 2)[1]
        if i >= 7 and not any(v is not None for v in row):
            in_table = False  # the blank row after the goal table
        if i >= 7 and in_table and row[0] and len(row) >= 12:
            got[(row[0], row[5] or "")] = row
        if i >= 7 and row[1] in ("Korrigeret budget for året", "Forbrugsprocent",
                                 "Forventet regnskab", "Økonomistatus"):
            econ[row[1]] = row[2]
    want = expect.get(agreement, {})
    assert set(got) == set(want), (agreement, sorted(set(got) ^ set(want))[:5])
    n_ind = 0
    for key, w in want.items():
        row = got[key]
        if key[1]:
            n_ind += 1
            assert same(row[8], num(w["actual"])), (agreement, key, "actual", row[8], w["actual"])
            assert same(row[9], num(w["target"])), (agreement, key, "target", row[9], w["target"])
        assert same(row[10], num(w["attainment"]), 100), (agreement, key, row[10], w["attainment"])
        assert words[row[11]] == w["status"], (agreement, key, row[11], w["status"])
        checked += 1
    e = economy[agreement]
    assert same(econ.get("Korrigeret budget for året"), num(e["annual_budget"])), (agreement, econ, e)
    assert same(econ.get("Forbrugsprocent"), num(e["consumption_pct"]), 100), (agreement, econ, e)
    assert same(econ.get("Forventet regnskab"), num(e["forecast"])), (agreement, econ, e)
    wb.close()
    assert charts_on(path, "Maal") == n_ind, (path, charts_on(path, "Maal"), n_ind)
    assert charts_on(path, "Oekonomi") == 2, path
print("checked %d rows in %d workbooks" % (checked, len(books)))
PY
ok "Overblik of all 112 workbooks equals lis show; every Maal sheet has its charts"

for f in "$out/2026-YTD-06/statusopfoelgning-2026.xlsx" "$out/2026/aarsberetning-2026.xlsx"; do
    $PY -c 'import openpyxl, sys; openpyxl.load_workbook(sys.argv[1])' "$f" || fail "openpyxl: $f"
done
ok "status and annual workbooks open with openpyxl"

command -v soffice >/dev/null || skip "soffice (LibreOffice) is not installed"
export HOME=$TMP/home  # LibreOffice keeps a profile there
mkdir -p "$HOME" "$TMP/pdf"
for f in "$out/2026-10/aftale-UA-EKS.xlsx" "$out/2026-YTD-06/statusopfoelgning-2026.xlsx" \
         "$out/2026/aarsberetning-2026.xlsx"; do
    timeout 300 soffice --headless --convert-to pdf --outdir "$TMP/pdf" "$f" >/dev/null 2>&1 ||
        fail "soffice could not convert $(basename "$f")"
    pdf=$TMP/pdf/$(basename "${f%.xlsx}").pdf
    [ -s "$pdf" ] || fail "no PDF of $(basename "$f")"
done
if command -v pdftotext >/dev/null; then
    pdftotext "$TMP/pdf/aarsberetning-2026.pdf" - | grep -q 'Kom vi i mål?' || fail "annual PDF text"
    pdftotext "$TMP/pdf/aftale-UA-EKS.pdf" - | grep -q 'Opgjort pr. 2026-10' || fail "monthly PDF stamp"
fi
ok "LibreOffice converts each kind of workbook to PDF"
