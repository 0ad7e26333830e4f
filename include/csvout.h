/* csvout.h - text fields of the CSV files fundsim writes, safe to open
 * in a spreadsheet (Excel, WPS, LibreOffice).
 *
 * A field whose text came from an input (firm and entity ids, scenario
 * names, reasons, labels) could hold a formula: "=HYPERLINK(...)" runs
 * when the file is opened. Following OWASP's CSV-injection guidance, a
 * field that starts with = + - @ tab, CR or LF gets a single quote in
 * front, so the spreadsheet shows it as text; a field that holds a comma,
 * semicolon, quote or line break is written in double quotes with quotes
 * doubled (RFC 4180), so no text can start a cell of its own. A field
 * that is a plain decimal number ("-5.00", "12", "1e3") is written as it
 * is: numbers stay numbers. Numeric columns are written with printf and
 * never pass through here. */
#ifndef FUNDSIM_CSVOUT_H
#define FUNDSIM_CSVOUT_H

#include <stdio.h>

/* Write s (borrowed; NULL writes an empty field) as one CSV field; the
 * caller writes the separators. Write errors show in ferror(f). */
void csv_text(FILE *f, const char *s);

#endif
