# Class 9: a file name holding a newline and an escape sequence was
# printed raw: the terminal turned red and the message split into a
# forged second line. Names and paths in messages are escaped (\n, \x1b)
# and each message stays one line.
esc=$(printf '\033')
name=$(printf 'a\nb\033[31m.csv')
no_raw() {
	! grep -q "$esc" "$1" || fail "$1 holds a raw ESC: $(od -c "$1" | head -3)"
}
fs award --firms "$name"
expect_exit 2
expect_err 'a\nb\x1b[31m.csv'
no_raw fs.err
[ "$(wc -l < fs.err)" = 1 ] || fail "the message takes $(wc -l < fs.err) lines"
# a file of that name that exists but is bad
printf 'nonsense\n' > "$name"
fs award --firms "$name"
expect_exit 2
expect_err 'a\nb\x1b[31m.csv'
no_raw fs.err
# as an option and a command
fs award --firms x.csv "--$name"
expect_exit 2
no_raw fs.err
expect_err 'unknown option --a\nb\x1b[31m.csv'
fs "$name"
expect_exit 2
no_raw fs.err
# a scenario whose name and path hold escapes: params prints both
ini=$(printf 's\033[2J.ini')
scenario "$ini" '[scenario]' "name = x${esc}[2Jy" '[m1a]' 'cap = 150万'
fs params --scenario "$ini"
no_raw fs.out
no_raw fs.err
expect_exit 0
expect_out 'x\x1b[2Jy'
expect_out 's\x1b[2J.ini:'
fs diff builtin "$ini"
expect_exit 0
no_raw fs.out
# an --out with a newline pasted at its end made a folder no one can type
fs run --reps 10 --quiet --no-charts --out "$(printf 'nl\nx')"
expect_exit 2
expect_err "the output folder's name holds a control character (\\x0A)"
[ -z "$(ls -A | grep '^nl')" ] || fail "made $(ls -A | grep '^nl')"
