#!/bin/sh
# Benchmarks (not tests): make bench. Prints figures as ratios measured in
# one run, with the machine they came from.
set -eu
bin=${1:-bin/fundsim}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
# a VM's model name can be only "AMD EPYC": the family and model tell its generation
# (25/17: Zen 4), and whether it has AVX-512, which the streams and NumPy both use
fam=$(sed -n 's/^cpu family[[:space:]]*: //p' /proc/cpuinfo | head -1)
mod=$(sed -n 's/^model[[:space:]]*: //p' /proc/cpuinfo | head -1)
grep -q avx512dq /proc/cpuinfo && avx=", AVX-512" || avx=", no AVX-512"
[ -n "$fam" ] && cpu="$cpu, family $fam model $mod$avx"
echo "machine: $(nproc) cores (${cpu:-unknown CPU}), load average $(cut -d" " -f1 /proc/loadavg), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -m), $(date -u +%Y-%m-%d)"

# award on a synthetic panel of firms x 4 years: half a million and a million rows
panel() { # $1 = rows
	awk -v rows="$1" 'BEGIN {
		srand(7); print "firm_id,year,founded,origin,industrial,paid_capital,employees,revenue,key_db,top100"
		split("existing new spinoff attracted", o, " ")
		for (i = 0; i < rows / 4; i++) {
			f = 2018 + int(rand() * 7); og = o[1 + int(rand() * 4)]; ind = int(rand() * 2)
			rev = 1e6 * exp(rand() * 8); cap = 1e6 * (1 + int(rand() * 50)); emp = 5 + int(rand() * 200)
			for (y = 2024; y < 2028; y++) {
				printf "F%07d,%d,%d,%s,%d,%d,%d,%.0f,%d,%d\n", i, y, f, og, ind, cap, emp, rev, rand() < 0.2, rand() < 0.0005
				rev *= 0.8 + rand() * 1.0; emp += int(rand() * 20)
			}
		}
	}' > "$2"
}
for rows in 500000 1000000; do
	panel $rows "$tmp/panel.csv"
	n=$(($(wc -l < "$tmp/panel.csv") - 1))
	/usr/bin/time -f "%e %M" -o "$tmp/time" "$bin" award --firms "$tmp/panel.csv" -o "$tmp/ledger.csv" 2>/dev/null
	read -r secs kb < "$tmp/time"
	echo "award: $n firm-year rows in ${secs} s, peak memory $((kb / 1024)) MiB ($(awk -v k="$kb" -v n="$n" 'BEGIN {printf "%.0f", k * 1024 / n}') bytes/row), $(($(wc -l < "$tmp/ledger.csv") - 1)) awards"
done

# The output stage (CSV files and the workbook, after the summary) is serial and
# does not grow with the replications: its share of a 5,000-replication run on
# one thread, without charts (gnuplot's are apart: 5 charts, PNG and SVG).
secs() { /usr/bin/time -f "%e" -o "$tmp/t" "$@" >/dev/null 2>&1; cat "$tmp/t"; }
fixed=$(secs "$bin" run --reps 2 --threads 1 --no-charts --quiet --out "$tmp/o2")
whole=$(secs "$bin" run --reps 5000 --threads 1 --no-charts --quiet --out "$tmp/o5000")
charts=$(secs "$bin" run --reps 2 --threads 1 --quiet --out "$tmp/o2c")
awk -v f="$fixed" -v w="$whole" -v c="$charts" 'BEGIN {
	printf "output stage: %.2f s a run (a 2-replication run, start-up included), %.1f%% of a 5,000-replication run on one thread (%.2f s, no charts); charts add %.2f s\n", f, 100 * f / w, w, c - f }'

# fundsim serve: one answer of the page at 1,000 replications (a rule change: the rules
# re-applied to the kept populations), as curl sees it, against `run` of the same
# replications; 5 answers, median. Target: 1 s.
"$bin" serve --port 0 --reps 1000 --out "$tmp/serve" > "$tmp/serve.out" 2> /dev/null &
spid=$!
i=0
until grep -q 'http://' "$tmp/serve.out" 2> /dev/null || [ $i -gt 600 ]; do sleep 0.2; i=$((i + 1)); done
url=$(grep -o 'http://[^ ]*' "$tmp/serve.out")
port=$(echo "$url" | sed 's|http://127.0.0.1:\([0-9]*\)/.*|\1|')
for cap in 40 45 50 55 60; do
	curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: token ${url##*token=}" \
		-H 'Content-Type: application/json' -d "{\"m3c.amount\":\"${cap}万\"}" \
		"http://127.0.0.1:$port/api/run"
done | sort -n > "$tmp/answers"
kill $spid
wait $spid || true
/usr/bin/time -f "%e" -o "$tmp/time" "$bin" run --reps 1000 --no-charts --quiet --out "$tmp/run" 2> /dev/null
echo "serve: one answer at 1000 replications (m3c.amount changed) in $(sed -n 3p "$tmp/answers") s (median of 5; target <= 1 s; run --reps 1000 takes $(cat "$tmp/time") s)"
