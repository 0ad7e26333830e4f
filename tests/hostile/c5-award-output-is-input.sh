# Class 5: award -o naming its own input (the panel, the entities file,
# the scenario; by name, through a link or a hard link) overwrote it with
# the ledger. Refused with exit 2 before any work, the input unchanged;
# so is a folder.
mkdir in
cp "$DATA/../data/panel-example.csv" in/panel.csv
cp "$DATA/../data/entities-example.csv" in/entities.csv
scenario in/my.ini '[scenario]' 'name = mine'
ln -s panel.csv in/panel-link.csv
ln in/panel.csv in/panel-hard.csv
mkdir in/folder
snap in before
args="--firms in/panel.csv --entities in/entities.csv --scenario in/my.ini"
for o in in/panel.csv ./in/panel.csv in/panel-link.csv in/panel-hard.csv "$PWD/in/panel.csv"; do
	fs award $args -o "$o"
	expect_exit 2
	expect_err "is the input in/panel.csv"
	same_as in before
done
for o in in/entities.csv in/my.ini; do
	fs award $args -o "$o"
	expect_exit 2
	expect_err "is the input $o"
	same_as in before
done
fs award --firms in/panel.csv -o in/folder
expect_exit 2
expect_err 'is a folder'
same_as in before
