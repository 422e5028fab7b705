/* rules_impl.h: the inside of a ruleset, shared by the modules that run it
 * (match.c, record.c, selftest.c). Everything here is read-only after
 * nx_ruleset_compile. */
#ifndef NX_RULES_IMPL_H
#define NX_RULES_IMPL_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <jansson.h>
#include <pcre2.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "buf.h"
#include "keywords.h"
#include "rules.h"
#include "text.h"
#include "wordlist.h"

struct nx_gate;

enum nx_fn {
  FN_TEXT,     /* a group's text */
  FN_CONST,    /* a JSON constant */
  FN_UPPER,
  FN_LOWER,
  FN_TITLE,
  FN_NUMBER,
  FN_MONEY,
  FN_CURRENCY, /* through the "currencies" list */
  FN_MW,       /* through the "power_units" list; one or two arguments */
  FN_UNIT,     /* the canonical form from "power_units" */
  FN_CANON,    /* canon(LIST, e) */
  FN_CLASS,    /* class(LIST, e) */
  FN_IN,       /* in(LIST, e) */
  FN_FIRST,    /* first(e, e, ...) */
  FN_COMPARE,  /* compare(a, b, "if b > a", "if b < a") */
  FN_IF        /* if(e, "when e is a value", "when e is null or false") */
};

struct nx_expr {
  enum nx_fn fn;
  json_t *constant;        /* FN_CONST */
  char *group;             /* FN_TEXT: the group's name */
  uint32_t *numbers;       /* FN_TEXT: its group numbers (duplicate names) */
  size_t nnumbers;
  char *list_name;         /* FN_CANON, FN_CLASS, FN_IN */
  const nx_wordlist *list; /* resolved at compile; also FN_CURRENCY etc. */
  struct nx_expr **args;
  size_t nargs;
};

struct nx_field {
  char *name;
  char *source; /* the expression as written */
  unsigned line;
  struct nx_expr *expr;
};

struct nx_example {
  char *text;
  json_t *expect; /* an array of the records it gives, in any order;
                     NULL: the rule must not match */
  unsigned line;
};

/* A further "keywords" line of a rule. */
struct nx_also {
  char **words;
  size_t n;
  uint64_t *set; /* bit i: ruleset keyword id i is one of them */
};

/* The patterns a rule matches with. */
struct nx_codes {
  const pcre2_code *re, *veto, *anchor; /* veto, anchor may be NULL */
};

struct nx_rule {
  char *name, *file;
  unsigned line;
  char *type_name;
  size_t type; /* index into ruleset types */
  char *pattern, *veto, *anchor;
  unsigned pattern_line, veto_line, anchor_line;
  /* The column in its file of each line of pattern, veto and anchor,
   * 0-terminated: errors point into the file, not into the value. */
  unsigned *pattern_cols, *veto_cols, *anchor_cols;
  char **keywords; /* "keywords = a, b": words every match contains */
  size_t nkeywords;
  unsigned keywords_line;
  struct nx_also *also; /* further "keywords" lines: the match contains a
                         * word of each too */
  size_t nalso;
  uint64_t *keyword_set; /* bit i: ruleset keyword id i is one of them */
  /* re, veto_re and anchor_re are never JIT-compiled: a rule starts on
   * PCRE2's interpreter, and once it has searched NX_JIT_AFTER bytes of
   * text, JIT-compiled copies are made and published here. The only
   * state of a compiled ruleset that changes. */
  struct nx_codes interpreted;
  _Atomic(struct nx_codes *) jitted;
  atomic_size_t ran; /* bytes of text the rule searched, interpreted */
  pcre2_code *re, *veto_re, *anchor_re;
  struct nx_field *fields;
  size_t nfields;
  struct nx_example *examples;
  size_t nexamples;
  char *expanded; /* the pattern after {{name}} expansion (for the lint) */
  int not_entity; /* "entity = no": its records never name a company */
  int weak;       /* "weak = yes": yields to a duplicate from another rule */
  int anchor_paragraph; /* "anchor_scope = paragraph", else a sentence */
  int no_output;  /* "output = no": its records only name entities */
  int item;       /* "item = yes": its records name a list item's subject
                   * (a round-up's heading), which records in the item
                   * take with subject_from "item" */
  int topic;      /* "subject = topic": a record that names no company
                   * takes the first one its paragraph names (the
                   * paragraph's topic), not the nearest before it */
  /* "over = mentions": a frame. The pattern runs over the document's
   * mention text (mentions.h), where each mention found by the rules of a
   * mention type stands as one character, {{@TYPE}} in the pattern; its
   * groups and span are carried back to the text. */
  int over_mentions;
  char *split; /* "split = FIELD": a list of items there ("A, B and C")
                * gives one record per item */
  struct nx_gate *gate; /* a frame's: where it can match (gate.h) */
};

