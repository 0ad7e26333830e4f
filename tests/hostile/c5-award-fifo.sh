# Class 5: award -o onto a FIFO wrote a temporary beside it and renamed
# it over the FIFO, so the reader got nothing and the FIFO was gone. It
# must be written through: the reader gets the ledger, the FIFO stays.
cp "$DATA/../data/panel-example.csv" panel.csv
mkfifo ledger.fifo
timeout 20 cat ledger.fifo > got &
reader=$!
timeout 20 "$FUNDSIM" award --firms panel.csv -o ledger.fifo > fs.out 2> fs.err < /dev/null
rc=$?
if [ -p ledger.fifo ]; then
	wait $reader
else # the FIFO was replaced: release the reader
	kill $reader 2>/dev/null
	fail "ledger.fifo is no longer a FIFO (replaced by a rename)"
fi
expect_exit 0
head -1 got | grep -q '^entity_id,' || fail "the reader got no ledger: $(head -c 80 got)"
[ "$(grep -c . got)" -gt 1 ] || fail "the reader got only $(grep -c . got) lines"
