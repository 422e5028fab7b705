/* expr.h: field expressions of a rule ("canon(ratings, to)", "mw(num,
 * unit)", "\"upgrade\""): parse at load, resolve against the compiled
 * pattern, evaluate on each match. The grammar and functions are in
 * rules/README.md. */
#ifndef NX_EXPR_H
#define NX_EXPR_H

#include "rules_impl.h"

#include <stdbool.h>
#include <stdio.h>

/* Parses 'src'. Returns a new expression (free with nx_expr_free), or NULL
 * with a message and the 1-based column of the problem. */
struct nx_expr *nx_expr_parse(const char *src, char *msg, size_t msgsize,
                              unsigned *column);
void nx_expr_free(struct nx_expr *e); /* NULL is a no-op */

/* Binds group names to the numbers of 're' and list names to the lists of
 * 'rs'. False with a message when a group or list does not exist. */
bool nx_expr_resolve(struct nx_expr *e, const pcre2_code *re,
                     const nx_ruleset *rs, char *msg, size_t msgsize);

/* True when 'e' reads the group called 'name'. */
bool nx_expr_uses_group(const struct nx_expr *e, const char *name);

/* The value of 'e' for one match of subject (ovector 'ov' with 'pairs'
 * pairs): a new reference, or NULL for null. */
json_t *nx_expr_eval(const struct nx_expr *e, const char *subject,
                     const PCRE2_SIZE *ov, uint32_t pairs);

/* Writes the table of expressions and functions, in Markdown, to 'out':
 * rules/README.md holds the same table (--list-rules prints it). */
void nx_expr_functions_markdown(FILE *out);

/* A JSON number for v: an integer when v is whole, else a real. */
json_t *nx_json_number(double v);

#endif /* NX_EXPR_H */
