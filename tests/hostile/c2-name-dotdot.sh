# Class 2: the default output folder comes from the scenario's name; a
# name of ".." or "../../x" must not lead outside out/ (it wrote into the
# working folder and overwrote the user's summary.csv).
mkdir -p a/b && cd a/b
echo "my own numbers" > summary.csv
for n in '..' '../../escaped' '../x' '.hidden' 'a/b' '/tmp/abs'; do
	scenario evil.ini '[scenario]' "name = $n"
	fs run evil.ini --reps 20 --quiet --no-charts
	[ "$rc" = 0 ] || [ "$rc" = 2 ] || fail "name '$n': exit $rc"
	[ "$(cat summary.csv)" = "my own numbers" ] || fail "name '$n' overwrote ./summary.csv"
	absent ../escaped
	absent ../../escaped
	absent ../x
	absent /tmp/abs/summary.csv
	if [ "$rc" = 0 ]; then
		# whatever it wrote is one folder directly under out/
		found=$(find out -name summary.csv | head -1)
		case $found in out/*/summary.csv) ;; *) fail "name '$n' wrote $found" ;; esac
		case $found in out/*/*/*) fail "name '$n' wrote $found" ;; esac
		rm -rf out
	fi
done
# Chinese letters stay; separators go; studies stay inside out/ too
scenario zh.ini '[scenario]' 'name = 苏州/园区..方案'
fs run zh.ini --reps 20 --quiet --no-charts
expect_exit 0
present "out/苏州_园区..方案/summary.csv"
scenario evil.ini '[scenario]' 'name = ../../escaped'
fs sweep evil.ini m1a.cap=50万:100万:50万 --reps 10 --quiet --no-charts
expect_exit 0
absent ../escaped
absent ../../escaped
[ -n "$(find out -path '*/sweep/sweep.csv')" ] || fail "the sweep is not under out/"
# a right-to-left override (U+202E) would show the folder "a<RLO>gpj.exe"
# as "aexe.jpg"; it and zero-width or no-break spaces become _
scenario bidi.ini '[scenario]' "$(printf 'name = a\342\200\256gpj.exe\342\200\213\302\240x')"
fs run bidi.ini --reps 20 --quiet --no-charts
expect_exit 0
present "out/a_gpj.exe__x/summary.csv"
