# Class 5: award -o a symbolic link replaced the link with a new file.
# A link to a file is written through (the file it names, in a folder
# elsewhere, gets the ledger whole, and the link stays); a link to
# nothing is refused (exit 2).
cp "$DATA/../data/panel-example.csv" panel.csv
outside=$(mktemp -d)
trap 'rm -rf "$outside"' EXIT
mkdir work
echo old > "$outside/ledger.csv"
ln -s "$outside/ledger.csv" work/ledger.csv
fs award --firms panel.csv -o work/ledger.csv
expect_exit 0
[ -L work/ledger.csv ] || fail "the link work/ledger.csv was replaced by a file"
head -1 "$outside/ledger.csv" | grep -q '^entity_id,' || fail "the linked file has no ledger"
[ "$(ls -A "$outside")" = ledger.csv ] || fail "left beside it: $(ls -A "$outside")"
absent work/ledger.csv.tmp*
# through a linked folder: a new file in the folder it names
ln -s "$outside" work/outdir
fs award --firms panel.csv -o work/outdir/new.csv
expect_exit 0
[ -L work/outdir ] || fail "the folder link was replaced"
head -1 "$outside/new.csv" | grep -q '^entity_id,' || fail "new.csv has no ledger"
# a link to nothing
ln -s nowhere.csv work/dangling.csv
fs award --firms panel.csv -o work/dangling.csv
expect_exit 2
expect_err 'a symbolic link to nothing'
[ -L work/dangling.csv ] || fail "the dangling link was replaced"
absent work/nowhere.csv
