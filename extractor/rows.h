/* rows.h: tables drawn without '|', read by the kinds of their cells.
 *
 * table.h reads a table whose cells are between '|'. Real pages also
 * print a table one cell a line (a header of labels, then rows whose
 * cells break onto lines as the page's columns wrapped), one row a line
 * with the cells a space, a tab or a run of spaces apart, or one cell a
 * line with no header at all. This reader finds the rows of such a table
 * by what its cells hold, whatever the line breaks:
 *
 *  1. every line is cut into cells, each of one kind: a rating word, a
 *     broker, an amount of money ("$1.35", "99 c"), a percent, a date,
 *     a ticker in brackets, a bare number, or a run of words (the
 *     mentions the atoms found, and a few shapes read here);
 *  2. a header is a run of lines (or one line's words) that are labels of
 *     lists/table_columns.list, which gives each column its type; with no
 *     header, lines of the same sequence of kinds (three or more), or
 *     lines of one cell whose kinds repeat with a period, are rows, and a
 *     column's type is the kind its cells hold (a rating column, a price
 *     column; an amount is a target only when the header or the line
 *     above the table says "target");
 *  3. a row's cells are laid against the columns in order, each cell on
 *     the next column whose type takes its kind, and a new row starts at
 *     a line whose first cell no later column takes.
 *
 * A row becomes table.h's column marks: one per cell, covering the space
 * or the line breaks before it, so that the row is one line of the
 * mention text and the frames that read '|' tables read it unchanged.
 * Only rows with a rating, target, price or ticker cell get marks. */
#ifndef NX_ROWS_H
#define NX_ROWS_H

#include "rules.h"
#include "table.h"

#include <stddef.h>

/* Appends to 'out' the column marks of the tables of text[0, len) that
 * are not drawn with '|'. 'atoms' are the document's mentions (start,
 * end and mention code), sorted by start and not overlapping. Lines that
 * hold a '|' are table.h's and are left alone. */
void nx_rows_marks(const nx_ruleset *rs, const char *text, size_t len,
                   const struct nx_table_mark *atoms, size_t natoms,
                   struct nx_table_marks *out);

#endif /* NX_ROWS_H */
