#!/bin/sh
# The hostile corpus: each tests/hostile/*.sh replays one attack that a
# scenario file, panel, results folder or argument from someone else could
# carry, and fails if fundsim lets it through. Each case runs in a fresh
# empty folder (its working directory) with tests/hostile/lib.sh sourced;
# FUNDSIM is the binary, DATA the corpus folder. See SECURITY.md.
# Usage: tests/hostile.sh BINARY [CASE ...]
bin=$(cd "$(dirname "${1:-bin/fundsim}")" && pwd)/$(basename "${1:-bin/fundsim}")
shift 2>/dev/null
here=$(cd "$(dirname "$0")" && pwd)/hostile
[ $# -gt 0 ] || set -- "$here"/*.sh
pass=0
fail=0
for case in "$@"; do
	case=$(cd "$(dirname "$case")" && pwd)/$(basename "$case")
	name=$(basename "$case" .sh)
	[ "$name" = lib ] && continue
	tmp=$(mktemp -d)
	if (cd "$tmp" && FUNDSIM=$bin DATA=$here CASE=$name timeout 120 \
		sh -c '. "$DATA/lib.sh"; . "$1"' sh "$case") > "$tmp.log" 2>&1; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL $name:"
		sed 's/^/  /' "$tmp.log" | tail -15
	fi
	chmod -R u+w "$tmp" 2>/dev/null
	rm -rf "$tmp" "$tmp.log"
done
echo "hostile: $pass passed, $fail failed"
[ $fail = 0 ]
