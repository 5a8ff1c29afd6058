# Batches: lis batch ls lists them; upserts keep replaced measurement values
# in measurement_history; lis batch rm withdraws exactly one batch's rows and
# puts back the values it replaced.
. "$(dirname "$0")/../lib.sh"
new_db
run_lis 0 db init
import_catalogue

printf 'indicator_id;unit_id;period;value\nsygedage;SKO1;2026-01;10\nsygedage;SKO2;2026-01;20\n' >"$TMP/m1.csv"
printf 'indicator_id;unit_id;period;value\nsygedage;SKO1;2026-01;11\nsygedage;SKO1;2026-02;5\n' >"$TMP/m2.csv"
printf 'indicator_id;unit_id;period;value\nsygedage;SKO1;2026M01;12\n' >"$TMP/m3.csv"
run_lis 0 import measurements "$TMP/m1.csv"
b1=$(sql "SELECT max(batch_id) FROM lis.import_batch")
run_lis 0 import measurements "$TMP/m2.csv"
b2=$(sql "SELECT max(batch_id) FROM lis.import_batch")
run_lis 0 import measurements "$TMP/m3.csv"
b3=$(sql "SELECT max(batch_id) FROM lis.import_batch")
values() { sql "SELECT string_agg(unit_id || ':' || period || '=' || value, ' ' ORDER BY unit_id, period) FROM lis.measurement"; }
assert_eq "$(values)" "SKO1:2026-01=12 SKO1:2026-02=5 SKO2:2026-01=20" "after three batches"
assert_eq "$(sql "SELECT string_agg(value || '@' || (batch_id - $b1) || '>' || (replaced_by - $b1), ' ' ORDER BY replaced_by) FROM lis.measurement_history")" \
    "10@0>1 11@1>2" "history: value@batch>replaced by"
ok "measurement history"

run_lis 0 batch ls
assert_grep "^id +kind +read +loaded +rejected +imported +sha256 +profile +file$" "$TMP/out"
assert_grep "^$b2 +measurements +2 +2 +0 +[0-9-]+ [0-9:]+ +[0-9a-f]{64} +native +$TMP/m2.csv$" "$TMP/out"
ok "batch ls"

# Withdrawing the middle batch: its SKO1:2026-02 goes; SKO1:2026-01 is held
# by batch 3, whose replaced value is now batch 1's 10.
run_lis 0 batch rm "$b2"
assert_grep "^batch $b2 \(measurements\) withdrawn: 1 row removed$" "$TMP/out"
assert_eq "$(values)" "SKO1:2026-01=12 SKO2:2026-01=20" "after rm of batch 2"
run_lis 0 batch rm "$b3"
assert_grep "withdrawn: 1 row removed" "$TMP/out"
assert_eq "$(values)" "SKO1:2026-01=10 SKO2:2026-01=20" "after rm of batch 3: batch 1's value is back"
assert_eq "$(sql "SELECT count(*) FROM lis.measurement_history")" 0 "history"
run_lis 2 batch rm "$b3"
assert_grep "there is no batch $b3" "$TMP/err"
run_lis 1 batch rm abc
ok "batch rm of measurements restores replaced values"

# Budget lines: appended per batch, rm removes exactly that batch's lines.
printf 'period;cost_centre;function;account;budget;actual\n2026-01;100100;32201;1;1;2\n2026-01;100100;32201;1;1;2\n' >"$TMP/b1.csv"
printf 'period;cost_centre;function;account;budget;actual\n2026-02;100100;32201;1;5;6\n' >"$TMP/b2.csv"
run_lis 0 import budget "$TMP/b1.csv" "$TMP/b2.csv"
bb1=$(sql "SELECT min(batch_id) FROM lis.import_batch WHERE kind = 'budget'")
assert_eq "$(sql "SELECT count(*) FROM lis.budget_line")" 3 "identical budget lines are both kept"
run_lis 0 batch rm "$bb1"
assert_eq "$(sql "SELECT string_agg(month || ':' || budget, ' ') FROM lis.budget_line")" "2:5" "after rm"
ok "budget batches"

# A catalogue batch whose rows other data refers to cannot be withdrawn.
ub=$(sql "SELECT batch_id FROM lis.import_batch WHERE kind = 'units'")
run_lis 2 batch rm "$ub"
assert_grep "batch $ub cannot be withdrawn: other data refers to its rows" "$TMP/err"
assert_eq "$(sql "SELECT count(*) FROM lis.unit")" 6 "units kept"
ok "referenced catalogue rows stay"
