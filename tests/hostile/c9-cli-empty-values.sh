# Class 9: an empty option value was taken as given: --out "" named the
# working folder (or failed with ": cannot create the folder"), --firms ""
# and -o "" reached the file code. Every option that takes a value refuses
# an empty one (exit 2) naming the option; nothing is written.
for args in "run --out" "run --out=" "report --out" "run --reps" "run --seed" \
	"run --threads" "run --precision" "run --lang" "run --firms" "award --firms" \
	"award --entities" "award -o" "award --output" "params --scenario" "params --set" \
	"tornado --keys" "tornado --range" "sobol --n" "sobol --bootstrap"; do
	cmd=${args%% *}
	opt=${args#* }
	case $opt in
	*=) fs "$cmd" "$opt" ;;
	*) fs "$cmd" "$opt" "" ;;
	esac
	expect_exit 2
	expect_err "fundsim $cmd: ${opt%=}: the value is empty (expected "
	[ -z "$(ls -A | grep -v '^fs\.')" ] || fail "$args \"\" wrote: $(ls -A)"
done
fs diff "" builtin
expect_exit 2
expect_err "an empty argument"
