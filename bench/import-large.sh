#!/usr/bin/env bash
# import-large.sh [MB] - how lis import behaves on a large file: generates a
# native budget file of about MB megabytes (default 2000) streaming, with
# lines padded to about 750 bytes by an unknown (ignored) column, and times
# `lis import budget --dry-run` on it (every row read, converted and sent
# through COPY, then rolled back) with its peak RSS (GNU time).
# Run under pg_virtualenv or with LIS_DB set; LIS=path/to/lis (default
# build-rel/cli/lis). The file is written to ${TMPDIR:-/tmp} and removed.
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-2000}
LIS=${LIS:-build-rel/cli/lis}
f=$(mktemp "${TMPDIR:-/tmp}/lis-large.XXXXXX.csv")
trap 'rm -f "$f"' EXIT
python3 - "$f" "$mb" <<'PY'
import sys
path, mb = sys.argv[1], int(sys.argv[2])
pad = "p" * 700
rows = mb * 1000000 // 750
with open(path, "w") as out:
    out.write("period;cost_centre;function;account;budget;actual;note\n")
    chunk = []
    for i in range(rows):
        chunk.append("2026-%02d;100100;32201;%d;1.234,50;-17,25;%s\n" % (i % 12 + 1, i % 997, pad))
        if len(chunk) == 10000:
            out.write("".join(chunk)); chunk = []
    out.write("".join(chunk))
PY
"$LIS" db init >/dev/null
echo "file: $(stat -c %s "$f") bytes, $(($(wc -l <"$f") - 1)) rows"
/usr/bin/time -f 'elapsed %e s, peak RSS %M kB' "$LIS" import budget --dry-run "$f"
