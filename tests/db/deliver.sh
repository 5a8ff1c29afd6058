#!/usr/bin/env bash
# deliver - delivery of a run's files (issue 9 item 4) to folders and by mail
# through a real SMTP server (aiosmtpd, tests/smtp_server.py) started here:
# recipients, Danish subject, attachments with the manifest's SHA-256; a
# server answering 550 gives exit 4 and a recorded failure; a 4xx is retried;
# lis deliver RUN_ID delivers again; --no-deliver skips; the SMTP password
# never shows in output or records; require_tls refuses a plain server.
. "$(dirname "$0")/../lib.sh"
PY=/usr/bin/python3
$PY -c 'import aiosmtpd' 2>/dev/null || skip "python3-aiosmtpd is not installed"
report_db
out=$TMP/reports share=$TMP/share

# smtp_start NAME ARGS...: a server of its own, messages in $TMP/NAME; sets
# $port and $smtp_pid. Every server is stopped when the test ends (one left
# running would hold ctest's output open).
smtp_pid="" smtp_pids=""
smtp_start() {
    local name=$1; shift
    mkdir -p "$TMP/$name"
    rm -f "$TMP/$name.port"
    $PY "$LIS_SOURCE_DIR/tests/smtp_server.py" --dir "$TMP/$name" \
        --port-file "$TMP/$name.port" "$@" 2>"$TMP/$name.log" &
    smtp_pid=$!
    smtp_pids="$smtp_pids $smtp_pid"
    for _ in $(seq 100); do [ -s "$TMP/$name.port" ] && break; sleep 0.1; done
    [ -s "$TMP/$name.port" ] || { cat "$TMP/$name.log"; fail "the SMTP server did not start"; }
    port=$(cat "$TMP/$name.port")
}
smtp_stop() { kill "$smtp_pid" 2>/dev/null || true; wait "$smtp_pid" 2>/dev/null || true; }
trap 'for p in $smtp_pids; do kill "$p" 2>/dev/null || true; done; cleanup' EXIT

# conf [SMTP-LINES...]: writes $TMP/lis.conf for the server on $port
conf() {
    {
        echo "[smtp]"
        echo "url = smtp://127.0.0.1:$port"
        echo "from = lis@kommune.dk"
        echo "retry_delay = 0.05"
        for l in "$@"; do echo "$l"; done
        echo "[delivery]"
        echo "monthly = folder:$share/{period}, mail:leder@kommune.dk"
        echo "quarterly = mail:direktion@kommune.dk, mail:okonomi@kommune.dk, folder:$share/{period}"
        echo "status = mail:direktion@kommune.dk"
        echo "annual = mail:kb@kommune.dk ; the council"
    } >"$TMP/lis.conf"
    export LIS_CONFIG=$TMP/lis.conf
}

# check_mail EML RCPT WANT-RECIPIENTS WANT-SUBJECT MANIFEST ATTACHMENTS...:
# the envelope and To, the decoded subject, and each attachment's bytes
# against the manifest's SHA-256 (no other attachment)
check_mail() {
    $PY - "$@" <<'PY' || fail "the mail $1"
import email, email.policy, hashlib, json, sys
eml, rcpt, want_rcpt, want_subject, manifest, *want_files = sys.argv[1:]
msg = email.message_from_binary_file(open(eml, "rb"), policy=email.policy.default)
got_rcpt = open(rcpt).read().split()
assert got_rcpt == want_rcpt.split(), (got_rcpt, want_rcpt)
assert sorted(a.addr_spec for a in msg["To"].addresses) == sorted(want_rcpt.split()), msg["To"]
assert str(msg["Subject"]) == want_subject, str(msg["Subject"])
assert msg["From"].addresses[0].addr_spec == "lis@kommune.dk", msg["From"]
sha = {f["name"]: f["sha256"] for f in json.load(open(manifest))["files"]}
got = {}
for part in msg.iter_attachments():
    got[part.get_filename()] = hashlib.sha256(part.get_content()).hexdigest()
assert sorted(got) == sorted(want_files), (sorted(got), want_files)
for name, digest in got.items():
    assert digest == sha[name], (name, digest, sha[name])
body = msg.get_body(("plain",)).get_content()
print(body)
PY
}

smtp_start ok
conf

