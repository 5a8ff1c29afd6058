# The kinds the other tests touch least (through their generic profiles): accounts, targets, statuses and
# transfers with Danish aliases, defaults and their own errors; upserts of
# catalogue rows on re-import.
. "$(dirname "$0")/../lib.sh"
export LIS_CONNECTORS=$LIS_SOURCE_DIR/config/connectors
new_db
run_lis 0 db init
import_catalogue

printf 'funktion;navn;politikomraade;serviceramme\n32201;Folkeskoler;Skole;ja\n5.25.10;Dagtilbud;Dagtilbud;Nej\n' >"$TMP/a.csv"
run_lis 0 import accounts "$TMP/a.csv" --profile accounts
assert_eq "$(sql "SELECT string_agg(function || ':' || policy_area || ':' || service_frame, ' ' ORDER BY function) FROM lis.account")" \
    "3.22.01:Skole:true 5.25.10:Dagtilbud:false" "accounts"
printf 'function;name;policy_area;service_frame\n3.22.01;X;Y;maybe\n' >"$TMP/a2.csv"
run_lis 2 import accounts "$TMP/a2.csv"
assert_grep "a2.csv:2: column 'service_frame': 'maybe' is not ja or nej" "$TMP/err"
ok "accounts"

printf 'maal;indikator;aar;basis;maal_vaerdi;low;high;metode;profil;q1;q2;q3;q4;vaegt;gul\n' >"$TMP/t.csv"
printf 'G1;sygefravaer;2026;6,0;5,0;;;;Linear;;;;;;\n' >>"$TMP/t.csv"
printf 'G2;trivsel;2026;;;3,5;4,5;;;;;;;2;85\n' >>"$TMP/t.csv"
printf 'G2;karakter;2027;;7;;;ratio;custom;1;2;3;4;0,5;\n' >>"$TMP/t.csv"
run_lis 0 import targets "$TMP/t.csv" --profile targets
got=$(sql "SELECT string_agg(concat_ws(':', goal_id, indicator_id, year, baseline, target, low, high, method, profile, q1, q4, weight, yellow), ' ' ORDER BY goal_id, indicator_id) FROM lis.target")
assert_eq "$got" "G1:sygefravaer:2026:6.0:5.0:linear:1 G2:karakter:2027:7:ratio:custom:1:4:0.5 G2:trivsel:2026:3.5:4.5:flat:2:85" "targets (weight defaults to 1, profile to flat)"
printf 'goal_id;indicator_id;year;target;profile;weight;yellow\nG1;sygedage;2026;5;steep;1;50\nG1;arbejdsdage;26;5;flat;-1;150\n' >"$TMP/t2.csv"
run_lis 2 import targets "$TMP/t2.csv"
assert_grep "t2.csv:2: column 'profile': 'steep' is not one of flat,linear,custom" "$TMP/err"
assert_grep "t2.csv:3: column 'year': '26' is out of range \(1900 to 2999\)" "$TMP/err"
assert_grep "t2.csv:3: column 'weight': '-1' is out of range" "$TMP/err"
assert_grep "t2.csv:3: column 'yellow': '150' is out of range \(0 to 100\)" "$TMP/err"
ok "targets"

printf 'maal;periode;status;kommentar\nG1;2026-Q1;På sporet;Godt på vej\nG1;2026-06;delvist;\nG2;2026;Ikke startet;Afventer\n' >"$TMP/s.csv"
run_lis 0 import statuses "$TMP/s.csv" --profile statuses
got=$(sql "SELECT string_agg(concat_ws(':', goal_id, period, year, first_month, last_month, status, comment), ' ' ORDER BY goal_id, period) FROM lis.goal_status")
assert_eq "$got" "G1:2026-06:2026:6:6:delvist G1:2026-Q1:2026:1:3:paa-sporet:Godt på vej G2:2026:2026:1:12:ikke-startet:Afventer" "statuses (Danish letters and spaces fold)"
printf 'goal_id;period;status;comment\nG1;2026-Q1;opfyldt;ny\n' >"$TMP/s2.csv"
run_lis 0 import statuses "$TMP/s2.csv"
assert_eq "$(sql "SELECT status || ':' || comment FROM lis.goal_status WHERE period = '2026-Q1'")" "opfyldt:ny" "status upsert"
ok "statuses"

printf 'omplacering;dato;from_cost_centre;from_function;to_cost_centre;to_function;beloeb;note\n' >"$TMP/tr.csv"
printf 'T1;31.03.2026;100100;32201;100200;3.22.01;-250.000,00;Flytning\nT2;2026-04-15;100100;32201;100300;52510;1.000;\n' >>"$TMP/tr.csv"
run_lis 0 import transfers "$TMP/tr.csv" --profile transfers
got=$(sql "SELECT string_agg(concat_ws(':', transfer_id, date, from_function, to_function, amount, note), ' ' ORDER BY transfer_id) FROM lis.transfer")
assert_eq "$got" "T1:2026-03-31:3.22.01:3.22.01:-250000.00:Flytning T2:2026-04-15:3.22.01:5.25.10:1000" "transfers"
printf 'transfer_id;date;from_cost_centre;from_function;to_cost_centre;to_function;amount\nT3;31.02.2026;1;32201;2;32201;..\n' >"$TMP/tr2.csv"
run_lis 2 import transfers "$TMP/tr2.csv"
assert_grep "tr2.csv:2: column 'date': '31.02.2026' is not a date" "$TMP/err"
assert_grep "tr2.csv:2: column 'amount': has no value" "$TMP/err"
ok "transfers (an amount is required)"

# Re-importing catalogue rows updates them; a goal's shares are replaced.
printf 'goal_id;agreement_id;title;kind;cross_cutting;shared_with\nG2;UA-SKO;Bedre trivsel for alle;eget;ja;UA-BUV\n' >"$TMP/g.csv"
run_lis 0 import goals "$TMP/g.csv"
assert_eq "$(sql "SELECT title FROM lis.goal WHERE goal_id = 'G2'")" "Bedre trivsel for alle" "goal updated"
assert_eq "$(sql "SELECT string_agg(agreement_id, ' ') FROM lis.goal_share WHERE goal_id = 'G2'")" "UA-BUV" "shares replaced"
assert_eq "$(sql "SELECT count(*) FROM lis.goal")" 2 "goals"
ok "catalogue upserts"
