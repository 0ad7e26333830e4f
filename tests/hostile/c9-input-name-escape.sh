# Class 9: a scenario name with a tab, ESC, backslash and quotes went raw
# into scenario.resolved.ini (and a name taken from a file name can hold
# a newline), so the file did not load back to the same scenario. It is
# written quoted with escapes, which the reader understands.
tab=$(printf '\t')
esc=$(printf '\033')
scenario evil.ini '[scenario]' "name = a${tab}b${esc}[31mc\\d\"e\" ;f" '[m1a]' 'cap = 150万'
fs run evil.ini --reps 30 --seed 7 --quiet --no-charts --out o
expect_exit 0
grep -q "$esc" o/scenario.resolved.ini && fail "scenario.resolved.ini holds a raw ESC"
fs run o/scenario.resolved.ini --reps 30 --seed 7 --quiet --no-charts --out o2
expect_exit 0
cmp -s o/summary.csv o2/summary.csv || fail "the resolved scenario gave another summary.csv"
cmp -s o/scenario.resolved.ini o2/scenario.resolved.ini || fail "resolved.ini did not load back to the same scenario"
# a file name with a newline, spaces and ; becomes a name that loads back too
nl='
'
f="x${nl}y ;z.ini"
scenario "$f" '[m1a]' 'cap = 150万'
fs run "$f" --reps 30 --seed 7 --quiet --no-charts --out o3
expect_exit 0
fs run o3/scenario.resolved.ini --reps 30 --seed 7 --quiet --no-charts --out o4
expect_exit 0
cmp -s o3/scenario.resolved.ini o4/scenario.resolved.ini || fail "a name from a file name did not load back"
# control characters in keys and paths are escaped in messages
scenario "bad${esc}.ini" '[m1a]' "ca${esc}p = 1"
fs params --scenario "bad${esc}.ini"
expect_exit 2
grep -q "$esc" fs.err && fail "a message holds a raw ESC"
expect_err 'bad\x1b.ini:2: [m1a] ca\x1bp: unknown key'
