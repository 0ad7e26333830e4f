# Class 5: award -o /dev/stdout renamed a temporary over /dev/stdout (as
# root, the link in /dev for everyone). It must write through to what
# stdout is: a pipe, a terminal, a file; a full device fails (exit 1).
#
# Safe on a broken binary: a private FIFO goes first, and /dev/stdout is
# only tried when that one survived.
cp "$DATA/../data/panel-example.csv" panel.csv
mkfifo guard
timeout 20 cat guard > /dev/null &
timeout 20 "$FUNDSIM" award --firms panel.csv -o guard > fs.out 2> fs.err < /dev/null
[ -p guard ] || fail "-o guard (a FIFO) was replaced; /dev/stdout not tried"
wait
# stdout a pipe
"$FUNDSIM" award --firms panel.csv -o /dev/stdout 2> fs.err < /dev/null | cat > got
[ -L /dev/stdout ] || [ -c /dev/stdout ] || fail "/dev/stdout was replaced"
head -1 got | grep -q '^entity_id,' || fail "the pipe got no ledger"
# stdout a file
fs award --firms panel.csv -o /dev/stdout
expect_exit 0
head -1 fs.out | grep -q '^entity_id,' || fail "the file on stdout got no ledger"
# stdout full
"$FUNDSIM" award --firms panel.csv -o /dev/stdout > /dev/full 2> fs.err < /dev/null
rc=$?
expect_exit 1
expect_err 'No space left on device'
[ -L /dev/stdout ] || [ -c /dev/stdout ] || fail "/dev/stdout was replaced"
