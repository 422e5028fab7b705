/* table.h: tables read by their header.
 *
 * A table reaches the text one row a line, its cells between '|' (html.c
 * writes an HTML table so; plain-text and markdown tables are so
 * already). A header row names its columns with the words of
 * lists/table_columns.list, whose value is the mention type of the column
 * ("Broker | Brokerage | Firm => COL_BROKER"). Each body row under it
 * gets a column mark for every cell: a mention of the column's type (for
 * a column the header does not name, the type of the list's entry "*")
 * that covers the '|' before the cell, or is empty at the start of a row
 * without a leading '|'. So every row starts with a mark, where a frame
 * starts, and a frame reads a row by its marks, whatever the order of the
 * columns (rules/README.md, "Structure as evidence").
 *
 * A row whose cells carry their own labels ("ITC | Brokerage: Kestrel |
 * Target price: Rs 465") needs no header: a labelled cell's mark covers
 * its '|' and its label, and an unlabelled first cell is the row's
 * subject, marked with the type of the list's word "company". */
#ifndef NX_TABLE_H
#define NX_TABLE_H

#include "nx.h"
#include "rules.h"

#include <stddef.h>

struct nx_table_mark {
  size_t start, end; /* its span in the text; start == end at a row start */
  unsigned code;     /* the mention code of the column's type */
};

struct nx_table_marks {
  struct nx_table_mark *v;
  size_t n, cap;
};

/* Appends to 'out' the column marks of every table of text[0, len), in
 * text order. Nothing when the ruleset has no "table_columns" list. */
void nx_table_marks(const nx_ruleset *rs, const char *text, size_t len,
                    struct nx_table_marks *out);

void nx_table_marks_free(struct nx_table_marks *m);

/* Appends one mark to 'out' (rows.h adds the marks of the tables it
 * reads). */
void nx_table_mark_add(struct nx_table_marks *out, size_t start, size_t end,
                       unsigned code);

/* Checks that every value of the "table_columns" list names a mention
 * type (called when a ruleset is compiled). */
nx_status nx_table_check(const nx_ruleset *rs, struct nx_error *err);

#endif /* NX_TABLE_H */
