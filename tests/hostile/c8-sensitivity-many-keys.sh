# Class 8: the duplicate-key check compared every key with every other:
# 40,000 [sensitivity] keys took tens of seconds. Now it is a hash set,
# and a file with more keys than any scenario can have is refused.
{
	echo '[sensitivity]'
	i=0
	while [ $i -lt 40000 ]; do
		echo "k$i = 1:2"
		i=$((i + 1))
	done
} > evil.ini
start=$(date +%s)
timeout 10 "$FUNDSIM" params --scenario evil.ini > fs.out 2> fs.err < /dev/null
rc=$?
[ "$rc" != 124 ] || fail "40,000 keys: still reading after 10 s"
expect_exit 2
[ $(($(date +%s) - start)) -le 5 ] || fail "40,000 keys took more than 5 s"
# the keys are unknown parameters: the first one is reported, at once
expect_err 'evil.ini:2: [sensitivity] k0'
