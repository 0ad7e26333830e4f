# Class 4: an output folder that holds the user's own files is not a
# result set fundsim may replace: refused, nothing touched. Nor a link or
# a file; a folder holding only result sets (a study's) is fine.
mkdir mine && echo "my notes" > mine/notes.txt
fs run --reps 20 --quiet --no-charts --out mine
expect_exit 2
expect_err "holds files fundsim did not write"
[ "$(cat mine/notes.txt)" = "my notes" ] || fail "notes.txt changed"
[ "$(ls -A mine)" = notes.txt ] || fail "mine/ holds $(ls -A mine)"
mkdir real && ln -s real link
fs run --reps 20 --quiet --no-charts --out link
expect_exit 2
expect_err "symbolic link"
[ -z "$(ls -A real)" ] || fail "wrote through the link"
echo x > file
fs run --reps 20 --quiet --no-charts --out file
expect_exit 2
expect_err "not a folder"
fs run --reps 20 --quiet --no-charts --out ""
expect_exit 2
for d in . .. r/..; do
	fs run --reps 20 --quiet --no-charts --out "$d"
	expect_exit 2
done
[ "$(cat file)" = x ] || fail "file changed"
# a study inside a run's folder survives the next run
fs sweep m1a.cap=50万:100万:50万 --reps 10 --quiet --no-charts --out r/sweep
expect_exit 0
fs run --reps 20 --quiet --no-charts --out r
expect_exit 0
present r/sweep/sweep.csv
present r/summary.csv
fs run --reps 20 --quiet --no-charts --out r
expect_exit 0
present r/sweep/sweep.csv
# a manifest.txt someone copied in ("fundsim ..." is anyone's to write) does
# not make the user's files fundsim's: refused, nothing touched
mkdir mailed && echo "budget" > mailed/budget.xlsx &&
	echo "fundsim 0.0.9 (git 0000000)" > mailed/manifest.txt
fs run --reps 20 --quiet --no-charts --out mailed
expect_exit 2
expect_err "results of an earlier fundsim"
[ "$(cat mailed/budget.xlsx)" = budget ] || fail "mailed/budget.xlsx changed"
[ "$(ls -A mailed | tr '\n' ' ')" = "budget.xlsx manifest.txt " ] || fail "mailed/ holds $(ls -A mailed)"
