#!/bin/sh
# fundsim serve's HTTP API, asked with curl on the loopback: the server starts on a free
# port in the background, its printed address and token are read, then
#   - who may ask: no token, a wrong one, a foreign Host (DNS rebinding), a foreign Origin,
#     a POST that is not JSON are refused; the token by query, header or cookie is taken;
#   - bounds and bad input as data (a table of cases): oversize bodies, malformed JSON,
#     values --set refuses (the same message, naming the key), unknown paths and methods;
#   - an answer: the total for m3c.amount=50万 is `fundsim run --set m3c.amount=50万`'s for
#     the same seed and replications, to the fen; a newer request cancels an older one;
#   - a refusal's "reason" is --set's message without its syntax (the page shows it);
#   - exports: each in a folder of its own (variant-01, -02, ...; none replaces another, a
#     name taken is skipped), with the names written; variant.ini holds only the override and
#     runs to the same total; compare/compare.csv is the page's paired answer, every cell to
#     the fen, and compare_summary.txt its headline; the run's files with the workbook, and
#     the report, as run and report write them;
#   - Ctrl-C stops it; options it does not take, and bad ones, are refused (exit 2).
# Usage: tests/serve.sh BINARY
bin=${1:-bin/fundsim}
py=${PYTHON:-/usr/bin/python3}
tmp=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2> /dev/null; rm -rf "$tmp"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL serve: $*"; fail=$((fail + 1)); }
reps=600 # three blocks of the engine: a newer request can stop an older one between them
seed=7

. tests/serve_lib.sh
# Start serve with "$@" (serve_lib.sh); sets url, port, tok, pid.
start() {
	serve_start "$tmp/serve" "$bin" serve --reps $reps --seed $seed --threads 2 --out "$tmp/exports" "$@" ||
		{ bad "serve did not start"; exit 1; }
}
# stop WHAT: Ctrl-C to the serve start() made (serve_lib.sh); it must exit 0.
stop() {
	serve_stop
	[ $serve_rc = 0 ] && ok || bad "$1: Ctrl-C: exit $serve_rc: $(tail -n 3 "$tmp/serve.err")"
}

# ask EXPECTED-CODE WHAT curl-arguments...: the body lands in $tmp/body. No answer at all
# (HTTP 000) says whether serve still runs, and the end of what it printed.
ask() {
	code=$1
	what=$2
	shift 2
	rm -f "$tmp/body"
	got=$(curl -s -o "$tmp/body" -w '%{http_code}' --max-time 300 "$@")
	if [ "$got" = "$code" ]; then ok; else
		bad "$what: HTTP $got, expected $code: $(head -c 300 "$tmp/body" 2> /dev/null)"
		[ "$got" != 000 ] || { kill -0 "$pid" 2> /dev/null && echo "  serve $pid runs, on port $port" ||
			echo "  serve $pid has ended"; tail -n 5 "$tmp/serve.out" "$tmp/serve.err"; }
	fi
}
has() { # WHAT TEXT: the last body holds TEXT
	if grep -qF -- "$2" "$tmp/body" 2> /dev/null; then ok; else bad "$1: the answer lacks $2: $(head -c 300 "$tmp/body" 2> /dev/null)"; fi
}

start
base=http://127.0.0.1:$port
auth="Authorization: token $tok"
json="Content-Type: application/json"

# ---- who may ask ----
ask 403 "no token" "$base/api/params"
ask 403 "a wrong token" -H "Authorization: token 0$tok" "$base/api/params"
ask 403 "a wrong ?token=" "$base/?token=x$tok"
ask 403 "the page without a token" "$base/"
ask 200 "?token=" "$base/api/params?token=$tok"
ask 200 "the token header" -H "$auth" "$base/api/params"
has "params" '"key":"m3c.amount"'
ask 303 "the first load" -c "$tmp/jar" "$base/?token=$tok"
grep -q "fundsim_$port" "$tmp/jar" && ok || bad "the first load set no cookie"
ask 200 "the cookie" -b "$tmp/jar" "$base/"
has "the page" '<script src="/page.js"'
ask 200 "echarts from the binary" -b "$tmp/jar" "$base/echarts.min.js"
has "echarts" 'echarts'
for host in "evil.example:$port" "127.0.0.1:$((port + 1))" "127.0.0.1" "localhost.evil.example:$port" ""; do
	ask 403 "Host: $host" -H "$auth" -H "Host: $host" "$base/api/params"
