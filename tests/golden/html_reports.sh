#!/usr/bin/env bash
# html_reports.sh - the HTML reports of the small fixed data set
# (tests/fixtures/report_small.sql, one goal title made "<script>...") in a
# real browser: Debian's headless chromium, driven over the DevTools
# protocol by html_browser.py, loads each page, really clicks the column
# heads, types in the filter box and picks a fagområde, and the test reads
# the rows from the DOM after the scripts ran. No console error, no request
# but the page itself, no dialog; screenshots at 1280 and 360 px match the
# goldens in html_expected/ within a tolerance (html_compare.py;
# LIS_UPDATE_GOLDEN=1 rewrites them, then look at them).
. "$(dirname "$0")/../lib.sh"
command -v chromium >/dev/null || skip "chromium is not installed"
/usr/bin/python3 -c 'import PIL' 2>/dev/null || skip "python3-pil is not installed"
here=$LIS_SOURCE_DIR/tests/golden
golden=$here/html_expected
keep=${LIS_BUILD_DIR:-$TMP}/html-actual
report_db
sql "UPDATE lis.goal SET title = '<script>alert(1)</script> & \"Trivsel\"' WHERE goal_id = 'G2'"
out=$TMP/reports

# --- files: beside the others, in the manifest, the same bytes again ---------
run_lis 0 run monthly --no-rollup --period 2026-03 --out "$out" --jobs 2
run_lis 0 run quarterly --no-rollup --period 2026-Q1 --out "$out"
m=$out/2026-03 q=$out/2026-Q1
for f in "$m/aftale-A1.html" "$m/aftale-A2.html" "$m/aftale-D1.html" "$q/dashboard-2026-Q1.html"; do
    [ -s "$f" ] || fail "$(basename "$f") was not written"
    grep -q "\"$(basename "$f")\"" "$(dirname "$f")/manifest.json" \
        || fail "$(basename "$f") is not in manifest.json"
    grep -q "http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';" "$f" \
        || fail "$(basename "$f"): no policy forbidding requests"
    # nothing that would load: no src attribute, no link element, no url()
    if grep -Eq '<(link|img|iframe|object|embed)[ >]| src=|url\((["'"'"']?)[a-z]+:' "$f"; then
        fail "$(basename "$f") refers to another file"
    fi
done
grep -Fq '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Trivsel&quot;' "$m/aftale-A1.html" \
    || fail "the goal title is not escaped in aftale-A1.html"
grep -Fq '<script>alert' "$m/aftale-A1.html" "$q/dashboard-2026-Q1.html" \
    && fail "a goal title went into a page unescaped"
