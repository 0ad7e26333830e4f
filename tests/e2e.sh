#!/bin/sh
# End-to-end cases as data: each folder under tests/e2e holds
#   args    - the command line, one argument per line
#   stdout  - the exact expected standard output (optional)
#   stdout-has - lines that must each appear in standard output (optional)
#   stderr  - lines that must each appear in standard error (optional)
#   exit    - the expected exit code (default 0)
# Usage: tests/e2e.sh BINARY   (VALGRIND may hold a command prefix)
bin=${1:-bin/fundsim}
pass=0
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for dir in tests/e2e/*/; do
	name=$(basename "$dir")
	want_exit=0
	[ -f "$dir/exit" ] && want_exit=$(cat "$dir/exit")
	# one argument per line, so names with spaces need no quoting
	set --
	while IFS= read -r arg || [ -n "$arg" ]; do set -- "$@" "$arg"; done < "$dir/args"
	$VALGRIND "$bin" "$@" > "$tmp/out" 2> "$tmp/err"
	got_exit=$?
	ok=1
	if [ "$got_exit" != "$want_exit" ]; then
		echo "FAIL $name: exit $got_exit, expected $want_exit"; ok=0
	fi
	if [ -f "$dir/stdout" ] && ! cmp -s "$dir/stdout" "$tmp/out"; then
		echo "FAIL $name: stdout differs:"; diff "$dir/stdout" "$tmp/out" | head -20; ok=0
	fi
	for want in stdout-has:out stderr:err; do
		file=$dir/${want%%:*}
		[ -f "$file" ] || continue
		while IFS= read -r line || [ -n "$line" ]; do
			if ! grep -qF -- "$line" "$tmp/${want##*:}"; then
				echo "FAIL $name: ${want%%:*} lacks: $line"; ok=0
			fi
		done < "$file"
	done
	if [ $ok = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); sed 's/^/  stderr: /' "$tmp/err" | head -5; fi
done
echo "e2e: $pass passed, $fail failed"
[ $fail = 0 ]
