#!/usr/bin/env bash
# chart_render.sh - the charts, the agreement PDF and the dashboard from a
# fixed synthetic model (bench/charts_model.c, via lis-charts sample):
# PNGs against checked-in images within a small tolerance (DejaVu fonts from
# fonts-dejavu-core), PDFs read back with pdfinfo, pdftotext and qpdf.
#
# After a deliberate change of the drawing, look at the new images and
# replace the expected ones:
#   build/reports/lis-charts sample /tmp/s --agreements 12
#   cp /tmp/s/{aftale-A001-M1-IND01,...}.png tests/golden/chart_expected/
. "$(dirname "$0")/../lib.sh"

CHARTS="$LIS_BUILD_DIR/reports/lis-charts"
EXPECTED="$LIS_SOURCE_DIR/tests/golden/chart_expected"
[ -x "$CHARTS" ] || fail "no $CHARTS"
command -v pdfinfo >/dev/null || skip "pdfinfo (poppler-utils) is not installed"
command -v qpdf >/dev/null || skip "qpdf is not installed"
fc-list | grep -q 'DejaVu Sans' || skip "DejaVu fonts (fonts-dejavu-core) are not installed"

# --- PNGs against the expected images ---------------------------------------
"$CHARTS" sample "$TMP/s" --agreements 12 >/dev/null || fail "lis-charts sample"
for f in "$EXPECTED"/*.png; do
    name=$(basename "$f")
    [ -f "$TMP/s/$name" ] || fail "$name was not written"
    "$CHARTS" compare "$f" "$TMP/s/$name" >"$TMP/cmp" || { cat "$TMP/cmp"; fail "$name differs from the expected image"; }
done
ok "PNGs match the expected images"

# One PNG per indicator chart (10) and the economy chart, 640x360 as asked.
assert_eq "$(ls "$TMP/s"/aftale-A001-*.png | wc -l)" 11 "chart PNGs of A001"
file "$TMP/s/aftale-A001-M1-IND01.png" | grep -q '640 x 360, 8-bit/color RGB' \
    || fail "PNG is not 640x360 RGB: $(file "$TMP/s/aftale-A001-M1-IND01.png")"

# --- the agreement PDF -------------------------------------------------------
pdf="$TMP/s/aftale-A001.pdf"
pdfinfo "$pdf" >"$TMP/info"
assert_grep '^Pages: +7$' "$TMP/info"
assert_grep '^Page size: +595.276 x 841.89 pts \(A4\)' "$TMP/info"
assert_grep '^CreationDate: .*2026' "$TMP/info"
qpdf --check "$pdf" >"$TMP/qpdf" || { cat "$TMP/qpdf"; fail "qpdf --check $pdf"; }
pdftotext -layout "$pdf" "$TMP/a.txt"
assert_grep 'Børn og Unge, Nørrebro 1' "$TMP/a.txt"
assert_grep 'Målopfyldelse' "$TMP/a.txt"
assert_grep 'Ældre borgere mestrer eget liv' "$TMP/a.txt"
assert_grep 'Forsinket \(2026-Q2, Søren Ærø Østergaard\)' "$TMP/a.txt"
assert_grep 'Korrigeret budget, hele året' "$TMP/a.txt"
assert_grep 'Sygefravær \(IND01\)' "$TMP/a.txt"
assert_grep 'Økonomi: budget og forbrug' "$TMP/a.txt"
# Every page: the as-of stamp and its page number in the footer.
for p in 1 2 3 4 5 6 7; do
    pdftotext -f $p -l $p -layout "$pdf" "$TMP/p.txt"
    tail -n 5 "$TMP/p.txt" | grep -q "Aftale A001 · Periode 2026-10 · data pr. 2026-11-05 (indlæsning 42) · kørsel 7" \
        || { cat "$TMP/p.txt"; fail "page $p has no as-of stamp in its footer"; }
    tail -n 5 "$TMP/p.txt" | grep -q "Side $p af 7" || fail "page $p has no page number"
done
ok "agreement PDF: 7 A4 pages, Danish text, stamp and page number on every page"

# A goals table over several pages: its header again on every page, no row
# cut at the bottom (the last goal's comment is whole), footers everywhere.
pdf="$TMP/s/aftale-A003.pdf"
qpdf --check "$pdf" >/dev/null || fail "qpdf --check aftale-A003.pdf"
pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
[ "$pages" -ge 5 ] || fail "aftale-A003.pdf has $pages pages, expected the goals table to continue"
for p in 2 3 4 5; do
    pdftotext -f $p -l $p -layout "$pdf" "$TMP/p.txt"
    assert_grep 'Mål \(fortsat\)' "$TMP/p.txt"
    assert_grep 'Status og kommentar' "$TMP/p.txt"
    assert_grep "Side $p af $pages" "$TMP/p.txt"
done
pdftotext -layout "$pdf" "$TMP/a3.txt"
assert_eq "$(grep -c 'Åse Ødegård)' "$TMP/a3.txt")" 40 "goal comments of A003"
assert_grep 'K40 +Hurtigere og mere' "$TMP/a3.txt"
ok "a long goals table continues with its header repeated"

# --- the dashboard: 112 agreements on one landscape page (up to 128 fit), 300 on three --------
"$CHARTS" sample "$TMP/d" --agreements 112 >/dev/null || fail "lis-charts sample (112)"
pdfinfo "$TMP/d/dashboard-2026-Q3.pdf" >"$TMP/info"
assert_grep '^Pages: +1$' "$TMP/info"
assert_grep '^Page size: +841.89 x 595.276 pts \(A4\)' "$TMP/info"
qpdf --check "$TMP/d/dashboard-2026-Q3.pdf" >/dev/null || fail "qpdf --check dashboard"
pdftotext -layout "$TMP/d/dashboard-2026-Q3.pdf" "$TMP/d.txt"
assert_grep 'Direktionens kvartalsoverblik · 3. kvartal 2026' "$TMP/d.txt"
assert_grep '112 aftaler, 560 mål:' "$TMP/d.txt"
assert_grep 'flest røde først' "$TMP/d.txt"
assert_grep ' 112 +A[0-9]{3} ' "$TMP/d.txt"
assert_grep 'Periode 2026-Q3 · data pr. 2026-10-05 \(indlæsning 42\) · kørsel 7' "$TMP/d.txt"

"$CHARTS" sample "$TMP/e" --agreements 300 >/dev/null || fail "lis-charts sample (300)"
pdfinfo "$TMP/e/dashboard-2026-Q3.pdf" >"$TMP/info"
assert_grep '^Pages: +3$' "$TMP/info"
for p in 1 2 3; do
    pdftotext -f $p -l $p -layout "$TMP/e/dashboard-2026-Q3.pdf" "$TMP/p.txt"
    assert_grep 'Direktionens kvartalsoverblik' "$TMP/p.txt"
    assert_grep 'Aftale .* Øk\.' "$TMP/p.txt"
    assert_grep "Side $p af 3" "$TMP/p.txt"
done
ok "dashboard: one page for 112 agreements, three with the header repeated for 300"

# --- same data, same bytes; English labels ------------------------------------
"$CHARTS" sample "$TMP/s2" --agreements 12 >/dev/null
for f in "$TMP/s"/*; do
    cmp -s "$f" "$TMP/s2/$(basename "$f")" || fail "$(basename "$f") differs between two runs"
done
"$CHARTS" sample "$TMP/en" --agreements 12 --lang en >/dev/null
pdftotext "$TMP/en/aftale-A001.pdf" "$TMP/en.txt"
assert_grep 'Page 1 of 7' "$TMP/en.txt"
assert_grep 'Goals' "$TMP/en.txt"
ok "byte-identical on a second run; English with --lang en"
