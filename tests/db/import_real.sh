# Real public files (shared/data/real, see each PROVENANCE.md) through the
# shipped profiles: Jobindsats as measurements, the Sogndal budget and a
# Randers KMD Opus posting file as budget lines. Skips when the data is absent.
. "$(dirname "$0")/../lib.sh"
REAL=$LIS_SHARED/data/real
[ -d "$REAL" ] || skip "no real data in $REAL"
export LIS_CONNECTORS=$LIS_SOURCE_DIR/config/connectors
new_db
run_lis 0 db init

# --- Jobindsats: 95,163 rows; 618 empty values; the category rows of
# cashVisitation and offers are filtered out.
J=$REAL/jobindsats-kommuner-maanedlig/jobindsats_long.csv
[ -f "$J" ] || skip "no $J"
# The catalogue this file needs: its areas as units and serie.maal as indicators.
{ echo "unit_id;name;parent_id;kind"; echo "DK;Danmark;;kommune"
  awk -F';' 'NR > 1 && !seen[$1]++ { print $1 ";" $2 ";DK;direktion" }' "$J"; } >"$TMP/units.csv"
{ echo "indicator_id;name;unit;direction;aggregation;frequency"
  awk -F';' 'NR > 1 && $6 == "" && !seen[$4 "." $5]++ { print $4 "." $5 ";" $4 " " $5 ";" $8 ";ned;mean;maaned" }' "$J"; } \
    >"$TMP/indicators.csv"
run_lis 0 import units "$TMP/units.csv"
run_lis 0 import indicators "$TMP/indicators.csv"
run_lis 0 import measurements "$J" --profile jobindsats
assert_grep "rows? read" "$TMP/out"
categorised=$(awk -F';' 'NR > 1 && $6 != ""' "$J" | wc -l)
total=$(($(wc -l <"$J") - 1))
assert_eq "$total" 95163 "data rows of the Jobindsats file (PROVENANCE.md)"
assert_eq "$(sql "SELECT count(*) FROM lis.measurement")" "$((total - categorised))" "measurements"
# Spot checks read from the file by hand: the first row, and Aarhus's
# unemployment rate in March 2024.
assert_eq "$(sql "SELECT value FROM lis.measurement WHERE indicator_id = 'unemployment.total' AND unit_id = 'hele-landet' AND period = '2021-08'")" \
    96938 "national unemployment August 2021"
want=$(awk -F';' '$1 == "aarhus" && $4 == "unemployment" && $5 == "totalRate" && $7 == "2024M03" { sub(",", ".", $9); print $9 }' "$J")
assert_eq "$(sql "SELECT value FROM lis.measurement WHERE indicator_id = 'unemployment.totalRate' AND unit_id = 'aarhus' AND period = '2024-03'")" \
    "$want" "Aarhus unemployment rate March 2024"
empty=$(awk -F';' 'NR > 1 && $6 == "" && $9 == ""' "$J" | wc -l)
assert_eq "$(sql "SELECT count(*) FROM lis.measurement WHERE value IS NULL")" "$empty" "no-value rows"
ok "Jobindsats as measurements"

# --- Sogndal budget 2013: 4,898 rows, spaces group thousands, the budget
# balances to 0 (PROVENANCE.md).
S=$REAL/norske-kommunebudgetter/sogndal_driftsbudsjett_2013.csv
run_lis 0 import budget "$S" --profile sogndal
assert_eq "$(sql "SELECT count(*) FROM lis.budget_line")" 4898 "Sogndal rows"
assert_eq "$(sql "SELECT count(*) FROM lis.budget_line WHERE year = 2013 AND month IS NULL")" 4898 "yearly rows"
assert_eq "$(sql "SELECT budget FROM lis.budget_line WHERE account = '10100' AND cost_centre = '120' AND function = '3.70.00'")" \
    1635543 "10100 Bibliotek 37000 (first rows of the file)"
sum=$(awk -F';' 'NR > 1 { v = $9; gsub(/ /, "", v); s += v } END { print s }' "$S")
assert_eq "$(sql "SELECT sum(budget) FROM lis.budget_line")" "$sum" "sum of budsjett_2013"
assert_grep "4898 rows? on cost centres with no unit" "$TMP/out"
ok "Norwegian budget (Sogndal) as budget lines"

# --- A Randers KMD Opus posting file: 574 rows, debits equal credits.
O=$REAL/randers-kmd-opus-bilag/opus_bilag_2025-05-05.csv
run_lis 0 import budget "$O" --profile opus-bilag
assert_eq "$(sql "SELECT count(*) FROM lis.budget_line WHERE year = 2025 AND month = 5")" 574 "Opus rows"
assert_eq "$(sql "SELECT sum(actual) FROM lis.budget_line WHERE year = 2025")" 0.00 "debits equal credits"
assert_eq "$(sql "SELECT count(*) FROM lis.budget_line WHERE year = 2025 AND actual < 0")" \
    "$(grep -c ';Kredit;' "$O")" "credit rows are negative"
ok "KMD Opus posting file as budget lines"

run_lis 0 import budget "$O" --profile opus-bilag
assert_grep "already imported" "$TMP/out"
ok "the same real file lands once"
