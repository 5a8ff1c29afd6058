#!/usr/bin/env bash
# report_xlsx_cells - the workbooks of the small fixed data set read back
# with openpyxl: numbers are numbers with number formats, percentages are
# fractions, dates are dates, codes and input text are strings (a title
# "=1+1" is not a formula), traffic lights carry their word, and the sheets
# have frozen headers, autofilters and the A4 print setup. Figures are those
# written into tests/fixtures/report_small.sql.
. "$(dirname "$0")/../lib.sh"
PY=/usr/bin/python3
$PY -c 'import openpyxl' 2>/dev/null || skip "python3-openpyxl is not installed"
report_db
out=$TMP/reports
run_lis 0 run monthly --no-rollup --period 2026-03 --out "$out"
run_lis 0 run status --no-rollup --year 2026 --out "$out"
run_lis 0 run annual --no-rollup --year 2026 --out "$out"
run_lis 0 run annual --no-rollup --year 2026 --out "$TMP/en" --lang en

$PY - "$out" "$TMP/en" <<'PY' || fail "workbook contents"
import datetime, sys, zipfile, re
import openpyxl

out, en = sys.argv[1], sys.argv[2]
def check(cond, what):
    if not cond:
        raise SystemExit("FAIL: " + what)

wb = openpyxl.load_workbook(out + "/2026-03/aftale-A1.xlsx")
check(wb.sheetnames == ["Overblik", "Maal", "Oekonomi", "Data"], "sheets %s" % wb.sheetnames)
o = wb["Overblik"]
check(o["A1"].value == "Aftale A1 – Børn og Unge 2026", "title %r" % o["A1"].value)
check(o["A2"].value == "Opgjort pr. 2026-03 · nyeste datalevering 2 (2026-04-06) · kørsel 1",
      "stamp %r" % o["A2"].value)
check(o.freeze_panes == "A7", "freeze %s" % o.freeze_panes)
check(o.auto_filter.ref and o.auto_filter.ref.startswith("A6:M"), "filter %s" % o.auto_filter.ref)
hdr = [c.value for c in o[6]]
check(hdr[0] == "Mål-id" and hdr[5] == "Indikator-id" and hdr[11] == "Status", "header %s" % hdr)
rows = {(r[0].value, r[5].value): r for r in o.iter_rows(min_row=7) if r[0].value}
g1 = rows[("G1", None)]
check(g1[1].value == "=1+1" and g1[1].data_type == "s", "title =1+1 is text: %r %s"
      % (g1[1].value, g1[1].data_type))
i1 = rows[("G1", "I1")]
check(i1[8].value == 60 and i1[9].value == 75, "YTD actual/target %r %r" % (i1[8].value, i1[9].value))
check(abs(i1[10].value - 0.8) < 1e-12 and i1[10].number_format == "0.0 %",
      "attainment as a fraction %r %s" % (i1[10].value, i1[10].number_format))
check(i1[11].value == "Rød" and i1[11].fill.fgColor.rgb.endswith("FFC7CE"), "red light with its word")
g2 = rows[("G2", None)]
check(g2[11].value == "Grøn", "qualitative goal status %r" % g2[11].value)
check(g2[12].value == "På sporet: @SUM(A1) på sporet", "comment as text %r" % g2[12].value)
g3 = rows[("G3", "I2")]
check(abs(g3[8].value - 6.0) < 1e-12 and g3[8].number_format == "#,##0.0", "I2 decimals")
check(rows[("G3", None)][4].value == "ja (Delt fra aftale A2)", "shared goal %r" % rows[("G3", None)][4].value)
ps = o.page_setup
check(ps.paperSize == 9 and ps.orientation == "landscape" and ps.fitToWidth in (None, 1) and ps.fitToHeight == 0 and o.sheet_properties.pageSetUpPr.fitToPage, "A4 setup")
check(o.print_title_rows == "6:6" or o.print_title_rows == "$6:$6", "repeat %s" % o.print_title_rows)
check("kørsel 1" in o.oddHeader.right.text and "&P" in o.oddFooter.right.text, "header/footer")

m = wb["Maal"]
check(isinstance(m["A6"].value, datetime.datetime) and m["A6"].value.month == 1, "month as date")
check(m["B6"].value == 20 and m["C6"].value == 25, "Maal January %r %r" % (m["B6"].value, m["C6"].value))
check(m["B9"].value is None, "no actual after the report's window")

e = wb["Oekonomi"]
check(e["B7"].value == 100000 and e["C7"].value == 90000 and e["B7"].number_format == "#,##0",
      "economy January")
check(abs(e["F9"].value - 0.225) < 1e-12 and e["F9"].number_format == "0.0 %", "consumption %")

d = wb["Data"]
check(d.freeze_panes == "A5" and d.auto_filter.ref.startswith("A4:I"), "data freeze/filter")
data = [[c.value for c in r] for r in d.iter_rows(min_row=5)]
check(len(data) == 6, "measurements up to March: %d" % len(data))
check(data[0][:4] == ["I1", "SKO1", "Østskolen", "2026-01"], "data row %s" % data[0])
check(data[0][4] == datetime.datetime(2026, 1, 1) and data[0][5] == 20 and data[0][7] == 2, "data values")
check(data[5][5] is None, "no value stays empty, not 0")

