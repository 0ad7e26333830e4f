# lib.sh - helpers for the hostile cases (sourced by tests/hostile.sh).
# Each case runs in its own empty working folder; PWD is scratch.

fail() {
	echo "$CASE: $*"
	[ -f fs.err ] && sed 's/^/  stderr: /' fs.err | head -8
	exit 1
}

# fs ARGS...: run fundsim, stdout to fs.out, stderr to fs.err, status in $rc.
fs() {
	"$FUNDSIM" "$@" > fs.out 2> fs.err < /dev/null
	rc=$?
}

expect_exit() { [ "$rc" = "$1" ] || fail "exit $rc, expected $1"; }
expect_fail() { [ "$rc" != 0 ] || fail "exit 0, expected a failure"; }
expect_err() { grep -qF -- "$1" fs.err || fail "stderr lacks: $1"; }
expect_out() { grep -qF -- "$1" fs.out || fail "stdout lacks: $1"; }
absent() { [ ! -e "$1" ] && [ ! -L "$1" ] || fail "$1 exists"; }
present() { [ -e "$1" ] || fail "$1 is missing"; }

# A scenario file on the built-in draft with extra lines: scenario FILE LINES...
scenario() {
	f=$1
	shift
	printf '%s\n' "$@" > "$f"
}

# Snapshot a folder (names and contents) to compare later: snap DIR NAME.
snap() { (cd "$1" && find . -type f -exec sha256sum {} + | sort -k2) > "$2"; }
same_as() {
	snap "$1" "$2.now"
	cmp -s "$2" "$2.now" || fail "$1 changed: $(diff "$2" "$2.now" | head -6 | tr '\n' ' ')"
}

# The bureau's panel with its first row again, F01 written as ID: a copied
# row under an id that looks like F01. panel_copy ID FILE
panel_copy() {
	b=$DATA/../data/panel-bureau.csv
	{ cat "$b"; sed -n 2p "$b" | sed "s/,F01,/,$1,/"; } > "$2"
}