# --- quarterly: one message to both recipients with the dashboard PDF, and
# a copy in the share folder
run_lis 0 run quarterly --no-rollup --period 2026-Q1 --out "$out"
q1=$(sed -n 's/.*(run \([0-9]*\))$/\1/p' "$TMP/out" | head -1)
assert_grep "^delivered run $q1 to folder:$share/2026-Q1 \(3 files and manifest.json\)$" "$TMP/out"
assert_grep "^delivered run $q1 to mail:direktion@kommune.dk, okonomi@kommune.dk " "$TMP/out"
assert_eq "$(ls "$TMP/ok"/*.eml | xargs -n1 basename)" "001.eml" "one message"
check_mail "$TMP/ok/001.eml" "$TMP/ok/001.rcpt" "direktion@kommune.dk okonomi@kommune.dk" \
    "Kvartalsoverblik 1. kvartal 2026: 3 røde, 0 gule og 1 grøn mål" \
    "$out/2026-Q1/manifest.json" dashboard-2026-Q1.pdf >"$TMP/body"
assert_grep '^Mål: 3 røde, 0 gule og 1 grøn; 0 uden data og 0 ikke aktuelle\.$' "$TMP/body"
assert_grep '^Aftaler \(efter deres dårligste mål\): 2 røde, 0 gule og 0 grønne; 1 uden data\.$' "$TMP/body"
assert_grep '^Økonomi: 0 røde, 0 gule og 1 grøn; 2 uden budget\.$' "$TMP/body"
assert_grep "^  $share/2026-Q1\$" "$TMP/body"
for f in dashboard-2026-Q1.pdf dashboard-2026-Q1.png manifest.json; do
    cmp -s "$out/2026-Q1/$f" "$share/2026-Q1/$f" || fail "$f differs in the share"
done
assert_eq "$(ls -A "$share/2026-Q1" | tr '\n' ' ')" \
    "dashboard-2026-Q1.html dashboard-2026-Q1.pdf dashboard-2026-Q1.png manifest.json " "the share holds the files only"
assert_eq "$(sql "SELECT target, outcome, attempts FROM lis.delivery WHERE run_id = $q1 ORDER BY delivery_id")" \
    "folder:$share/2026-Q1|ok|1
mail:direktion@kommune.dk, okonomi@kommune.dk|ok|1" "deliveries recorded"
ok "quarterly: a folder copy and one mail with the dashboard PDF"

# --- status and annual: the workbook; monthly: no attachment, the folder
run_lis 0 run status --no-rollup --year 2026 --as-of 2026-03 --out "$out"
check_mail "$TMP/ok/002.eml" "$TMP/ok/002.rcpt" "direktion@kommune.dk" \
    "Statusopfølgning januar-marts 2026: 3 røde, 0 gule og 1 grøn mål" \
    "$out/2026-YTD-03/manifest.json" statusopfoelgning-2026.xlsx >/dev/null
run_lis 0 run monthly --no-rollup --period 2026-03 --out "$out" --jobs 1
m1=$(sed -n 's/.*(run \([0-9]*\))$/\1/p' "$TMP/out" | head -1)
check_mail "$TMP/ok/003.eml" "$TMP/ok/003.rcpt" "leder@kommune.dk" \
    "Månedsrapporter marts 2026: 3 røde, 0 gule og 1 grøn mål" \
    "$out/2026-03/manifest.json" >"$TMP/body"
assert_grep "^  $share/2026-03\$" "$TMP/body"
assert_eq "$(cd "$out/2026-03" && sha256sum ./* | sort)" "$(cd "$share/2026-03" && sha256sum ./* | sort)" \
    "the monthly share is a copy of the run's folder"
ok "status mails its workbook; monthly names the folder and attaches nothing"

# --- lis runs shows the deliveries
run_lis 0 runs --format csv
assert_grep '^run_id;kind;period;parameters;started;duration_s;status;error;files;folder;deliveries$' "$TMP/out"
assert_grep "^$q1;quarterly;2026-Q1;.*;ok;;3;$out/2026-Q1;folder:$share/2026-Q1: ok \(3 files and manifest.json\) \| mail:direktion@kommune.dk, okonomi@kommune.dk: ok \(250 .*\)\$" "$TMP/out"
run_lis 0 runs --format json --kind quarterly
$PY - "$TMP/out" "$q1" <<'PY' || fail "lis runs --format json"
import json, sys
runs = json.load(open(sys.argv[1]))
r = [r for r in runs if r["run_id"] == int(sys.argv[2])][0]
assert r["status"] == "ok" and r["files"] == 3 and r["parameters"]["period"] == "2026-Q1", r
assert [d["outcome"] for d in r["deliveries"]] == ["ok", "ok"], r
assert r["deliveries"][1]["target"].startswith("mail:direktion@"), r
PY
ok "lis runs lists each delivery with its outcome"
smtp_stop

