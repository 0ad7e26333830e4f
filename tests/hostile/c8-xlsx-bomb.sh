# Class 8: a workbook that xlsx2csv turns into endless CSV (a zip bomb, a
# huge sheet: here a stand-in xlsx2csv that never stops writing) is
# stopped at 256 MiB with a message, exit 2; no ledger is written and no
# temporary file is left behind.
mkdir bin tmp
printf '#!/bin/sh\nexec yes "F1,2025,2025,new,0,100,20,3000,0,0"\n' > bin/xlsx2csv
chmod +x bin/xlsx2csv
printf 'PK\003\004 a workbook' > bomb.xlsx
TMPDIR=$PWD/tmp PATH=$PWD/bin:$PATH fs award --firms bomb.xlsx -o ledger.csv
expect_exit 2
expect_err "bomb.xlsx: cannot read the workbook: xlsx2csv wrote more than 256 MiB: stopped"
absent ledger.csv
[ -z "$(ls -A tmp)" ] || fail "temporary files left: $(ls -A tmp)"
# the same through run, and for the entities file
TMPDIR=$PWD/tmp PATH=$PWD/bin:$PATH fs run --firms bomb.xlsx --reps 10 --quiet --no-charts --out o
expect_exit 2
expect_err "wrote more than 256 MiB"
absent o/summary.csv
TMPDIR=$PWD/tmp PATH=$PWD/bin:$PATH fs award --entities bomb.xlsx -o ledger.csv
expect_exit 2
expect_err "wrote more than 256 MiB"
[ -z "$(ls -A tmp)" ] || fail "temporary files left: $(ls -A tmp)"
# a workbook whose parts xlsx2csv reads whole inflate past memory (a
# [Content_Types].xml of 400 MB in a 1 MB file took 5.5 GB): the helper's
# memory is bounded (1 GiB), so it fails at once, naming why, exit 2
printf '#!/bin/sh\nexec python3 -c "x = bytearray(3 << 30)"\n' > bin/xlsx2csv
TMPDIR=$PWD/tmp PATH=$PWD/bin:$PATH fs award --firms bomb.xlsx -o ledger.csv
expect_exit 2
expect_err "bomb.xlsx: cannot read the workbook: xlsx2csv exited with status 1 (MemoryError)"
absent ledger.csv
[ -z "$(ls -A tmp)" ] || fail "temporary files left: $(ls -A tmp)"