done
for host in "localhost:$port" "[::1]:$port" "LOCALHOST:$port"; do
	ask 200 "Host: $host" -H "$auth" -H "Host: $host" "$base/api/params"
done
for origin in "http://evil.example" "http://127.0.0.1:$((port + 1))" "null" "https://127.0.0.1:$port"; do
	ask 403 "Origin: $origin" -H "$auth" -H "Origin: $origin" -H "$json" -d '{}' "$base/api/run"
done
ask 200 "Origin: the page's own" -H "$auth" -H "Origin: http://127.0.0.1:$port" "$base/api/params"
ask 415 "a POST not JSON" -H "$auth" -d '{}' "$base/api/run"
ask 415 "a form POST" -H "$auth" -H "Content-Type: text/plain" -d '{}' "$base/api/run"
ask 405 "PUT" -X PUT -H "$auth" "$base/api/run"
ask 404 "GET /api/run" -H "$auth" "$base/api/run"
ask 404 "a path up" --path-as-is -H "$auth" "$base/../../etc/passwd"
ask 404 "a file name" -H "$auth" "$base/page.html"

# ---- bounds ----
head -c 70000 /dev/zero | tr '\0' ' ' > "$tmp/big"
ask 413 "a 70 KB body" -H "$auth" -H "$json" --data-binary @"$tmp/big" "$base/api/run"
ask 413 "a 70 KB body, chunked" -H "$auth" -H "$json" -H "Transfer-Encoding: chunked" \
	--data-binary @"$tmp/big" "$base/api/run"
ask 413 "a Content-Length past 64 KiB" -H "$auth" -H "$json" -H "Content-Length: 99999999999" \
	--data-binary '{}' "$base/api/run"

# ---- malformed JSON: one case a line, body<TAB>what the message says ----
tab=$(printf '\t')
while IFS="$tab" read -r body says; do
	printf '%s' "$body" > "$tmp/req"
	ask 400 "JSON $body" -H "$auth" -H "$json" --data-binary @"$tmp/req" "$base/api/run"
	has "JSON $body" "$says"
