# Class 8: a GBK file was converted whole into a temporary file before any
# line was checked, so a sparse 1 GiB file (one line of NUL bytes) made a
# 1 GB temporary file, then failed with "line longer than 64 KiB". The
# conversion now stops at the first line past 64 KiB, naming it; here
# under a file size limit of a few MiB, which the old way ran into.
h=firm_id,year,founded,origin,industrial,paid_capital,employees,revenue,key_db,top100
{ printf '%s,\261\270\327\242\n' $h; } > sparse.csv
truncate -s 1G sparse.csv
mkdir tmp
(ulimit -f 4096 && TMPDIR=$PWD/tmp timeout 20 "$FUNDSIM" award --firms sparse.csv -o ledger.csv) \
	> fs.out 2> fs.err < /dev/null
rc=$?
expect_exit 2
expect_err 'sparse.csv:2: line longer than 64 KiB: more than fundsim reads in one line'
absent ledger.csv
[ -z "$(ls -A tmp)" ] || fail "temporary files left: $(ls -A tmp)"
# the line named is the long one, after good GBK lines
{ printf '%s,\261\270\327\242\n' $h; printf 'F1,2025,2025,new,0,100,20,3000,0,0,\261\270\n'; \
	head -c 70000 /dev/zero | tr '\0' x; printf '\n'; } > long.csv
fs award --firms long.csv -o ledger.csv
expect_exit 2
expect_err 'long.csv:3: line longer than 64 KiB'
