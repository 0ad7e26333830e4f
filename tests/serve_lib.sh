# serve_lib.sh - `fundsim serve` started for a test, sourced by tests/serve.sh,
# tests/serve_browser.sh and tests/i18n.sh.
#
# serve_start OUT COMMAND...: runs COMMAND --port 0 (fundsim serve and its options, after
# env and its settings if need be) in the background, stdout into OUT.out, stderr into
# OUT.err, and waits for the address it prints once its base run is done. Sets pid, url
# (with its ?token=), port and tok. Returns 1, having printed both files, when serve exits
# first or prints nothing in 120 s. OUT's files of an earlier serve are removed first: the
# wait below would otherwise read that serve's address before the new one truncates them.
# serve_stop: Ctrl-C to it (as a person stops it); its exit code in serve_rc; pid emptied.
serve_start() {
	_out=$1
	shift
	rm -f "$_out.out" "$_out.err"
	"$@" --port 0 > "$_out.out" 2> "$_out.err" &
	pid=$!
	_i=0
	while ! grep -q 'http://' "$_out.out" 2> /dev/null; do
		_i=$((_i + 1))
		if [ $_i -gt 600 ] || ! kill -0 "$pid" 2> /dev/null; then
			echo "serve did not print its address:"
			cat "$_out.out" "$_out.err"
			return 1
		fi
		sleep 0.2
	done
	url=$(grep -o 'http://[^ ]*' "$_out.out")
	port=$(echo "$url" | sed 's|http://[^/]*:\([0-9]*\)/.*|\1|')
	tok=${url##*token=}
}

serve_stop() {
	kill -INT "$pid"
	_i=0
	while kill -0 "$pid" 2> /dev/null && [ $_i -lt 100 ]; do
		sleep 0.1
		_i=$((_i + 1))
	done
	wait "$pid"
	serve_rc=$?
	pid=
}
