# Class 7: "[m1a] cap = 200万" on one line: inih took the header and
# dropped the key, so the run used the default cap without a word.
scenario evil.ini '[scenario]' 'name = evil' '[m1a] cap = 200万' 'rate = 6%'
fs run evil.ini --reps 20 --quiet --no-charts --out o
expect_exit 2
expect_err 'evil.ini:3: text after the section header "[m1a]": "cap = 200万"'
expect_err 'put each key on its own line'
absent o/summary.csv
# a comment after a header is still fine
scenario ok.ini '[m1a] ; the cap' 'cap = 200万'
fs params --scenario ok.ini
expect_exit 0
