/* rules.h: load rule files and word lists, and compile their patterns.
 *
 * A ruleset is immutable once loaded, so threads share it; match.h holds
 * the per-thread state. The format is documented in rules/README.md. */
#ifndef NX_RULES_H
#define NX_RULES_H

#include "nx.h"

#include <stdbool.h>

typedef struct nx_ruleset nx_ruleset; /* opaque */

/* Starts an empty ruleset; add paths to it, then compile it. */
nx_ruleset *nx_ruleset_new(void);
void nx_ruleset_free(nx_ruleset *rs); /* NULL is a no-op */

/* Adds a rule file, or a directory: its lists/ *.list files and its
 * *.rules files in name order. A section named like an earlier one
 * replaces it. A directory with neither, a file in it that looks like a
 * rule file but is not named *.rules, or a word list beside the rule
 * files instead of in lists/ is an error: such files would be passed
 * over without a word. */
nx_status nx_ruleset_add_path(nx_ruleset *rs, const char *path,
                              struct nx_error *err);

/* Marks every file added so far as built-in: --check-rules lists the
 * files added later one by one, and says when one of their sections
 * replaces a built-in one. */
void nx_ruleset_end_builtin(nx_ruleset *rs);

/* Adds rule text held in memory, named 'name' in errors (its lists come
 * from the paths added before). For tests and fuzzing. */
nx_status nx_ruleset_add_memory(nx_ruleset *rs, const char *name,
                                const char *p, size_t len,
                                struct nx_error *err);

/* Turns JIT compilation off for the next compile (valgrind cannot follow
 * JIT code; the interpreter gives the same answers, slower). */
void nx_ruleset_set_jit(nx_ruleset *rs, bool jit);

/* Expands shared definitions and lists, compiles every pattern (with JIT
 * where it is available) and resolves field expressions. Call once, after
 * the last add. Errors name FILE:LINE[:COLUMN]. */
nx_status nx_ruleset_compile(nx_ruleset *rs, struct nx_error *err);

/* The record types a document object holds arrays of, in output order:
 * the name of the i-th, or NULL past the last. A compiled ruleset only. */
const char *nx_ruleset_record_type(const nx_ruleset *rs, size_t i);

/* The rules' identity, for provenance: the SHA-256, as 64 lower-case hex
 * digits, of one line "HEX  NAME\n" per rule file and list in load order,
 * where HEX is the file's own SHA-256 and NAME its path below the path it
 * was loaded through ("ratings.rules", "lists/brokers.list"; a rule file
 * given alone: its file name). Install paths do not enter it, so the same
 * rules give the same hash on every machine; rules loaded from memory
 * count under the name they were given. Returns the number of files. */
size_t nx_ruleset_hash(const nx_ruleset *rs, char hex[65]);

#endif /* NX_RULES_H */