# --- a server that answers 550: exit 4 with its reply, the files stay, the
# failure is recorded, no retry
smtp_start reject --reject "550 5.7.1 relaying denied for lis"
conf
run_lis 4 run annual --no-rollup --year 2026 --out "$out"
a1=$(sed -n 's/.*(run \([0-9]*\))$/\1/p' "$TMP/out" | head -1)
assert_grep 'the mail server refused the message: 550 5.7.1 relaying denied for lis' "$TMP/err"
[ -s "$out/2026/aarsberetning-2026.xlsx" ] || fail "the files of a run whose delivery failed"
assert_eq "$(sql "SELECT outcome, attempts, detail FROM lis.delivery WHERE run_id = $a1")" \
    "failed|1|the mail server refused the message: 550 5.7.1 relaying denied for lis" \
    "the failed delivery is recorded"
run_lis 0 runs --kind annual --format csv
assert_grep "^$a1;annual;2026;.*;ok;;1;.*mail:kb@kommune.dk: failed \(.*550 5.7.1 relaying denied" "$TMP/out"
ok "a 550 gives exit 4, keeps the files and is recorded"
smtp_stop

# --- a temporary failure (451) twice, then accepted: lis deliver RUN_ID
# delivers the earlier annual run again, on the third attempt
smtp_start retry --temporary 2
conf
run_lis 0 deliver "$a1"
assert_grep "^delivered run $a1 to mail:kb@kommune.dk " "$TMP/out"
assert_eq "$(ls "$TMP/retry"/*.eml | xargs -n1 basename)" "001.eml" "one message after the retries"
check_mail "$TMP/retry/001.eml" "$TMP/retry/001.rcpt" "kb@kommune.dk" \
    "Årsberetning 2026: 1 rød, 2 gule og 1 grøn mål" "$out/2026/manifest.json" \
    aarsberetning-2026.xlsx >/dev/null
assert_eq "$(sql "SELECT outcome, attempts FROM lis.delivery WHERE run_id = $a1 ORDER BY delivery_id")" \
    "failed|1
ok|3" "the retry is recorded"
ok "a 4xx is retried; lis deliver delivers a run again"

# --- lis deliver of the quarterly run: the share again, no temp names
rm -rf "$share/2026-Q1"
run_lis 0 deliver "$q1"
assert_eq "$(ls -A "$share/2026-Q1" | tr '\n' ' ')" \
    "dashboard-2026-Q1.html dashboard-2026-Q1.pdf dashboard-2026-Q1.png manifest.json " "the share after lis deliver"
ok "lis deliver copies to the folder again"

# --- --no-deliver: nothing sent, nothing recorded
n=$(ls "$TMP/retry" | wc -l)
run_lis 0 run quarterly --no-rollup --period 2026-Q1 --out "$out" --no-deliver
q2=$(sed -n 's/.*(run \([0-9]*\))$/\1/p' "$TMP/out" | head -1)
assert_no_grep '^delivered' "$TMP/out"
assert_eq "$(ls "$TMP/retry" | wc -l)" "$n" "no message with --no-deliver"
assert_eq "$(sql "SELECT count(*) FROM lis.delivery WHERE run_id = $q2")" 0 "no delivery record"
# the earlier run's files were replaced: it cannot be delivered any more
run_lis 2 deliver "$q1"
assert_grep "now holds the files of run $q2" "$TMP/err"
run_lis 2 deliver 99999
assert_grep 'no run 99999' "$TMP/err"
run_lis 1 deliver x
printf '[delivery]\n' >"$TMP/none.conf"
LIS_CONFIG=$TMP/none.conf run_lis 0 deliver "$q2"
assert_grep "^nothing to deliver run $q2 to: \[delivery\] in .*none.conf names no target" "$TMP/out"
ok "--no-deliver skips delivery; a replaced run is not delivered"
smtp_stop

