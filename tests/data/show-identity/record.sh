#!/usr/bin/env bash
# record.sh - records the show-identity outputs with a given lis (see
# PROVENANCE.md): scale 1 as the csv files themselves (gzip'ed), scale 10 as
# one SHA-256 per output, and the stored rollup rows of both scales as one
# SHA-256 per table. Not a test; tests/db/show_identity.sh compares.
#
# Usage: pg_virtualenv -t tests/data/show-identity/record.sh LIS
#   (or with PGHOST etc. pointing at a PostgreSQL where createdb works)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
lis=$(realpath "${1:?usage: record.sh LIS}")
. "$here/outputs.sh"
export LANG=C.UTF-8 LC_ALL=C.UTF-8
work=$(mktemp -d "${TMPDIR:-/tmp}/lis-show-identity.XXXXXX")
dbs=""
trap 'for d in $dbs; do dropdb --if-exists "$d" >/dev/null 2>&1 || true; done; rm -rf "$work"' EXIT
for scale in 1 10; do
    db="lis_show_identity_record_${scale}_$$"
    createdb "$db"
    dbs="$dbs $db"
    export LIS_DB="dbname=$db"
    "$lis" db init >/dev/null
    show_identity_outputs "$lis" "$scale" "$work/demo-$scale" "$work/out-$scale"
    show_identity_tables "$db" "$scale" "$work/tables"
done
rm -rf "$here/scale1"
mkdir "$here/scale1"
cp "$work"/out-1/*.csv "$here/scale1/"
gzip -9n "$here"/scale1/*.csv
(cd "$work/out-10" && sha256sum -- *.csv) >"$here/scale10.sha256"
(cd "$work/tables" && sha256sum -- scale*/*.txt) >"$here/tables.sha256"
