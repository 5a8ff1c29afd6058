#!/usr/bin/env bash
# chart_run.sh - lis run writes the PDF and PNG reports of a small fixed data
# set (tests/fixtures/report_small.sql, newest batch 2 of 2026-04-06):
# monthly beside the workbooks, quarterly the dashboard; in the manifest,
# valid PDFs (qpdf) with Danish text and the as-of stamp in every footer.
. "$(dirname "$0")/../lib.sh"
command -v pdfinfo >/dev/null || skip "pdfinfo (poppler-utils) is not installed"
command -v qpdf >/dev/null || skip "qpdf is not installed"
report_db
out=$TMP/reports

# --- monthly: PDF and one PNG per chart beside each workbook -----------------
run_lis 0 run monthly --no-rollup --period 2026-03 --out "$out" --jobs 2 --png-size 800x400
dir=$out/2026-03
for f in aftale-A1.xlsx aftale-A1.pdf aftale-A1-G1-I1.png aftale-A1-G3-I2.png \
         aftale-A1-oekonomi.png aftale-A2.pdf aftale-A2-G3-I2.png aftale-A2-oekonomi.png \
         aftale-D1.pdf aftale-D1-oekonomi.png; do
    [ -s "$dir/$f" ] || { ls "$dir"; fail "$f was not written"; }
    grep -q "\"$f\"" "$dir/manifest.json" || fail "$f is not in manifest.json"
done
file "$dir/aftale-A1-G1-I1.png" | grep -q '800 x 400, 8-bit/color RGB' \
    || fail "--png-size 800x400: $(file "$dir/aftale-A1-G1-I1.png")"
for pdf in "$dir"/aftale-*.pdf; do
    qpdf --check "$pdf" >"$TMP/qpdf" || { cat "$TMP/qpdf"; fail "qpdf --check $(basename "$pdf")"; }
    pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
    for p in $(seq 1 "$pages"); do
        pdftotext -f "$p" -l "$p" -layout "$pdf" "$TMP/p.txt"
        grep -q "Periode 2026-03 · data pr. 2026-04-06 (indlæsning 2) · kørsel [0-9]" "$TMP/p.txt" \
            || { cat "$TMP/p.txt"; fail "$(basename "$pdf") page $p: no as-of stamp"; }
        grep -q "Side $p af $pages" "$TMP/p.txt" || fail "$(basename "$pdf") page $p: no page number"
    done
done
pdftotext -layout "$dir/aftale-A1.pdf" "$TMP/a1.txt"
assert_grep 'Børn og Unge 2026' "$TMP/a1.txt"
assert_grep '=1\+1' "$TMP/a1.txt"              # text from input stays text
assert_grep '@SUM\(A1\) på sporet' "$TMP/a1.txt" # the qualitative goal's comment
assert_grep 'Status pr. marts 2026' "$TMP/a1.txt"
ok "monthly: PDFs and PNGs beside the workbooks, in the manifest, stamped"

# Same data, same parameters: byte-identical PDFs and PNGs.
run_lis 0 run monthly --no-rollup --period 2026-03 --out "$TMP/again" --jobs 1 --png-size 800x400
for f in "$dir"/*.pdf "$dir"/*.png; do
    cmp -s "$f" "$TMP/again/2026-03/$(basename "$f")" || fail "$(basename "$f") differs on a second run"
done
ok "a second run writes the same bytes"

# --- quarterly: the dashboard -------------------------------------------------
run_lis 0 run quarterly --no-rollup --period 2026-Q1 --out "$out"
q=$out/2026-Q1
[ -s "$q/dashboard-2026-Q1.pdf" ] || fail "no dashboard PDF"
[ -s "$q/dashboard-2026-Q1.png" ] || fail "no dashboard PNG"
grep -q '"dashboard-2026-Q1.pdf"' "$q/manifest.json" || fail "dashboard not in manifest.json"
qpdf --check "$q/dashboard-2026-Q1.pdf" >/dev/null || fail "qpdf --check dashboard"
pdfinfo "$q/dashboard-2026-Q1.pdf" | grep -Eq '^Pages: +1$' || fail "dashboard is not one page"
pdftotext -layout "$q/dashboard-2026-Q1.pdf" "$TMP/d.txt"
assert_grep 'Direktionens kvartalsoverblik · 1. kvartal 2026' "$TMP/d.txt"
assert_grep '3 aftaler' "$TMP/d.txt"
assert_grep 'A2 Skoler' "$TMP/d.txt"  # the holder's name
pdftotext "$dir/aftale-A2.pdf" "$TMP/a2.txt"
assert_grep 'Skoler & dagtilbud' "$TMP/a2.txt"
assert_grep 'Periode 2026-Q1 · data pr. 2026-04-06' "$TMP/d.txt"
ok "quarterly: dashboard PDF and PNG"

run_lis 1 run quarterly --no-rollup --period 2026-03 --out "$out"
assert_grep 'is not a quarter' "$TMP/err"
run_lis 1 run monthly --period 2026-03 --png-size 12x12 --out "$out"
assert_grep 'png-size must be' "$TMP/err"
ok "usage errors for a bad quarter and a bad --png-size"
