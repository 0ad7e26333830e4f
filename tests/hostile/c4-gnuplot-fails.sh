# Class 4: gnuplot failing while the charts are drawn leaves the earlier
# set whole (no new CSV beside old images), exits non-zero and says so.
fs run --reps 20 --quiet --seed 1 --out r
expect_exit 0
snap r before
mkdir bin
printf '#!/bin/sh\necho "fake gnuplot: broken" >&2\nexit 1\n' > bin/gnuplot
chmod +x bin/gnuplot
PATH=$PWD/bin:$PATH fs run --reps 20 --quiet --seed 2 --out r
expect_exit 1
expect_err "untouched"
same_as r before
[ -z "$(ls -A . | grep '^\.fundsim-')" ] || fail "staging folders left: $(ls -A)"
for study in "sweep m1a.cap=50万:100万:50万" "tornado --keys m1a.cap"; do
	fs $study --reps 10 --quiet --out s
	expect_exit 0
	snap s sbefore
	PATH=$PWD/bin:$PATH fs $study --reps 10 --quiet --seed 9 --out s
	expect_exit 1
	same_as s sbefore
	rm -rf s
done