# --- login: the password comes from the environment and shows nowhere
export LIS_TEST_SMTP_PW='s3cret-Pw-9f2'
smtp_start auth --user lisbot --password-env LIS_TEST_SMTP_PW
conf "user = lisbot" "password_env = LIS_TEST_SMTP_PW"
run_lis 0 deliver "$a1"
assert_eq "$(ls "$TMP/auth" | grep -c '\.eml$')" 1 "a message after login"
LIS_TEST_SMTP_PW=wrong run_lis 4 deliver "$a1"
assert_grep 'refused the message: 535' "$TMP/err"
cat "$TMP/out" "$TMP/err" >"$TMP/said"
pg_dump -d "$TEST_DB" --data-only >"$TMP/dump.sql" 2>/dev/null
for f in "$TMP/said" "$TMP/dump.sql" "$TMP/lis.conf"; do
    ! grep -q "$LIS_TEST_SMTP_PW" "$f" || fail "the password is in $(basename "$f")"
done
ok "the SMTP password comes from the environment and is never printed or recorded"
smtp_stop

# --- require_tls: a server without STARTTLS gets nothing
smtp_start plain
conf "require_tls = true"
run_lis 4 deliver "$a1"
assert_grep 'could not send the mail: .*(TLS|SSL)' "$TMP/err"
assert_eq "$(ls "$TMP/plain" | wc -l)" 0 "no message without TLS"
ok "require_tls refuses a server that offers no TLS"
smtp_stop
# the same port with no server: no connection, retried 3 times, then exit 4
conf
run_lis 4 deliver "$a1"
assert_grep 'could not send the mail: .*(connect|Connection refused)' "$TMP/err"
assert_eq "$(sql "SELECT outcome, attempts FROM lis.delivery ORDER BY delivery_id DESC LIMIT 1")" \
    "failed|4" "a refused connection is tried 4 times"
ok "no connection is a temporary failure, retried"

# --- TLS: STARTTLS on smtp://, TLS from the start on smtps://, the
# certificate verified (against ca_file, a certificate made here)
if command -v openssl >/dev/null; then
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
        -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 \
        -keyout "$TMP/tls.key" -out "$TMP/tls.pem" 2>/dev/null || fail "openssl req"
    smtp_start starttls --tls starttls --cert "$TMP/tls.pem" --key "$TMP/tls.key"
    conf "require_tls = true" "ca_file = $TMP/tls.pem"
    run_lis 0 deliver "$a1"
    assert_eq "$(cat "$TMP/starttls/001.tls")" yes "the message came over STARTTLS"
    conf "require_tls = true"
    run_lis 4 deliver "$a1"
    assert_grep 'could not send the mail: .*certificate' "$TMP/err"
    assert_eq "$(sql "SELECT attempts FROM lis.delivery ORDER BY delivery_id DESC LIMIT 1")" 1 \
        "an unverified certificate is not retried"
    smtp_stop
    smtp_start implicit --tls implicit --cert "$TMP/tls.pem" --key "$TMP/tls.key"
    conf "ca_file = $TMP/tls.pem"
    sed -i 's|^url = smtp://|url = smtps://|' "$TMP/lis.conf"
    run_lis 0 deliver "$a1"
    assert_eq "$(cat "$TMP/implicit/001.tls")" yes "the message came over smtps"
    smtp_stop
    assert_eq "$(cat "$TMP/ok/001.tls")" no "smtp:// without STARTTLS on offer sends in plain"
    ok "STARTTLS when offered, smtps:// from the start, the certificate verified"
else
    echo "openssl is not installed: TLS not tested"
fi

# --- configuration errors name the line
printf '[smtp]\nurl = smtp://lis:pw@mail.kommune.dk\n' >"$TMP/bad.conf"
run_lis 1 --config "$TMP/bad.conf" runs
assert_grep 'bad.conf:2: the smtp url must not hold a user or password' "$TMP/err"
printf '[delivery]\nmonthly = ftp://x\n' >"$TMP/bad.conf"
run_lis 1 --config "$TMP/bad.conf" runs
assert_grep 'bad.conf:2: "ftp://x" is not mail:ADDRESS or folder:PATH' "$TMP/err"
ok "bad delivery settings are refused with file and line"

# --- --quiet: delivered, and nothing printed
printf '[delivery]\nquarterly = folder:%s/{period}\n' "$TMP/quiet" >"$TMP/quiet.conf"
LIS_CONFIG=$TMP/quiet.conf run_lis 0 run quarterly --no-rollup --period 2026-Q1 --out "$out" --quiet
assert_eq "$(cat "$TMP/out" "$TMP/err")" "" "output of a quiet run"
cmp -s "$out/2026-Q1/dashboard-2026-Q1.pdf" "$TMP/quiet/2026-Q1/dashboard-2026-Q1.pdf" ||
    fail "a quiet run was not delivered"
ok "--quiet delivers without a word"
