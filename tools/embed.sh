#!/bin/sh
# embed.sh - files compiled into fundsim as C byte arrays, so that it runs from any folder.
#
#   tools/embed.sh scenario OUT.c FILE.ini    the built-in scenario (scenario.h:
#                                             scenario_builtin_name, scenario_builtin_text)
#   tools/embed.sh assets OUT.c FILE...        the files fundsim serve sends (serve.h:
#                                             serve_asset), each by its base name
#   tools/embed.sh charts OUT.c NAME.gp...    the chart scripts (charts.h: chart_script);
#                                             plots/NAME.gp is chart kind CHART_<NAME>, a
#                                             trailing "_chart" dropped (sweep_chart.gp is
#                                             CHART_SWEEP); a script without its kind, or
#                                             a kind without its script, does not compile
#
# Each array is the file's bytes and a NUL. The Makefile lists this script as a prerequisite
# of what it generates, so a change here or to any input regenerates it. OUT.c appears whole
# (written beside it, then renamed).
set -eu
usage() {
	echo "usage: $0 scenario OUT.c FILE.ini | charts OUT.c FILE.gp... | assets OUT.c FILE..." >&2
	exit 2
}
[ $# -ge 3 ] || usage
kind=$1
out=$2
shift 2
trap 'rm -f "$out.tmp"' EXIT

# The bytes of file $1 as a C initializer, 16 to a line, ending in a NUL.
bytes() {
	od -An -v -tx1 "$1" | sed 's/ *\([0-9a-f][0-9a-f]\)/0x\1,/g'
	echo '0x00};'
}

# The C name of a chart script: its file name without .gp, which must be one.
ident() {
	n=$(basename "$1" .gp)
	case $n in
	'' | [0-9]* | *[!a-z0-9_]*) echo "$0: $1: \"$n\" is not a chart name ([a-z0-9_])" >&2; exit 1 ;;
	esac
	echo "$n"
}

case $kind in
scenario)
	[ $# = 1 ] || usage
	{
		echo "/* generated from $1 by tools/embed.sh: do not edit */"
		echo '#include "scenario.h"'
		echo "const char scenario_builtin_name[] = \"$(basename "$1")\";"
		echo 'static const unsigned char text[] = {'
		bytes "$1"
		echo 'const char *scenario_builtin_text(void) { return (const char *)text; }'
	} > "$out.tmp"
	;;
charts)
	dup=$(for f; do basename "$f" .gp; done | sed 's/_chart$//' | sort | uniq -d)
	if [ -n "$dup" ]; then
		echo "$0: two scripts for the chart kind \"$dup\"" >&2
		exit 1
	fi
	{
		echo "/* generated from $* by tools/embed.sh: do not edit */"
		echo '#include "charts.h"'
		for f; do
			n=$(ident "$f")
			echo "static const unsigned char gp_$n[] = {"
			bytes "$f"
		done
		echo 'const char *chart_script(enum chart_kind k)'
		echo '{'
		echo '	static const unsigned char *const gp[N_CHART_KINDS] = {'
		for f; do
			n=$(ident "$f")
			echo "		[CHART_$(echo "${n%_chart}" | tr a-z A-Z)] = gp_$n,"
		done
		echo '	};'
		echo '	return (const char *)gp[k];'
		echo '}'
		echo "_Static_assert(N_CHART_KINDS == $#, \"one script in plots/ for each chart kind\");"
	} > "$out.tmp"
	;;
assets)
	{
		echo "/* generated from $* by tools/embed.sh: do not edit */"
		echo '#include <string.h>'
		echo '#include "serve.h"'
		k=0
		for f; do
			echo "static const unsigned char asset_$k[] = {"
			bytes "$f"
			k=$((k + 1))
		done
		echo 'static const struct { const char *name; const unsigned char *p; size_t n; } assets[] = {'
		k=0
		for f; do
			n=$(basename "$f")
			case $n in *[!A-Za-z0-9._-]*) echo "$0: $f: a name of [A-Za-z0-9._-] only" >&2; exit 1 ;; esac
			echo "	{\"$n\", asset_$k, sizeof asset_$k - 1},"
			k=$((k + 1))
		done
		echo '};'
		echo 'const unsigned char *serve_asset(const char *name, size_t *len)'
		echo '{'
		echo '	for (size_t i = 0; i < sizeof assets / sizeof assets[0]; i++)'
		echo '		if (strcmp(name, assets[i].name) == 0) {'
		echo '			*len = assets[i].n;'
		echo '			return assets[i].p;'
		echo '		}'
		echo '	return NULL;'
		echo '}'
	} > "$out.tmp"
	;;
*)
	usage
	;;
esac
mv "$out.tmp" "$out"
