# Silently accepted ambiguity (issue 12, defect 10): in the native format a
# data line with more non-empty fields than the header is an error naming
# file and line (a profile may say extra_fields = ignore); a header that
# names one column twice (after case, space and alias folding) is an error
# naming both columns. Nothing lands.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../import_lib.sh"
import_setup
H='period;cost_centre;function;account;budget;actual'

# An extra value: an error naming file, line and the value.
printf '%s\n2026-01;100100;32201;1;1;2\n2026-01;100100;32201;1;1;2;17\n' "$H" >"$TMP/extra.csv"
run_lis 2 import budget "$TMP/extra.csv"
assert_grep "^lis: error: $TMP/extra.csv:3: the line has 7 fields, the header 6: field 7 holds '17'" "$TMP/err"
db_unchanged "an extra field"
# Trailing empty fields lose nothing: accepted.
printf '%s\n2026-01;100100;32201;1;1;2;;\n' "$H" >"$TMP/empty.csv"
run_lis 0 import budget "$TMP/empty.csv" --dry-run
# A profile may allow extra fields explicitly.
printf '[profile]\nkind = budget\nextra_fields = ignore\n' >"$TMP/lax.conf"
run_lis 0 import budget "$TMP/extra.csv" --profile "$TMP/lax.conf" --dry-run
assert_grep "2 rows read, 2 would be loaded" "$TMP/out"
printf '[profile]\nextra_fields = maybe\n' >"$TMP/bad.conf"
run_lis 1 import budget "$TMP/extra.csv" --profile "$TMP/bad.conf"
assert_grep "bad.conf:2: bad value \"maybe\" for extra_fields \(error, ignore\)" "$TMP/err"
ok "more fields than the header: an error unless the profile says extra_fields = ignore"

# One column named twice: by the same name in other case and spaces, by a
# name and its alias, and by a profile's source column.
printf 'period;cost_centre;function;account;budget;actual; Actual \n2026-01;100100;32201;1;1;2;3\n' >"$TMP/twice.csv"
run_lis 2 import budget "$TMP/twice.csv"
assert_grep "twice.csv:1: the header names actual twice: column 6 'actual' and column 7 'Actual'" "$TMP/err"
printf 'indicator_id;unit_id;period;value;enhed\nsygedage;SKO1;2026-04;1;SKO2\n' >"$TMP/alias.csv"
run_lis 2 import measurements "$TMP/alias.csv"
assert_grep "alias.csv:1: the header names unit_id twice: column 2 'unit_id' and column 5 'enhed'" "$TMP/err"
printf '[profile]\nkind = budget\n[columns]\nactual = Forbrug i alt\n' >"$TMP/src.conf"
printf 'period;cost_centre;function;account;budget;Forbrug i alt;FORBRUG I ALT \n2026-01;100100;32201;1;1;2;3\n' >"$TMP/src.csv"
run_lis 2 import budget "$TMP/src.csv" --profile "$TMP/src.conf"
assert_grep "src.csv:1: the header names Forbrug i alt twice: column 6 'Forbrug i alt' and column 7 'FORBRUG I ALT'" "$TMP/err"
db_unchanged "a doubled column"
ok "a column named twice is an error naming both"
