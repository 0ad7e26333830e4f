#!/bin/sh
# The workbook as LibreOffice prints it: the default run in Chinese, results.xlsx converted to
# PDF by LibreOffice (headless) and every page to PNG by pdftoppm, so that anyone can look at
# what a planner prints, and retake README's two screenshots. Not a test: make check never
# runs it (CI has no LibreOffice). make deps-docs installs what it needs.
# Usage: tests/workbook_shots.sh BINARY [OUTDIR [DOCS]]
#   OUTDIR (default out/workbook-shots): page-NN.png, every printed page of the book, and
#     results.xlsx, results.pdf beside them;
#   DOCS: also write DOCS/workbook-zh-headline.png (the first page: 概览) and
#     DOCS/workbook-zh-evaluation.png (the top of the first page of 绩效评估一), each cut
#     to its printed area.
# FUNDSIM_ARGS adds arguments to the run (e.g. FUNDSIM_ARGS="--reps 200" for a quick look).
bin=${1:-bin/fundsim}
out=${2:-out/workbook-shots}
docs=$3
for tool in libreoffice pdftoppm pdftotext; do
	command -v $tool > /dev/null ||
		{ echo "workbook_shots: no $tool: make deps-docs installs it" >&2; exit 2; }
done
[ -x "$bin" ] || { echo "workbook_shots: $bin: no such program (make)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out" || exit 1
rm -f "$out"/page-*.png
# shellcheck disable=SC2086
env -u LANGUAGE LANG=zh_CN.UTF-8 "$bin" run --lang zh --quiet --no-charts $FUNDSIM_ARGS \
	--out "$tmp/run" > "$tmp/log" 2>&1 || { cat "$tmp/log" >&2; exit 1; }
cp "$tmp/run/results.xlsx" "$out/results.xlsx"
# a profile of its own, so that a LibreOffice already open (or another copy of this
# script) neither blocks the conversion nor takes it over
libreoffice -env:UserInstallation="file://$tmp/profile" --headless --convert-to pdf \
	--outdir "$tmp" "$out/results.xlsx" > "$tmp/log" 2>&1 && [ -s "$tmp/results.pdf" ] ||
	{ cat "$tmp/log" >&2; echo "workbook_shots: LibreOffice wrote no PDF" >&2; exit 1; }
cp "$tmp/results.pdf" "$out/results.pdf"
pdftoppm -r 100 -png "$out/results.pdf" "$out/page" || exit 1
pages=$(ls "$out"/page-*.png | wc -l)
echo "workbook_shots: $pages pages of $out/results.xlsx in $out/page-*.png"
[ -n "$docs" ] || exit 0

# The page whose text has $1 first (pdftotext, page by page).
page_of() {
	p=1
	while [ "$p" -le "$pages" ]; do
		pdftotext -f "$p" -l "$p" -layout "$out/results.pdf" - 2> /dev/null | grep -q "$1" &&
			{ echo "$p"; return 0; }
		p=$((p + 1))
	done
	return 1
}
# Page $1 to $2, its width cut at $3 and its height at $4 (points of the A4 landscape page,
# 842 x 595): the printed area without the empty paper around it. 100 dpi, to keep each
# image under 300 KB.
shot() {
	r=100
	pdftoppm -f "$1" -l "$1" -r $r -x 0 -y 0 -W $(($3 * r / 72)) -H $(($4 * r / 72)) -png \
		-singlefile "$out/results.pdf" "${2%.png}" || exit 1
	echo "workbook_shots: $2 (page $1)"
}
head=$(page_of "资金需求测算") || { echo "workbook_shots: no headline page" >&2; exit 1; }
eval=$(page_of "投入经济性") || { echo "workbook_shots: no 投入经济性 page" >&2; exit 1; }
shot "$head" "$docs/workbook-zh-headline.png" 842 360
shot "$eval" "$docs/workbook-zh-evaluation.png" 842 420
