#!/bin/sh
# Nothing lost: a run interrupted with Ctrl-C (SIGINT) exits non-zero,
# says how far it got, leaves an earlier run's files in its folder byte
# for byte, and leaves no temporary files. About 2 s.
# Usage: tests/interrupt.sh BINARY
bin=${1:-bin/fundsim}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() {
	echo "FAIL interrupt: $*"
	sed 's/^/  stderr: /' "$tmp/err" 2>/dev/null | head -5
	exit 1
}
out=$tmp/out
"$bin" run --reps 300 --seed 7 --quiet --out "$out" > /dev/null 2> "$tmp/err" ||
	fail "the first run failed"
mkdir "$tmp/before" && cp -p "$out"/* "$tmp/before/"
ls "$out" > "$tmp/files"
[ -s "$tmp/files" ] || fail "the first run wrote nothing"

# A run far too long to finish, into the same folder, stopped after ~1 s.
"$bin" run --reps 2000000 --seed 8 --quiet --out "$out" > /dev/null 2> "$tmp/err" &
pid=$!
sleep 1
kill -INT "$pid"
wait "$pid"
rc=$?
[ "$rc" -ne 0 ] || fail "exit status 0 after SIGINT"
grep -q "interrupted after [0-9][0-9]* of 2000000 replications" "$tmp/err" ||
	fail "stderr does not say how far it got"
ls "$out" > "$tmp/files.after"
cmp -s "$tmp/files" "$tmp/files.after" ||
	fail "the folder's files changed: $(diff "$tmp/files" "$tmp/files.after" | tr '\n' ' ')"
while read -r f; do
	cmp -s "$tmp/before/$f" "$out/$f" || fail "$f differs from the earlier run's"
done < "$tmp/files"
left=$(find "$out" -name '*.tmp*')
[ -z "$left" ] || fail "temporary files left: $left"
echo "interrupt: passed (exit $rc; $(grep -o 'interrupted after [0-9]* of [0-9]*' "$tmp/err"))"
