#!/bin/sh
# fundsim serve's page in a real browser: Debian's chromium, headless, driven by
# python3-selenium and chromium-driver (make deps installs them). tests/serve_browser.py opens
# the printed address, moves the M3C cap (m3c.amount) slider ten steps down with the keyboard
# and reads the total the page shows; it must be what `fundsim run --set m3c.amount=VALUE`
# gives for the same seed and replications, to the fen, and shown as the same 万元. It also
# types bad values and expects each refused at its box: marked, the reason beside it without
# --set's syntax, not counted as a change, the results said to be for the values last accepted;
# 1,500,000元 (thousands grouped, as a planner writes) is taken. The districts' and budget
# owners' tables are shown. Under --entities, the report export's refusal is shown on the page.
# SHOTS=DIR saves screenshots of the page in Chinese and English there.
# Usage: tests/serve_browser.sh BINARY
bin=${1:-bin/fundsim}
py=${PYTHON:-/usr/bin/python3}
tmp=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2> /dev/null; rm -rf "$tmp"' EXIT
reps=1000
seed=3
say() { echo "FAIL serve_browser: $*"; }
for f in /usr/bin/chromium /usr/bin/chromedriver; do
	[ -x $f ] || { say "no $f (make deps installs chromium and chromium-driver)"; exit 1; }
done
"$py" -c 'import selenium' 2> /dev/null || { say "$py has no selenium (make deps: python3-selenium)"; exit 1; }

. tests/serve_lib.sh
serve_start "$tmp/serve" "$bin" serve --reps $reps --seed $seed --lang zh --out "$tmp/exports" ||
	{ say "serve did not start"; exit 1; }
# HOME for chromium's profile; nothing of the user's is read
HOME=$tmp "$py" tests/serve_browser.py "$url" 10 > "$tmp/page" 2> "$tmp/page.err" || {
	say "the browser run failed:"
	tail -20 "$tmp/page.err"
	exit 1
}
serve_stop
set=$(cut -f1 "$tmp/page")
shown=$(cut -f2 "$tmp/page")
text=$(cut -f3 "$tmp/page")
"$bin" run --set "$set" --reps $reps --seed $seed --no-charts --quiet --out "$tmp/run" ||
	{ say "run --set $set failed"; exit 1; }
want=$(awk -F, '$1 == "TOTAL" && $2 == "total" { print $3 }' "$tmp/run/summary.csv")
"$py" - "$shown" "$want" "$text" << 'EOF' || exit 1
import sys
shown, want, text = float(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
words = "{:,.2f} 万元".format(want / 1e4)
if "%.2f" % shown != "%.2f" % want or text != words:
    print("FAIL serve_browser: the page shows %s (%s), run --set gives %.2f (%s)"
          % (text, sys.argv[1], want, words))
    sys.exit(1)
EOF
echo "the page's total for $set is run --set's ($text)"
# a server with --entities: the report export is refused, and the page says why
serve_start "$tmp/serve-known" "$bin" serve --reps 20 --seed $seed --lang zh --out "$tmp/exports-known" \
	--entities tests/data/entities-known.csv || { say "serve --entities did not start"; exit 1; }
HOME=$tmp "$py" tests/serve_browser.py "$url" --report-refused > "$tmp/refused" 2> "$tmp/page.err" || {
	say "the refused report export:"
	tail -20 "$tmp/page.err"
	exit 1
}
serve_stop
grep -q 'entities' "$tmp/refused" || { say "the page shows: $(cat "$tmp/refused")"; exit 1; }
echo "the page says why a report is refused: $(cat "$tmp/refused")"
echo "serve_browser: 2 passed, 0 failed"
