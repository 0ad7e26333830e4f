# Class 5: award -o /dev/null wrote /dev/null.tmpXXXXXX and renamed it
# over /dev/null: as root that replaces the device for the whole machine.
# A device must be written through, never replaced.
#
# Safe to run on a broken binary: a private device node (or, without
# mknod, a FIFO) in the scratch folder goes first, and the real
# /dev/null is only tried when that one survived.
cp "$DATA/../data/panel-example.csv" panel.csv
if mknod private-null c 1 3 2>/dev/null; then
	fs award --firms panel.csv -o private-null
	[ -c private-null ] || fail "-o private-null (a character device) was replaced"
else
	mkfifo private-null
	timeout 20 cat private-null > /dev/null &
	timeout 20 "$FUNDSIM" award --firms panel.csv -o private-null > fs.out 2> fs.err < /dev/null
	rc=$?
	[ -p private-null ] || fail "-o private-null (a FIFO) was replaced; /dev/null not tried"
	wait
fi
expect_exit 0
fs award --firms panel.csv -o /dev/null
[ -c /dev/null ] || fail "/dev/null IS NO LONGER A DEVICE: restore it (mknod -m 666 /dev/null c 1 3)"
expect_exit 0
ls /dev/null.tmp* > /dev/null 2>&1 && fail "a temporary was left in /dev"
[ ! -s fs.out ] || fail "the ledger went to stdout"
