# Budget lines travel by binary COPY (connectors/copybin.c): every stored
# value, and the scale numeric::text shows, must be what the text route
# stores, i.e. what PostgreSQL's numeric_in makes of the canonical number.
# The canonical text of each amount is written by awk beside the file, and
# the stored rows are compared with it cast by the server, row for row.
. "$(dirname "$0")/../lib.sh"
new_db
run_lis 0 db init

# Edge cases first, then 20,000 random amounts: 0 to 14 integer digits with
# or without thousands dots, 0 to 12 decimals, leading, trailing and
# parenthesised minus, zeros with a sign. expected.tsv: line, year, month,
# cost centre, function, account, and the three amounts as canonical text
# (\N for no value).
awk -v n=20000 -v tsv="$TMP/expected.tsv" 'BEGIN {
    srand(11);
    print "period;cost_centre;function;account;budget;actual;original_budget";
    line = 1;
    edge("0", "0"); edge("-0", "-0"); edge("0,00-", "-0.00"); edge("0,5", "0.5");
    edge("-0,5", "-0.5"); edge("0,0000000001", "0.0000000001");
    edge("12.345.678.901.234,56", "12345678901234.56"); edge("(1.234,50)", "-1234.50");
    edge("3,14159265358979323846", "3.14159265358979323846"); edge("007", "007");
    edge("1.000.000", "1000000"); edge("9999,9999", "9999.9999"); edge("10000", "10000");
    edge("..", "\\N"); edge("", "\\N"); edge("100000000,0000", "100000000.0000");
    # a yearly row (month NULL), text that the text route had to escape
    line++; print "2026;\"CC\\1\";32201;\"a\tb\";1;2;3";
    printf "%d\t2026\t\\N\tCC\\\\1\t3.22.01\ta\\tb\t1\t2\t3\n", line >tsv;
    for (i = 0; i < n; i++) {
        line++; b = amount(); bt = canon; a = amount(); at = canon; o = amount(); ot = canon;
        printf "2026-%02d;%06d;%d.%02d.%02d;%d;%s;%s;%s\n", i % 12 + 1, 100000 + i % 700,
            i % 9 + 1, i % 30, i % 5 + 1, 40000 + i % 300, b, a, o;
        printf "%d\t2026\t%d\t%06d\t%d.%02d.%02d\t%d\t%s\t%s\t%s\n", line, i % 12 + 1,
            100000 + i % 700, i % 9 + 1, i % 30, i % 5 + 1, 40000 + i % 300, bt, at, ot >tsv;
    }
}
function edge(written, c) {
    line++; print "2026-01;100100;32201;1;" written ";" written ";" written;
    printf "%d\t2026\t1\t100100\t3.22.01\t1\t%s\t%s\t%s\n", line, c, c, c >tsv;
}
function digits(k,   s, j) { s = ""; for (j = 0; j < k; j++) s = s int(rand() * 10); return s; }
# One random amount as written in the file; its canonical text in canon.
function amount(   ip, fp, w, neg, s, r) {
    if (rand() < 0.03) { canon = "\\N"; return ""; }
    ip = digits(int(rand() * 15)); fp = digits(int(rand() * 13));
    if (ip == "" ) ip = "0";
    if (rand() < 0.5) sub(/^0+/, "", ip);
    if (ip == "") ip = "0";
    w = ip;
    if (rand() < 0.5 && ip !~ /^0/) { # thousands dots
        w = ""; s = ip;
        while (length(s) > 3) { w = "." substr(s, length(s) - 2) w; s = substr(s, 1, length(s) - 3); }
        w = s w;
    }
    if (fp != "") w = w "," fp;
    neg = rand() < 0.4; r = rand();
    canon = (neg ? "-" : "") ip (fp != "" ? "." fp : "");
    if (!neg) return w;
    if (r < 0.4) return "-" w;
    if (r < 0.8) return w "-";
    return "(" w ")";
}' >"$TMP/b.csv"
run_lis 0 import budget "$TMP/b.csv"
assert_grep "batch [0-9]+: 20017 rows read, 20017 loaded" "$TMP/out"

sql "CREATE TABLE expected (line_no integer, year integer, month smallint, cost_centre text,
     function text, account text, budget text, actual text, original_budget text)"
psql -XAtq -v ON_ERROR_STOP=1 -d "$TEST_DB" -c "\\copy expected FROM '$TMP/expected.tsv'"
assert_eq "$(sql "SELECT count(*) FROM expected")" 20017 "expected rows"
cols="line_no, year, month, cost_centre, function, account"
got=$(sql "SELECT $cols, budget::text, actual::text, original_budget::text FROM lis.budget_line
           ORDER BY line_no")
want=$(sql "SELECT $cols, budget::numeric::text, actual::numeric::text,
                   original_budget::numeric::text FROM expected ORDER BY line_no")
if [ "$got" != "$want" ]; then
    diff <(echo "$want") <(echo "$got") | head -20
    fail "stored budget lines differ from numeric_in of the canonical text"
fi
assert_eq "$(sql "SELECT string_agg(coalesce(budget::text, 'NULL'), ' ' ORDER BY line_no)
                  FROM lis.budget_line WHERE line_no <= 18")" \
    "0 0 0.00 0.5 -0.5 0.0000000001 12345678901234.56 -1234.50 3.14159265358979323846 7 1000000 9999.9999 10000 NULL NULL 100000000.0000 1" \
    "edge cases as numeric::text shows them"
assert_eq "$(sql "SELECT scale(budget) FROM lis.budget_line WHERE line_no = 4")" 2 "-0,00 keeps its scale"
ok "20,017 budget lines by binary COPY equal the text route's values and scales"

# A bad row in the middle is cut out of the binary stream: with --partial the
# rows around it land whole, without it nothing does.
{ echo "period;cost_centre;function;account;budget;actual"
  echo "2026-01;1;32201;1;1,5;2"; echo "2026-01;2;32201;1;abc;2"; echo "2026-13;3;32201;1;3;4"
  echo "2026-02;4;32201;1;4,25;5"; } >"$TMP/bad.csv"
run_lis 2 import budget "$TMP/bad.csv"
assert_eq "$(sql "SELECT count(*) FROM lis.budget_line WHERE cost_centre IN ('1','2','3','4')")" 0 \
    "nothing lands without --partial"
run_lis 2 import budget "$TMP/bad.csv" --partial
assert_eq "$(sql "SELECT string_agg(line_no || ':' || cost_centre || ':' || month || ':' || budget || ':' || actual, ' ' ORDER BY line_no)
                  FROM lis.budget_line WHERE cost_centre IN ('1','2','3','4')")" \
    "2:1:1:1.5:2 5:4:2:4.25:5" "the good rows around the bad ones"
ok "bad rows are cut out of the binary stream"