done << 'EOF'
	expected an object
{	expected a key
[]	expected an object
{"m3c.amount":}	expected a string, a number, true or false
{"m3c.amount":null}	expected a string, a number, true or false
{"m3c.amount":{"x":1}}	expected a string, a number, true or false
{"m3c.amount":["50万"]}	expected a string, a number, true or false
{"m3c.amount":"50万"} x	text after the object
{"m3c.amount":"50万",}	expected a key
{"m3c.amount":"50万","m3c.amount":"60万"}	given twice
{'m3c.amount':'50万'}	expected a key
{"m3c.amount":"50万"	expected ',' or '}'
{"m3c.amount":"50\q"}	unknown escape
{"m3c.amount":"\ud800"}	lone surrogate
{"m3c.amount":"\u0000"}	\u0000
{"m3c.amount":01}	expected ',' or '}'
{"m3c.amount":-}	a number needs digits
{"m3c.amount":"50万	a string is not closed
EOF
printf '{"m3c.amount":"\377"}' > "$tmp/req"
ask 400 "invalid UTF-8" -H "$auth" -H "$json" --data-binary @"$tmp/req" "$base/api/run"
has "invalid UTF-8" "not valid UTF-8"
printf '{"m3c.amount":"a\tb"}' > "$tmp/req"
ask 400 "a raw tab" -H "$auth" -H "$json" --data-binary @"$tmp/req" "$base/api/run"
"$py" -c 'import json; print(json.dumps({"m3c.amount": "1" * 600}))' > "$tmp/req"
ask 400 "a value of 600 bytes" -H "$auth" -H "$json" --data-binary @"$tmp/req" "$base/api/run"
has "a value of 600 bytes" "longer than"
"$py" -c 'import json; print(json.dumps({"m1a.cap%d" % i: "1" for i in range(70)}))' > "$tmp/req"
ask 400 "70 overrides" -H "$auth" -H "$json" --data-binary @"$tmp/req" "$base/api/run"
has "70 overrides" "more than 64"

# ---- values --set refuses, with --set's message naming the key: key<TAB>value<TAB>message ----
while IFS="$tab" read -r key value says; do
	"$py" -c 'import json, sys; print(json.dumps({sys.argv[1]: sys.argv[2]}))' "$key" "$value" > "$tmp/req"
	ask 422 "$key=$value" -H "$auth" -H "$json" --data-binary @"$tmp/req" "$base/api/run"
	has "$key=$value" "$says"
	"$bin" params --set "$key=$value" > /dev/null 2> "$tmp/set.err"
	msg=$(sed 's/^fundsim: //' "$tmp/set.err" | head -1)
	"$py" -c 'import json, sys; sys.exit(json.load(open(sys.argv[1]))["error"] != sys.argv[2])' \
		"$tmp/body" "$msg" && ok || bad "$key=$value: not --set's message ($msg)"
	"$py" -c 'import json, sys; j = json.load(open(sys.argv[1])); r = j["reason"]
sys.exit(not (r and j["error"].endswith(r) and "--set" not in r and "[m3c]" not in r))' \
		"$tmp/body" && ok || bad "$key=$value: a reason with --set's syntax: $(cat "$tmp/body")"
done << 'EOF'
m3c.amount	abc	is not a number
m3c.amount	-1	out of range (valid: 0元 to 10万亿)
m3c.amount	150%	is not an amount
m3c.amount	1e400	out of the range of numbers
m3c.payout	2	out of range (valid: 0% to 100%)
m3c.max_awards	2.5	m3c
m3c.enabled	maybe	m3c
m3c.funding	federal	m3c
m3c.amout	1	did you mean amount?
../../etc/passwd	1	unknown
m3c.amount	$(touch /tmp/fundsim-serve-pwned)	is not a number
EOF
[ -e /tmp/fundsim-serve-pwned ] && bad "a value ran a shell command"
printf '{"sensitivity.growth.mean":"5%%:13%%"}' > "$tmp/req"
ask 422 "a [sensitivity] key" -H "$auth" -H "$json" --data-binary @"$tmp/req" "$base/api/run"
has "a [sensitivity] key" "not a parameter of a run"
has "a [sensitivity] key" '"reason":"sensitivity.growth.mean: not a parameter of a run"'
printf '{"m3c.amount":"50万","m3a.tier2_revenue":"5000万"}' > "$tmp/req"
ask 422 "tiers out of order" -H "$auth" -H "$json" --data-binary @"$tmp/req" "$base/api/run"
has "tiers out of order" '"key":"m3a.tier2_revenue"'
has "tiers out of order" '"reason":"tier thresholds must increase'

# ---- an answer equals run --set, to the fen ----
total_of_run() { # the TOTAL mean of summary.csv in folder $1
	awk -F, '$1 == "TOTAL" && $2 == "total" { print $3 }' "$1/summary.csv"
}
total_of_answer() { # the TOTAL mean over all paid years and levels of the answer in $tmp/body
	"$py" -c 'import json, sys; r = json.load(open(sys.argv[1])); print("%.2f" % r["cells"][-1][-1][0][0])' "$tmp/body"
}
printf '{"m3c.amount":"50万"}' > "$tmp/req"
ask 200 "m3c.amount=50万" -H "$auth" -H "$json" --data-binary @"$tmp/req" "$base/api/run"
answer=$(total_of_answer)
cp "$tmp/body" "$tmp/answer"
"$bin" run --set m3c.amount=50万 --reps $reps --seed $seed --no-charts --quiet --out "$tmp/run" ||
	bad "run --set m3c.amount=50万 failed"
want=$(total_of_run "$tmp/run")
[ -n "$want" ] && [ "$answer" = "$want" ] && ok || bad "the answer's total $answer, run's $want"
# its districts and budget owners: by_district.csv and by_owner.csv of that run, and the paired
# differences against the draft's run
ask 200 "params" -H "$auth" "$base/api/params"
cp "$tmp/body" "$tmp/params"
"$bin" run --reps $reps --seed $seed --no-charts --quiet --out "$tmp/run-draft" || bad "run failed"
n=$("$py" tests/serve_where.py "$tmp/params" "$tmp/answer" "$tmp/run" "$tmp/run-draft") &&
	[ "$n" -gt 5000 ] && ok || bad "districts and owners differ from by_district.csv, by_owner.csv (${n:-})"
printf '{"m3c.amount":500000}' > "$tmp/req" # a JSON number: yuan, as --set m3c.amount=500000
ask 200 "m3c.amount=500000" -H "$auth" -H "$json" --data-binary @"$tmp/req" "$base/api/run"
[ "$(total_of_answer)" = "$want" ] && ok || bad "500000 as a number: $(total_of_answer), run's $want"
# the draft itself: no difference at all
ask 200 "no override" -H "$auth" -H "$json" -d '{}' "$base/api/run"
"$py" -c 'import json, sys; r = json.load(open(sys.argv[1])); c = r["cmp"]["cells"]; sys.exit(any(x[2] != 0 for l in c for y in l for x in y))' \
	"$tmp/body" && ok || bad "the draft against itself differs"
"$py" -c 'import json, sys; r = json.load(open(sys.argv[1])); c = r["districts"]["cmp"] + r["owners"]["cmp"]; sys.exit(any(x[2:] != [0, 0, 0] for a in c for b in a for x in b))' \
	"$tmp/body" && ok || bad "the draft's districts or owners against themselves differ"

# ---- a newer request cancels an older one ----
# the older one changes a model key, so it samples afresh (a rule change answers from the
# kept populations too fast to be caught running), and ten times the firms, so that it is
# still running when the newer one comes (the default population takes under half a second)
printf '{"growth.common_sd":"5%%","firms.count":"20000"}' > "$tmp/req"
curl -s -o "$tmp/old" -w '%{http_code}' -H "$auth" -H "$json" --data-binary @"$tmp/req" \
	"$base/api/run" > "$tmp/old.code" &
cpid=$!
i=0
until curl -s -H "$auth" "$base/api/progress" | grep -q '"running":true'; do
	i=$((i + 1))
	[ $i -gt 200 ] && break
	sleep 0.05
done
printf '{"m3c.amount":"30万"}' > "$tmp/req"
ask 200 "the newer request" -H "$auth" -H "$json" --data-binary @"$tmp/req" "$base/api/run"
wait $cpid
[ "$(cat "$tmp/old.code")" = 409 ] && ok || bad "the older request: HTTP $(cat "$tmp/old.code"), expected 409"
grep -q cancelled "$tmp/old" && ok || bad "the older request's answer: $(cat "$tmp/old")"

# ---- exports ----
printf '{"m3c.amount":"50万"}' > "$tmp/req"
ask 400 "export kind=evil" -H "$auth" -H "$json" --data-binary @"$tmp/req" "$base/api/export?kind=evil"
ask 400 "export kind=../x" -H "$auth" -H "$json" --data-binary @"$tmp/req" "$base/api/export?kind=../x"
ask 422 "export a bad value" -H "$auth" -H "$json" -d '{"m3c.amount":"abc"}' "$base/api/export?kind=ini"
ask 200 "export ini" -H "$auth" -H "$json" --data-binary @"$tmp/req" "$base/api/export?kind=ini"
has "export ini" '"dir":"'"$tmp"'/exports/variant-01"'
has "export ini" '"files":"variant.ini, compare_summary.txt, compare/"'
ini=$tmp/exports/variant-01/variant.ini
grep -q '^base = builtin$' "$ini" && ok || bad "variant.ini has no base = builtin"
[ "$(grep -c '^[a-z_0-9]* = ' "$ini")" = 3 ] && ok || bad "variant.ini holds more than name, base and the override:$(cat "$ini")"
grep -A1 '^\[m3c\]$' "$ini" | grep -q '^amount = 50万$' && ok || bad "variant.ini lacks [m3c] amount = 50万"
"$bin" run "$ini" --reps $reps --seed $seed --no-charts --quiet --out "$tmp/run-ini" ||
	bad "run variant.ini failed"
[ "$(total_of_run "$tmp/run-ini")" = "$want" ] && ok || bad "variant.ini runs to $(total_of_run "$tmp/run-ini"), not $want"
# the difference the page showed ($tmp/answer, m3c.amount=50万), in every export: compare.csv
# cell for cell, and the summary's headline
same_as_page() { # FOLDER: compare/compare.csv holds the answer's cmp cells, to the fen
	"$py" - "$tmp/answer" "$1/compare/compare.csv" "$1/compare_summary.txt" << 'EOF'
import csv, json, sys
a = json.load(open(sys.argv[1]))
c, levels, lines = a["cmp"], ["total", "provincial", "municipal", "district"], []
rows = list(csv.DictReader(open(sys.argv[2], encoding="utf-8")))
for r in rows:
    if r["line"] not in lines:
        lines.append(r["line"])
for r in rows:
    y = c["nyears"] if r["paid_year"] == "all" else int(r["paid_year"]) - c["first_year"]
    want = c["cells"][lines.index(r["line"])][y][levels.index(r["level"])]
    got = [float(r[k]) for k in ("base_mean", "alt_mean", "diff", "diff_lo", "diff_hi")]
    if any(abs(g - w) > 0.005 for g, w in zip(got, want)):
        sys.exit("compare.csv %s %s %s: %s, the page %s" % (r["line"], r["paid_year"], r["level"], got, want))
if len(rows) != len(lines) * (c["nyears"] + 1) * 4 or lines[-1] != "TOTAL":
    sys.exit("compare.csv: %d rows" % len(rows))
words = "{:+,.2f}".format(c["cells"][-1][-1][0][2] / 1e4)
if words not in open(sys.argv[3], encoding="utf-8").read():
    sys.exit("compare_summary.txt lacks the difference %s" % words)
EOF
}
same_as_page "$tmp/exports/variant-01" && ok || bad "export ini: not the page's difference"
ask 200 "export run" -H "$auth" -H "$json" --data-binary @"$tmp/req" "$base/api/export?kind=run"
has "export run" '"files":"variant.ini, compare_summary.txt, compare/, run/"'
out=$tmp/exports/variant-02
for f in summary.csv by_year.csv results.xlsx manifest.txt scenario.resolved.ini; do
	[ -s "$out/run/$f" ] && ok || bad "export run: no $f"
done
[ -s "$out/compare/results.xlsx" ] && ok || bad "export run: no compare/results.xlsx"
same_as_page "$out" && ok || bad "export run: not the page's difference"
[ "$(total_of_run "$out/run")" = "$want" ] && ok || bad "export run: total $(total_of_run "$out/run"), not $want"
grep -q '^name = suzhou-draft-variant-02$' "$out/variant.ini" && ok || bad "export run: $(grep name "$out/variant.ini")"
[ -s "$ini" ] && [ ! -e "$tmp/exports/variant-01/run" ] && ok || bad "export run touched the earlier export"
# a name taken (here by the user's own folder) is skipped, and left alone
mkdir "$tmp/exports/variant-03"
echo mine > "$tmp/exports/variant-03/notes.txt"
ask 200 "export report" -H "$auth" -H "$json" --data-binary @"$tmp/req" "$base/api/export?kind=report"
has "export report" '/exports/variant-04"'
[ -s "$tmp/exports/variant-04/report/report.html" ] && ok || bad "export report: no report.html"
[ "$(ls "$tmp/exports/variant-03")" = notes.txt ] && ok || bad "export report touched variant-03: $(ls "$tmp/exports/variant-03")"
[ -s "$out/run/results.xlsx" ] && ok || bad "export report removed the run's export"
ls -a "$tmp/exports" | grep -q '^\.fundsim-' && bad "a staging folder is left: $(ls -a "$tmp/exports")" || ok

# ---- Ctrl-C ----
stop "the draft"

# ---- known approvals: --entities as run takes it ----
start --entities tests/data/entities-known.csv
base=http://127.0.0.1:$port
auth="Authorization: token $tok"
printf '{"m3c.amount":"50万"}' > "$tmp/req"
ask 200 "--entities, m3c.amount=50万" -H "$auth" -H "$json" --data-binary @"$tmp/req" "$base/api/run"
answer=$(total_of_answer)
cp "$tmp/body" "$tmp/body.answer"
"$bin" run --entities tests/data/entities-known.csv --set m3c.amount=50万 --reps $reps --seed $seed \
	--no-charts --quiet --out "$tmp/run-known" || bad "run --entities failed"
want=$(total_of_run "$tmp/run-known")
[ -n "$want" ] && [ "$answer" = "$want" ] && ok || bad "--entities: the answer's total $answer, run's $want"
rm -rf "$tmp/exports"
ask 409 "--entities: export report" -H "$auth" -H "$json" --data-binary @"$tmp/req" "$base/api/export?kind=report"
has "--entities: export report" "cannot be exported while serve runs with --entities"
[ -e "$tmp/exports" ] && bad "--entities: a refused report export wrote $(ls "$tmp/exports")" || ok
ask 200 "--entities: export run" -H "$auth" -H "$json" --data-binary @"$tmp/req" "$base/api/export?kind=run"
has "--entities: export run" '"files":"variant.ini, compare_summary.txt, run/"'
out=$tmp/exports/variant-01
[ "$(total_of_run "$out/run")" = "$want" ] && ok || bad "--entities: export run: total $(total_of_run "$out/run"), not $want"
# no compare/ (compare takes no --entities), and the summary says so; its figures are the page's
[ ! -e "$out/compare" ] && grep -q -- '--entities' "$out/compare_summary.txt" && ok ||
	bad "--entities: compare_summary.txt: $(tail -2 "$out/compare_summary.txt")"
"$py" -c 'import json, sys; r = json.load(open(sys.argv[1])); print("{:+,.2f}".format(r["cmp"]["cells"][-1][-1][0][2] / 1e4))' \
	"$tmp/body.answer" > "$tmp/diff.words"
grep -qF -- "$(cat "$tmp/diff.words")" "$out/compare_summary.txt" && ok || bad "--entities: the summary lacks $(cat "$tmp/diff.words")"
stop "--entities"

# ---- a serve killed in the middle of an export ----
# its folder was never a whole export: the next serve on the folder removes it (and its
# mark, .variant-NN.PID), and the number is free again
serve_start "$tmp/kill" "$bin" serve --reps 4000 --seed $seed --threads 2 --out "$tmp/killed" ||
	{ bad "serve did not start"; exit 1; }
curl -s -o /dev/null --max-time 300 -H "Authorization: token $tok" -H "$json" \
	-d '{"m3c.amount":"50万"}' "http://127.0.0.1:$port/api/export?kind=report" &
_i=0
while [ -z "$(ls -A "$tmp/killed" 2> /dev/null | grep '^\.variant-01\.')" ] && [ $_i -lt 600 ]; do
	sleep 0.05
	_i=$((_i + 1))
done
kill -KILL "$pid"
wait "$pid" 2> /dev/null
pid=
[ -d "$tmp/killed/variant-01" ] && [ -n "$(ls -A "$tmp/killed" | grep '^\.variant-01\.')" ] && ok ||
	bad "killed export: no variant-01 and mark to sweep: $(ls -A "$tmp/killed")"
# killed before variant-01's own files were swapped in, it leaves their staging folder
# beside it (.fundsim-PID-XXXXXX): that goes too (a process just ended gives the PID)
gone=$(sh -c 'echo $$')
mkdir "$tmp/killed/.fundsim-$gone-AbCdEf" && echo x > "$tmp/killed/.fundsim-$gone-AbCdEf/variant.ini"
serve_start "$tmp/kill" "$bin" serve --reps 100 --seed $seed --threads 2 --out "$tmp/killed" ||
	{ bad "serve did not start"; exit 1; }
[ -z "$(ls -A "$tmp/killed")" ] && ok || bad "a killed export left: $(ls -A "$tmp/killed")"
serve_stop

# ---- options ----
while IFS="$tab" read -r args says; do
	# shellcheck disable=SC2086
	"$bin" serve $args > "$tmp/out" 2> "$tmp/err"
	rc=$?
	[ $rc = 2 ] && grep -qF -- "$says" "$tmp/err" && ok || bad "serve $args: exit $rc, $(cat "$tmp/err")"
done << 'EOF'
--port 70000	--port 70000: expected a whole number from 0 to 65535
--port x	--port x
--listen 1.2.3 --port 0 --reps 2	--listen 1.2.3: not an IPv4 or IPv6 address
--listen 0.0.0.0 --port 0	--listen 0.0.0.0: a wildcard address
--listen :: --port 0	--listen ::: a wildcard address
--listen localhost --port 0	--listen localhost: not an IPv4 or IPv6 address
--set m1a.cap=1	--set is not an option of serve
--ledger	--ledger is not an option of serve
--reps 1	--reps 1
--lang fr	--lang fr
a.ini b.ini	one scenario at most
EOF

echo "serve: $pass passed, $fail failed"
[ $fail = 0 ]
