# c6-csv.awk - read the CSV files fundsim wrote as a spreadsheet would and
# fail on any cell it would take for a formula (used by the c6-* cases).
# awk -v num=COL,COL,... -v col=COL -f c6-csv.awk FILE...
#  - every cell that starts with = + - @ tab or CR must be a plain number;
#  - the columns named in num must hold numbers (or "all", "within", or nothing);
#  - the cells of column col are printed, tab and CR shown as <TAB> <CR>.
# Exit 1 on the first bad cell, with file:record and the column.
function parse(rec,   i, c, f, inq, n) {
	n = 0; f = ""; inq = 0
	for (i = 1; i <= length(rec); i++) {
		c = substr(rec, i, 1)
		if (inq) {
			if (c == "\"") {
				if (substr(rec, i + 1, 1) == "\"") { f = f c; i++ } else inq = 0
			} else f = f c
		} else if (c == "\"") inq = 1
		else if (c == ",") { cell[++n] = f; f = "" }
		else f = f c
	}
	cell[++n] = f
	return n
}
function number(v) {
	return v ~ /^[+-]?([0-9]+|[0-9]*\.[0-9]+|[0-9]+\.[0-9]*)([eE][+-]?[0-9]+)?$/
}
BEGIN { nn = split(num, nums, ","); for (i = 1; i <= nn; i++) isnum[nums[i]] = 1 }
FNR == 1 { rec = ""; recno = 0 }
{
	rec = rec == "" ? $0 : rec "\n" $0
	t = rec
	if (gsub(/"/, "", t) % 2)
		next                    # a quoted cell goes on over the next line
	n = parse(rec)
	rec = ""
	if (++recno == 1) {
		for (i = 1; i <= n; i++) head[i] = cell[i]
		next
	}
	for (i = 1; i <= n; i++) {
		v = cell[i]
		if (v ~ /^[=+@\t\r-]/ && !number(v)) {
			printf "%s:%d: column %s starts a formula: %s\n", FILENAME, recno, head[i], v
			bad = 1; exit 1
		}
		if (isnum[head[i]] && !number(v) && v != "all" && v != "within" && v != "") {
			printf "%s:%d: column %s is not a number: %s\n", FILENAME, recno, head[i], v
			bad = 1; exit 1
		}
		if (head[i] == col) {
			gsub(/\t/, "<TAB>", v); gsub(/\r/, "<CR>", v)
			print v
		}
	}
}
END { exit bad }
