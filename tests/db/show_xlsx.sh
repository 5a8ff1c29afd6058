# lis show attainment|economy|transfers --format xlsx: the csv's rows in a
# workbook, read back with openpyxl: the same header and rows, numbers as
# numbers equal to the csv's values, dates as dates, statuses coloured like
# the reports, frozen header and autofilter. Without --output it refuses a
# terminal (usage, exit 1) and writes the workbook to a pipe or file.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../rollup_lib.sh"
PY=/usr/bin/python3
$PY -c 'import openpyxl' 2>/dev/null || skip "python3-openpyxl is not installed"
new_db
run_lis 0 db init
import_dir "$LIS_SOURCE_DIR/tests/data/rollup-cases"
run_lis 0 rollup --year 2026

check() { # check CSV XLSX: the workbook holds the csv's rows
    $PY - "$1" "$2" <<'PY' || fail "$(basename "$2") against $(basename "$1")"
import csv, datetime, math, sys
import openpyxl

csv_path, xlsx_path = sys.argv[1:3]
with open(csv_path, newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f, delimiter=";"))
header, body = rows[0], rows[1:]
wb = openpyxl.load_workbook(xlsx_path)
assert len(wb.worksheets) == 1, wb.sheetnames
ws = wb.worksheets[0]
cells = [list(r) for r in ws.iter_rows()]
hr = next(i for i, r in enumerate(cells) if r[0].value == header[0])
got_header = [c.value for c in cells[hr][:len(header)]]
assert got_header == header, (got_header, header)
data = cells[hr + 1:]
assert len(data) == len(body), ("rows", len(data), len(body))
assert len(body) > 0, "no rows to compare"
fills = {"green": "C6EFCE", "yellow": "FFEB9C", "red": "FFC7CE", "grey": "D9D9D9",
         "not_due": "F2F2F2"}
numbers = 0
for n, (want, got) in enumerate(zip(body, data), start=hr + 2):
    for name, w, cell in zip(header, want, got):
        v = cell.value
        where = f"row {n} {name}"
        if w == "":
            assert v is None, (where, v)
        elif name == "date":
            assert isinstance(v, datetime.datetime), (where, v)
            assert v.strftime("%Y-%m-%d") == w, (where, v, w)
        elif name in ("status",):
            assert v == w, (where, v, w)
            assert cell.fill.fgColor.rgb[-6:] == fills[w], (where, cell.fill.fgColor.rgb)
        elif name == "verdict":
            assert v == w, (where, v, w)
            assert cell.fill.fgColor.rgb[-6:] != "000000", (where, "verdict not coloured")
        else:
            try:
                x = float(w)
                is_num = name not in ("agreement_id", "goal_id", "indicator_id", "period",
                                      "transfer_id", "from_cost_centre", "from_function",
                                      "to_cost_centre", "to_function")
            except ValueError:
                is_num = False
            if is_num:
                # a real number, equal to the csv's (Excel holds a double)
                assert isinstance(v, (int, float)) and not isinstance(v, bool), (where, v)
                assert math.isclose(v, x, rel_tol=1e-14, abs_tol=1e-9), (where, v, w)
                assert cell.number_format not in ("General", "@"), (where, cell.number_format)
                numbers += 1
            else:
                assert v == w, (where, v, w)
                assert isinstance(v, str), (where, v)
assert numbers > 0 or "actual" not in header, "no numbers compared"
# frozen header and an autofilter over the header and every row
assert ws.freeze_panes == f"A{hr + 2}", ws.freeze_panes
last_col = openpyxl.utils.get_column_letter(len(header))
assert ws.auto_filter.ref == f"A{hr + 1}:{last_col}{hr + 1 + len(body)}", ws.auto_filter.ref
PY
}

for what in attainment economy transfers; do
    run_lis 0 show "$what" --year 2026 --format csv
    cp "$TMP/out" "$TMP/$what.csv"
    run_lis 0 show "$what" --year 2026 --format xlsx --output "$TMP/$what.xlsx"
    assert_eq "$(cat "$TMP/out")" "" "nothing on stdout with --output"
    check "$TMP/$what.csv" "$TMP/$what.xlsx"
done
assert_grep 'yellow' "$TMP/attainment.csv"
assert_grep 'not_due' "$TMP/attainment.csv"
assert_grep 'ikke tilladt' "$TMP/transfers.csv"
ok "attainment, economy and transfers: the csv's rows in a workbook"

run_lis 0 show attainment --period 2026-Q1 --agreement UA-A --format csv
cp "$TMP/out" "$TMP/q1.csv"
run_lis 0 show attainment --period 2026-Q1 --agreement UA-A --format xlsx
cp "$TMP/out" "$TMP/q1.xlsx" # openpyxl goes by the name
check "$TMP/q1.csv" "$TMP/q1.xlsx"
ok "to stdout when it is no terminal"

command -v script >/dev/null || skip "no script(1) to give lis a terminal"
script -qec "\"$LIS\" show economy --year 2026 --format xlsx; echo \"exit=\$?\"" /dev/null \
    >"$TMP/tty" </dev/null
assert_grep 'exit=1' "$TMP/tty"
assert_grep 'a workbook is not for a terminal' "$TMP/tty"
ok "a workbook is refused on a terminal (usage, exit 1)"
