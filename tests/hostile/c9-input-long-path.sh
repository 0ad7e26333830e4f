# Class 9: paths over 300 bytes (about 100 Chinese characters) were cut
# by fixed buffers (a 300-byte label, a 256-byte path, a 159-byte base).
# A scenario, its base and a panel under a 400-byte folder must work,
# and a message naming such a path must hold all of it.
a=$(printf '苏州市软件产业集群高质量发展政策%.0s' 1 2 3 4)  # 192 bytes
b=$(printf '情景文件夹测算结果区县共担比例%.0s' 1 2 3 4)    # 180 bytes
d="$a/$b"
mkdir -p "$d"
[ ${#d} -gt 100 ] || fail "setup: the folder name is too short"
h=firm_id,year,founded,origin,industrial,paid_capital,employees,revenue,key_db,top100
printf '%s\nF1,2026,2020,existing,1,100万,10,1000万,0,0\n' $h > "$d/面板.csv"
scenario "$d/基础情景.ini" '[m1a]' 'cap = 150万'
scenario "$d/情景.ini" '[scenario]' "base = ../$b/基础情景.ini" '[m1a]' 'rate = 6%'
fs run "$d/情景.ini" --firms "$d/面板.csv" --reps 20 --quiet --no-charts --out o
expect_exit 0
present o/summary.csv
fs params --scenario "$d/情景.ini"
expect_exit 0
grep -F 'cap ' fs.out | grep -qF '基础情景.ini:2' || fail "params lost where [m1a] cap was set"
# an error names the whole path
scenario "$d/坏.ini" '[m1a]' 'capp = 1'
fs params --scenario "$d/坏.ini"
expect_exit 2
expect_err "$d/坏.ini:2: [m1a] capp: unknown key"
printf '%s\nF1,2026,2020,existing,1,100万,10,1000万,0,7\n' $h > "$d/坏.csv"
fs award --firms "$d/坏.csv" -o ledger.csv
expect_exit 2
expect_err "$d/坏.csv:2: column top100"
