#!/usr/bin/env bash
# decimal_pg - engine/decimal gives the same text (value and scale) as
# PostgreSQL's numeric for +, -, *, /, round, the comparison and the
# rollup's chained expressions (SPEC section 3: the goals and the economy)
# on random operands (deterministic seed; 1e-12 to 1e15, scales 0..12 and
# quotient-like scales, signs, zeros, equal leading digits, rounding ties).
# PostgreSQL computes every case in one COPY; the driver
# (tests/db/decimal_pg.c) computes them with lis_dec and prints the first
# mismatches.
# DECIMAL_PG_SEED and DECIMAL_PG_ROWS choose other cases.
. "$(dirname "$0")/../lib.sh"
DRIVER=$LIS_BUILD_DIR/tests/decimal_pg
[ -x "$DRIVER" ] || fail "no driver at $DRIVER (build the decimal_pg target)"
SEED=${DECIMAL_PG_SEED:-20261130}
ROWS=${DECIMAL_PG_ROWS:-100000}
NGROUPS=$((ROWS / 5))
new_db

"$DRIVER" rows "$SEED" "$ROWS" >"$TMP/rows.tsv"
"$DRIVER" groups "$SEED" "$NGROUPS" >"$TMP/groups.tsv"

# The expressions in the order of eval_row and group_eval in decimal_pg.c.
psql -XAtq -v ON_ERROR_STOP=1 -d "$TEST_DB" <<SQL || fail "PostgreSQL did not compute the cases"
CREATE TABLE c (id int PRIMARY KEY, a numeric, b numeric, c numeric, d numeric, m int,
                k1 int, k2 int, k3 int, k4 int);
CREATE TABLE g (gid int, w numeric, att numeric);
\copy c FROM '$TMP/rows.tsv'
\copy g FROM '$TMP/groups.tsv'
\copy (SELECT id, a, a + b, a - b, a * b, a / NULLIF(b, 0), round(a / NULLIF(b, 0), 6), CASE WHEN a < b THEN -1 WHEN a = b THEN 0 ELSE 1 END, round(a, 6), round(a, m - 1), (a - b) * 100 / NULLIF(c - b, 0), round((a - b) * 100 / NULLIF(c - b, 0), 6), a * 100 / NULLIF(b, 0), a * m / 12, (a * k1 + b * k2 + c * k3 + d * k4) / 3, b + (c - b) * m / 12, a / m, a * b / NULLIF(c, 0), a / NULLIF(b, 0) / 12, abs(a) * d / 100 FROM c ORDER BY id) TO '$TMP/rows.pg'
\copy (SELECT gid, watt, wsum, CASE WHEN wsum > 0 THEN watt / wsum END, round(CASE WHEN wsum > 0 THEN watt / wsum END, 6) FROM (SELECT gid, sum(w * least(att, 100)) AS watt, sum(w) AS wsum FROM g GROUP BY gid) s ORDER BY gid) TO '$TMP/groups.pg'
SQL

status=0
"$DRIVER" check rows "$TMP/rows.tsv" "$TMP/rows.pg" "$TMP/rows.bin" || status=$?
"$DRIVER" check groups "$TMP/groups.tsv" "$TMP/groups.pg" "$TMP/groups.bin" || status=$?
[ "$status" = 0 ] || fail "lis_dec differs from PostgreSQL's numeric (seed $SEED)"
ok "lis_dec gives PostgreSQL's text for $ROWS rows of operands and $NGROUPS weighted groups"

# Our results as the rollup stores them (binary COPY, lis_copybin_num): the
# server must keep the same text.
columns() { local i; for ((i = 1; i <= $1; i++)); do printf ', v%d numeric' "$i"; done; }
psql -XAtq -v ON_ERROR_STOP=1 -d "$TEST_DB" <<SQL || fail "PostgreSQL refused our binary COPY"
CREATE TABLE cb (id int PRIMARY KEY $(columns 19));
CREATE TABLE gb (id int PRIMARY KEY $(columns 4));
\copy cb FROM '$TMP/rows.bin' WITH (FORMAT binary)
\copy gb FROM '$TMP/groups.bin' WITH (FORMAT binary)
\copy (SELECT * FROM cb ORDER BY id) TO '$TMP/rows.stored'
\copy (SELECT * FROM gb ORDER BY id) TO '$TMP/groups.stored'
SQL
for k in rows groups; do
    diff "$TMP/$k.pg" "$TMP/$k.stored" >"$TMP/$k.diff" ||
        { head -20 "$TMP/$k.diff"; fail "$k: the binary COPY of our results stores other text"; }
done
ok "the server stores the same text from lis_copybin_num"