struct nx_inherit {
  char *field;
  char *list_name; /* NULL: from the document's entities */
  const nx_wordlist *list;
  pcre2_code *mention; /* finds the list's entries in text; run it as
                       * nx_lazy_jit(rs, mention, &mention_jit) */
  _Atomic(pcre2_code *) mention_jit;
};

struct nx_type {
  char *name, *file;
  unsigned line;
  int order;
  char **fields;
  size_t nfields;
  char *aggregate;
  char *exclude_field, *exclude_list_name;
  const nx_wordlist *exclude_list;
  /* "reject = FIELD in LIST": such a value of FIELD is no value (a broker
   * is not the company a rating is about); inheritance passes over it. */
  char *reject_field, *reject_list_name;
  const nx_wordlist *reject_list;
  char *link;
  struct nx_inherit *inherits;
  size_t ninherits;
  char **dedupe;
  size_t ndedupe;
  int overlap_keep;
  int declared; /* has a [type] section */
  int mention;  /* "mention = yes": records are mentions for frames, never
                 * written */
  unsigned mention_code; /* its character in mention texts (compile sets) */
  int written;  /* some rule of the type writes records (compile sets it) */
};

enum nx_cut_action {
  NX_CUT_DROP,
  NX_CUT_DROP_REST,
  NX_CUT_DROP_NEXT,
  NX_CUT_DROP_BLOCK /* up to where prose resumes (rules/README.md) */
};

struct nx_cut_example {
  char *text;
  int expect; /* 1: the cut must drop it, 0: keep it, -1: no expect yet */
  unsigned line;
};

struct nx_cut {
  char *name, *file;
  unsigned line;
  char *pattern;
  unsigned pattern_line;
  unsigned *pattern_cols; /* as in struct nx_rule */
  pcre2_code *re; /* run as nx_counted_jit(rs, re, &jitted, &runs) */
  _Atomic(pcre2_code *) jitted;
  atomic_size_t runs; /* paragraphs it was tried on */
  enum nx_cut_action action;
  unsigned next; /* NX_CUT_DROP_NEXT: how many paragraphs after */
  struct nx_cut_example *examples;
  size_t nexamples;
};

struct nx_define {
  char *name, *file;
  unsigned line;
  char *pattern;
  char *about; /* the comment lines just above its section, or NULL */
  int used; /* some pattern refers to it (set at compile; for the lint) */
  enum { NX_CALLABLE_UNKNOWN, NX_CALLABLE_YES, NX_CALLABLE_NO } callable;
  /* whether expand.c's called form may call it (it asks on first use) */
};

/* A file the ruleset was read from. */
struct nx_loaded {
  char *path;
  bool list; /* a word list, else a rule file */
};

/* A file of the rules hash: its name in the manifest and its bytes. */
struct nx_hashed {
  char *name;
  struct nx_buf bytes;
};

/* Something --check-rules tells the author about loading: a section that
 * replaced an earlier one of its name. */
struct nx_note {
  char *text;   /* "FILE:LINE: note: ..." or "...: warning: ..." */
  bool warning; /* the earlier one was in the same file: likely a slip */
};

struct nx_ruleset {
  struct nx_rule **rules;
  size_t nrules;
  struct nx_type **types;
  size_t ntypes;
  struct nx_cut **cuts;
  size_t ncuts;
  struct nx_define **defines;
  size_t ndefines;
  nx_wordlist **lists;
  size_t nlists;
  nx_abbrevs *abbrevs; /* lists/abbreviations.list, for the sentence finder
                        * (made at compile; NULL before) */
  uint32_t max_pairs; /* ovector pairs the largest pattern needs */
  nx_keywords *keywords; /* every rule's keywords, found in one scan */
  pcre2_code *any_cut;   /* every cut's pattern in one alternation, or
                          * NULL: most paragraphs pass one test, not all;
                          * run as nx_counted_jit(rs, any_cut,
                          * &any_cut_jit, &any_cut_runs) */
  _Atomic(pcre2_code *) any_cut_jit;
  atomic_size_t any_cut_runs;
  size_t nmention_types; /* types with "mention = yes" */
  bool has_frames;       /* some rule runs over mentions */
  struct nx_loaded *files; /* in the order read */
  size_t nfiles;
  size_t nbuiltin; /* files[0, nbuiltin) are the built-in rules */
  struct nx_note *notes;
  size_t nnotes;
  int compiled;
  int no_jit;
  /* Each file loaded, in load order, with the bytes that were parsed:
   * what nx_ruleset_hash hashes, only when something asks for it (most
   * runs never do, and hashing them cost 3% of a start) */
  struct nx_hashed *hashed;
  size_t nhashed;
};

