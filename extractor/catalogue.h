/* catalogue.h: --list-rules. What a new rule can reuse from the rules
 * loaded (definitions, mention types, word lists) and the functions its
 * fields can call, as Markdown. rules/README.md holds the built-in
 * catalogue; tests/cli/rule-catalogue.sh checks that it is this output. */
#ifndef NX_CATALOGUE_H
#define NX_CATALOGUE_H

#include "rules.h"

#include <stdio.h>

/* Writes the catalogue of a compiled ruleset to 'out'. Files of the
 * built-in rules are named relative to their directory, so the output
 * does not depend on where the rules are installed. */
void nx_catalogue_write(const nx_ruleset *rs, FILE *out);

#endif /* NX_CATALOGUE_H */