# the charts: one per indicator on Maal, bound to its cells; two on Oekonomi
z = zipfile.ZipFile(out + "/2026-03/aftale-A1.xlsx")
charts = sorted(n for n in z.namelist() if n.startswith("xl/charts/chart"))
check(len(charts) == 4, "charts %s" % charts)
c1 = z.read("xl/charts/chart1.xml").decode()
check("<c:f>Maal!$B$6:$B$17</c:f>" in c1 and "<c:f>Maal!$C$6:$C$17</c:f>" in c1, "chart bound to cells")
check("<c:lineChart>" in c1 and "Elever i praktik" in c1, "line chart titled")

a = openpyxl.load_workbook(out + "/2026/aarsberetning-2026.xlsx")
check(a.sheetnames == ["Kom vi i mål", "Mål pr. aftale", "Mål pr. fagområde", "Økonomi pr. aftale",
                       "Økonomi pr. politikområde", "Omplaceringer"], "annual sheets %s" % a.sheetnames)
for ws in a.worksheets:
    check(ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9, ws.title + " A4")
    check(ws.page_setup.fitToWidth in (None, 1) and ws.page_setup.fitToHeight == 0 and ws.sheet_properties.pageSetUpPr.fitToPage, ws.title + " fit")
    check(ws.freeze_panes == "A5", ws.title + " freeze %s" % ws.freeze_panes)
    check(ws.print_title_rows in ("4:4", "$4:$4"), ws.title + " repeat %s" % ws.print_title_rows)
    check("&P" in ws.oddFooter.right.text and "&N" in ws.oddFooter.right.text, ws.title + " pages")
k = a["Kom vi i mål"]
check(k["A1"].value == "Årsberetning 2026 – Kom vi i mål?", "annual title")
verdicts = {(r[1].value, r[3].value): r[8].value for r in k.iter_rows(min_row=5)}
check(verdicts == {("A1", "G1"): "Ikke nået", ("A1", "G2"): "Nået", ("A1", "G3"): "Delvist nået",
                   ("A2", "G3"): "Delvist nået"}, "verdicts %s" % verdicts)
c = a["Mål pr. aftale"]
counts = [[x.value for x in r] for r in c.iter_rows(min_row=5)]
check(counts[0] == ["A1", "Børn og Unge 2026", "Børn og Unge", 3, 1, 1, 1, 0], "A1 counts %s" % counts[0])
check(counts[-1][0] == "I alt" and counts[-1][3:] == [4, 1, 2, 1, 0], "total counts %s" % counts[-1])
f = a["Mål pr. fagområde"]
areas = [[x.value for x in r] for r in f.iter_rows(min_row=5)]
check(areas[0] == ["Børn og Unge", 2, 4, 1, 2, 1, 0] and areas[1][:3] == ["Uden fagområde", 1, 0],
      "area counts %s" % areas)
p = a["Økonomi pr. politikområde"]
prow = [[x.value for x in r] for r in p.iter_rows(min_row=5)]
check(prow[-2][0] == "Ikke fordelt" and prow[-2][2] == 50000, "unallocated %s" % prow[-2])
check(prow[-1][0] == "I alt" and prow[-1][2] == 1250000 and prow[-1][4] == 282000, "total %s" % prow[-1])
t = a["Omplaceringer"]
check(t["A5"].value == "T1" and t["B5"].value == datetime.datetime(2026, 3, 15), "transfer date")
check(t["C5"].value == "010001" and t["C5"].data_type == "s", "cost centre keeps its zeros")
check(t["G5"].value == 12500.5 and t["H5"].value == "Ikke tilladt (serviceramme)", "transfer amount/verdict")

s = openpyxl.load_workbook(out + "/2026-YTD-06/statusopfoelgning-2026.xlsx")
check(s.sheetnames == ["Overblik", "Børn og Unge", "Uden fagområde"], "status sheets %s" % s.sheetnames)
check(s["Overblik"]["A1"].value == "Statusopfølgning 2026 – Opgjort pr. juni", "status title")
b = s["Børn og Unge"]
check([b["C5"].value, b["H5"].value, b["J6"].value] == ["G1", "Rød", "@SUM(A1) på sporet"],
      "status rows %r" % [b["C5"].value, b["H5"].value, b["J6"].value])
check(abs(b["G5"].value - 0.4) < 1e-12, "YTD-06 attainment")

e = openpyxl.load_workbook(en + "/2026/aarsberetning-2026.xlsx")
check(e.sheetnames[0] == "Did we reach", "English sheets %s" % e.sheetnames)
check(e.worksheets[0]["A1"].value == "Annual report 2026 – Did we reach the goals?", "English title")
check(e.worksheets[0]["I5"].value == "Not reached", "English verdict %r" % e.worksheets[0]["I5"].value)
print("ok")
PY
ok "workbook cells, formats, charts and print setup read back with openpyxl"
