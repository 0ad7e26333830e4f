# Class 9: a --precision the replications cannot reach says so on the
# terminal (even with --quiet) and in the manifest, with the half-width
# achieved; one that is reached says that too.
fs run --precision 0.1% --reps 600 --quiet --no-charts --out r
expect_exit 0
expect_err "--precision 0.1% NOT reached: after 600 replications"
grep -q "^precision: 0.001 asked, NOT reached: the 95% interval of the mean total is within [0-9.]*% of it after 600 replications" r/manifest.txt ||
	fail "manifest: $(grep precision r/manifest.txt)"
fs run --precision 5% --reps 2000 --quiet --no-charts --out r
expect_exit 0
grep -q "^precision: 0.05 asked, reached" r/manifest.txt || fail "manifest: $(grep precision r/manifest.txt)"
! grep -q "NOT reached" fs.err || fail "said NOT reached when it was"
