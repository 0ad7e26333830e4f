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

/* A UTF-8 byte order mark (EF BB BF), the first bytes of a CSV file
 * written with --csv-bom: Excel and WPS then read it as UTF-8 rather than
 * the system's code page (GBK on a Chinese Windows), which garbles the
 * Chinese. Tools that read UTF-8 may take it for part of the first
 * header, so it is never the default; the files gnuplot reads (the
 * charts' CSV files) never get it. */
void csv_bom(FILE *f);

/* Write s (borrowed; NULL writes an empty field) as one CSV field; the
 * caller writes the separators. Write errors show in ferror(f). */
void csv_text(FILE *f, const char *s);

#endif
