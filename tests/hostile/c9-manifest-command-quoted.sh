# Class 9: the manifest's command line is shell-quoted: pasting it runs
# fundsim with the same arguments and nothing else, whatever the names.
mkdir "a b"
printf '[scenario]\nname = quoted\n' > "a b/x \$(touch pwned);'q'.ini"
fs run "a b/x \$(touch pwned);'q'.ini" --reps 20 --quiet --no-charts --set 'm1a.cap=100万' --out "o \$(touch pwned3)"
expect_exit 0
line=$(sed -n 's/^command: //p' "o \$(touch pwned3)/manifest.txt")
[ -n "$line" ] || fail "no command line in the manifest"
# replay it through a shell, with fundsim replaced by a printer of its arguments
mkdir bin && printf '#!/bin/sh\nfor a; do printf "<%%s>\\n" "$a"; done\n' > bin/fundsim && chmod +x bin/fundsim
PATH=$PWD/bin:$PATH sh -c "$line" > replay || fail "the command line does not parse: $line"
absent pwned
absent pwned2
absent pwned3
grep -qxF "<a b/x \$(touch pwned);'q'.ini>" replay || fail "scenario path changed: $(cat replay)"
grep -qxF '<m1a.cap=100万>' replay || fail "--set changed: $(cat replay)"
grep -qxF "<o \$(touch pwned3)>" replay || fail "--out changed: $(cat replay)"
