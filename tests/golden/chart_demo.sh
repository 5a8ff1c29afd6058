#!/usr/bin/env bash
# chart_demo.sh - the PDFs and PNGs of the generated municipality (lis demo:
# 112 agreements): every PDF passes qpdf --check and carries the as-of stamp
# on its last page, one PNG per indicator chart and one economy PNG per
# agreement, and the quarterly dashboard fits one landscape page.
. "$(dirname "$0")/../lib.sh"
command -v pdfinfo >/dev/null || skip "pdfinfo (poppler-utils) is not installed"
command -v qpdf >/dev/null || skip "qpdf is not installed"
new_db
run_lis 0 db init
run_lis 0 demo --out "$TMP/demo"
out=$TMP/reports
run_lis 0 run monthly --period 2026-10 --out "$out"
dir=$out/2026-10
assert_eq "$(ls "$dir"/aftale-*.pdf | wc -l)" 112 "agreement PDFs"
assert_eq "$(ls "$dir"/aftale-*-oekonomi.png | wc -l)" 112 "economy PNGs"
bad=0
for pdf in "$dir"/aftale-*.pdf; do
    qpdf --check "$pdf" >/dev/null 2>&1 || { echo "qpdf: $pdf"; bad=$((bad + 1)); }
done
assert_eq "$bad" 0 "PDFs failing qpdf --check"
pdf=$dir/aftale-UA-EKS.pdf
pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
pdftotext -f "$pages" -l "$pages" -layout "$pdf" "$TMP/last.txt"
assert_grep "Aftale UA-EKS · Periode 2026-10 · data pr\. [0-9-]+ \(indlæsning [0-9]+\) · kørsel [0-9]+ +Side $pages af $pages" "$TMP/last.txt"
pdftotext -layout "$pdf" "$TMP/eks.txt"
assert_grep 'Sygefravær' "$TMP/eks.txt"
# The worked example (SPEC section 3): March 5,5 against 5,75, attainment 200.
assert_grep 'Faktisk +5,5' "$TMP/eks.txt"
assert_grep 'Opfyldelse % +200,0' "$TMP/eks.txt"
ok "112 agreement PDFs pass qpdf, stamped; the worked example's figures in Danish"

run_lis 0 run quarterly --period 2026-Q3 --out "$out"
q=$out/2026-Q3/dashboard-2026-Q3.pdf
qpdf --check "$q" >/dev/null || fail "qpdf --check dashboard"
pdfinfo "$q" | grep -Eq '^Pages: +1$' || fail "the dashboard of 112 agreements is not one page"
pdftotext -layout "$q" "$TMP/q.txt"
assert_grep '^112 aftaler, [0-9]+ mål:' "$TMP/q.txt"
assert_grep ' 112 +UA-' "$TMP/q.txt"
ok "the dashboard of 112 agreements on one page"
