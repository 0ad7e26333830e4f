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