/* True when 'path' (a rule's or list's file) is one of the built-in
 * rules (read before nx_ruleset_end_builtin). */
bool nx_ruleset_is_builtin(const nx_ruleset *rs, const char *path);

/* The list called 'name', or NULL. */
const nx_wordlist *nx_ruleset_list(const nx_ruleset *rs, const char *name);

/* The named groups of a compiled pattern: how many, and the i-th name. */
uint32_t nx_pattern_group_count(const pcre2_code *re);
const char *nx_pattern_group_name(const pcre2_code *re, uint32_t i);

/* 're' JIT-compiled: a copy made by the first caller that needs it and
 * published in *slot (a pattern that may never run on a document costs
 * nothing at start-up); 're' itself without JIT. Thread-safe. */
const pcre2_code *nx_lazy_jit(const nx_ruleset *rs, const pcre2_code *re,
                              _Atomic(pcre2_code *) *slot);

/* A cut (and the alternation of every cut) runs on PCRE2's interpreter
 * for its first NX_CUT_JIT_AFTER paragraphs, then JIT-compiled. JIT-
 * compiling the alternation costs what the interpreter spends on about
 * 220 paragraphs (callgrind: 41 million instructions; the interpreter
 * about 150,000 a paragraph more than JIT code), and a page has 50 to 100
 * of them: compiling it at load was 7% of start-up, and compiling each cut
 * on its first use a quarter of the work on one page after start-up. */
#define NX_CUT_JIT_AFTER 200u

/* 're' (a cut's) on the interpreter for the first NX_CUT_JIT_AFTER calls
 * counted in *runs, then nx_lazy_jit(rs, re, slot). Thread-safe. */
const pcre2_code *nx_counted_jit(const nx_ruleset *rs, const pcre2_code *re,
                                 _Atomic(pcre2_code *) *slot,
                                 atomic_size_t *runs);

/* The fewest characters a match of the rule's pattern can have. */
uint32_t nx_rule_min_length(const struct nx_rule *r);

/* A rule is JIT-compiled once it has searched this many bytes of text on
 * PCRE2's interpreter: what counts is the text it searched (the sentences
 * that hold its keywords, the lines or windows that hold a frame's
 * mentions), not the documents' length, so that a rule that runs on a
 * sentence or two of each general-news page is never compiled for nothing
 * (JIT-compiling every rule was a third of the instructions on 30 such
 * pages). One article through a pipe is still done without JIT; searched
 * windows are where patterns work hardest, so the mark is low: on
 * financial text a rule is compiled after its first few documents, as
 * before (measured with callgrind: 8 KiB cost 34% more instructions on a
 * round of the plain-text bench, 512 bytes 0.7%). */
#define NX_JIT_AFTER 512u

/* The patterns to run r with: the JIT-compiled copies once r has searched
 * NX_JIT_AFTER bytes (the first caller after that makes them; should two
 * threads race, one keeps its copies), else the interpreted ones.
 * Thread-safe. */
const struct nx_codes *nx_rule_codes(const nx_ruleset *rs,
                                     const struct nx_rule *r);

/* Counts 'bytes' more of text searched by r on the interpreter.
 * Thread-safe. */
void nx_rule_ran(const nx_ruleset *rs, const struct nx_rule *r, size_t bytes);

/* Frees a set of JIT-compiled copies (NULL is a no-op). */
void nx_codes_free(struct nx_codes *c);

/* r's JIT-compiled copies, made now if they are not yet; NULL without JIT
 * (--no-jit, or no memory). Thread-safe. */
const struct nx_codes *nx_rule_jit_codes(const nx_ruleset *rs,
                                         const struct nx_rule *r);

/* Mention types are written in mention texts as the private-use
 * characters U+E000 + mention_code, one UTF-8 sequence of 3 bytes each. */
#define NX_MENTION_BASE 0xE000u
#define NX_MENTION_MAX 256u

/* Index of the type called 'name', or (size_t)-1. */
size_t nx_ruleset_type_index(const nx_ruleset *rs, const char *name);

/* The field that names a type's subject (the one it links to a ticker or
 * inherits from entities), or NULL: its records carry no subject_from,
 * the field record finishing fills with where that subject came from. */
const char *nx_type_subject(const struct nx_type *t);

#endif /* NX_RULES_IMPL_H */