run_lis 0 run monthly --no-rollup --period 2026-03 --out "$TMP/again" --jobs 1
for f in "$m"/*.html; do
    cmp -s "$f" "$TMP/again/2026-03/$(basename "$f")" || fail "$(basename "$f") differs on a second run"
done
ok "aftale-<id>.html and dashboard-2026-Q1.html written, in the manifests, escaped, the same bytes again"

# Without the monthly run beside it, the dashboard links nowhere.
run_lis 0 run quarterly --no-rollup --period 2026-Q1 --out "$TMP/alone"
grep -q '<a href=' "$TMP/alone/2026-Q1/dashboard-2026-Q1.html" && fail "a link to a page that is not there"
grep -c 'href="../2026-03/aftale-' "$q/dashboard-2026-Q1.html" | grep -qx 3 \
    || fail "the dashboard does not link the three agreement pages"
run_lis 0 run monthly --no-rollup --period 2026-03 --out "$TMP/en" --lang en --agreement A1
grep -q '<html lang="en">' "$TMP/en/2026-03/aftale-A1.html" || fail "--lang en: not an English page"
grep -q '<h2 id="maal">Goals</h2>' "$TMP/en/2026-03/aftale-A1.html" || fail "--lang en: Danish labels"
ok "links only to pages that are there; --lang en"

# --- the dashboard in the browser --------------------------------------------
rows="[].filter.call(document.querySelectorAll('#dash tbody tr'),function(r){return !r.hidden})\
.map(function(r){return r.cells[1].getAttribute('data-v')}).join(' ')"
cat >"$TMP/dash.json" <<EOF
[{"do": "shot", "file": "$TMP/dashboard-1280.png"},
 {"do": "width", "px": 360},
 {"do": "shot", "file": "$TMP/dashboard-360.png"},
 {"do": "width", "px": 1280},
 {"do": "eval", "as": "initial", "js": "$rows"},
 {"do": "eval", "as": "shown0", "js": "document.getElementById('shown').textContent"},
 {"do": "eval", "as": "links", "js": "[].map.call(document.querySelectorAll('#dash a'),function(a){return a.getAttribute('href')}).join(' ')"},
 {"do": "click", "css": "#dash thead th:nth-child(4) button"},
 {"do": "eval", "as": "goals_up", "js": "$rows"},
 {"do": "eval", "as": "goals_sort", "js": "document.querySelector('#dash thead th:nth-child(4)').getAttribute('aria-sort')"},
 {"do": "click", "css": "#dash thead th:nth-child(4) button"},
 {"do": "eval", "as": "goals_down", "js": "$rows"},
 {"do": "click", "css": "#dash thead th:nth-child(2) button"},
 {"do": "click", "css": "#dash thead th:nth-child(2) button"},
 {"do": "eval", "as": "id_down", "js": "$rows"},
 {"do": "click", "css": "#dash thead th:nth-child(5) button"},
 {"do": "click", "css": "#dash thead th:nth-child(5) button"},
 {"do": "eval", "as": "economy_down", "js": "$rows"},
 {"do": "key", "css": "#area", "key": "ArrowDown"},
 {"do": "eval", "as": "area", "js": "document.getElementById('area').value + ': ' + $rows"},
 {"do": "type", "css": "#q", "text": "skoler"},
 {"do": "eval", "as": "search", "js": "$rows"},
 {"do": "eval", "as": "shown1", "js": "document.getElementById('shown').textContent"},
 {"do": "type", "css": "#q", "text": "zzz"},
 {"do": "eval", "as": "none", "js": "'[' + $rows + '] ' + document.getElementById('nomatch').hidden"}]
EOF
/usr/bin/python3 "$here/html_browser.py" "$q/dashboard-2026-Q1.html" "$TMP/dash.json" "$TMP/dash.out" \
    || fail "the browser driver failed on the dashboard"
get() { /usr/bin/python3 -c 'import json,sys; v=json.load(open(sys.argv[1]))[sys.argv[2]]; print(v if isinstance(v,str) else json.dumps(v, ensure_ascii=False))' "$TMP/$1" "$2"; }
check() { local got; got=$(get "$1" "$2"); [ "$got" = "$3" ] || { cat "$TMP/$1"; fail "$1 $2: got '$got', expected '$3'"; }; }
check dash.out initial "A1 A2 D1"       # the risk order: most red first
check dash.out shown0 "3 af 3 aftaler vist"
check dash.out links "../2026-03/aftale-A1.html ../2026-03/aftale-A2.html ../2026-03/aftale-D1.html"
check dash.out goals_up "D1 A2 A1"      # fewest red goals first
check dash.out goals_sort "ascending"
check dash.out goals_down "A1 A2 D1"
check dash.out id_down "D1 A2 A1"
check dash.out economy_down "A2 D1 A1"  # no budget (grey) above green; ties in risk order
check dash.out area "Børn og Unge: A2 A1"  # in the order sorted last
check dash.out search "A2"
check dash.out shown1 "1 af 3 aftaler vist"
check dash.out none "[] false"
check dash.out console "[]"
check dash.out log "[]"
check dash.out dialogs "[]"
check dash.out requests "[\"file://$q/dashboard-2026-Q1.html\"]"
ok "dashboard in chromium: risk order, sorted by clicks, filtered by text and fagområde, no error, no request"

# --- an agreement page in the browser ----------------------------------------
cat >"$TMP/a1.json" <<EOF
[{"do": "shot", "file": "$TMP/aftale-A1-1280.png"},
 {"do": "width", "px": 360},
 {"do": "shot", "file": "$TMP/aftale-A1-360.png"},
 {"do": "eval", "as": "charts", "js": "[].filter.call(document.querySelectorAll('svg.chart'),function(s){return s.getBoundingClientRect().width>0}).map(function(s){return s.querySelector('title').textContent+'|'+(s.querySelector('desc').textContent.length>20)+'|'+Math.round(s.getBoundingClientRect().width)}).join(' ')"},
 {"do": "eval", "as": "narrow", "js": "document.querySelectorAll('svg.narrow').length"},
 {"do": "eval", "as": "scripts", "js": "document.scripts.length"},
 {"do": "eval", "as": "title_text", "js": "document.querySelector('table.cards tbody tr:nth-child(2) th').firstChild.textContent"},
 {"do": "eval", "as": "wide", "js": "document.documentElement.scrollWidth"},
 {"do": "eval", "as": "headers", "js": "document.querySelectorAll('th[scope=col]').length > 0 && document.querySelectorAll('caption').length"}]
EOF
/usr/bin/python3 "$here/html_browser.py" "$m/aftale-A1.html" "$TMP/a1.json" "$TMP/a1.out" \
    || fail "the browser driver failed on aftale-A1.html"
# at 360 px the charts drawn for a narrow screen, one each, as wide as the page
check a1.out charts "Elever i praktik|true|340 Fravær|true|340 Økonomi: budget og forbrug|true|340"
check a1.out narrow 3
check a1.out scripts 0
check a1.out title_text 'G2 <script>alert(1)</script> & "Trivsel"'
check a1.out wide 360                  # nothing wider than a phone's screen
check a1.out headers 6                  # goals, goals by month, economy, three tables of figures
check a1.out console "[]"
check a1.out log "[]"
check a1.out dialogs "[]"
check a1.out requests "[\"file://$m/aftale-A1.html\"]"
ok "aftale-A1.html in chromium: charts with text alternatives, the <script> title as text, 360 px wide, no error, no request"

# The policy is enforced: a request the page would make is refused.
cat >"$TMP/csp.json" <<'EOF'
[{"do": "eval", "as": "violation", "js": "new Promise(function(done){document.addEventListener('securitypolicyviolation',function(e){done(e.violatedDirective)});var i=new Image();i.src='http://127.0.0.1:9/x.png';document.body.appendChild(i);setTimeout(function(){done('none')},3000)})"}]
EOF
/usr/bin/python3 "$here/html_browser.py" "$m/aftale-A2.html" "$TMP/csp.json" "$TMP/csp.out" \
    || fail "the browser driver failed on aftale-A2.html"
check csp.out violation "img-src"
ok "the Content-Security-Policy refuses a request"

# --- screenshots against the goldens -----------------------------------------
for s in dashboard-1280 dashboard-360 aftale-A1-1280 aftale-A1-360; do
    [ -f "$golden/$s.png" ] || [ "${LIS_UPDATE_GOLDEN:-}" = 1 ] || fail "no golden $s.png"
    /usr/bin/python3 "$here/html_compare.py" "$TMP/$s.png" "$golden/$s.png" "$keep" \
        || fail "$s.png differs from its golden"
done
ok "screenshots at 1280 and 360 px match the goldens"
