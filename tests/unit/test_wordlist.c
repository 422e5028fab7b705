/* test_wordlist.c: a list's pattern (a prefix tree) matches what the flat,
 * longest-first alternation of its forms matches, at every position of a
 * text, in and out of (?i): random lists and texts over an alphabet of
 * case variants (ASCII, accented, and the three sigmas), spaces,
 * punctuation and the two non-ASCII characters that caseless matching
 * pairs with ASCII letters. */
#include "harness.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include "testlist.h"
#include "wordlist.h"

#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static const char *const alphabet[] = {
    "a", "A", "b", "B", "k", "K", "s", "S", " ", ".", "-",
    "\xC3\xA9",     /* e acute */
    "\xC3\x89",     /* E acute */
    "\xCF\x83", "\xCF\x82", "\xCE\xA3", /* sigma, final sigma, Sigma */
    "\xE2\x84\xAA", /* KELVIN SIGN, caselessly k */
    "\xC5\xBF"};    /* LONG S, caselessly s */
#define NALPHA (sizeof alphabet / sizeof *alphabet)

static unsigned seed = 12345;
static unsigned next_random(void)
{
  seed = seed * 1103515245u + 12345u;
  return (seed >> 16) & 0x7FFF;
}

/* A random form of 1 to 5 characters, no space at either end. */
static void random_form(char *out, size_t cap)
{
  size_t n = 1 + next_random() % 5, len = 0;
  out[0] = '\0';
  for (size_t i = 0; i < n; i++) {
    const char *c = alphabet[next_random() % NALPHA];
    if (*c == ' ' && (i == 0 || i == n - 1))
      c = "a";
    if (len + strlen(c) + 1 < cap) {
      strcat(out, c);
      len += strlen(c);
    }
  }
}

static int longer_first(const void *a, const void *b)
{
  const char *x = *(const char *const *)a, *y = *(const char *const *)b;
  size_t lx = strlen(x), ly = strlen(y);
  if (lx != ly)
    return lx < ly ? 1 : -1;
  return strcmp(x, y);
}

/* The flat alternation, escaped as wordlist.c escapes a character. */
static void flat_pattern(char **forms, size_t n, struct nx_buf *out)
{
  qsort(forms, n, sizeof *forms, longer_first);
  nx_buf_adds(out, "(?:");
  for (size_t i = 0; i < n; i++) {
    if (i)
      nx_buf_addc(out, '|');
    for (const unsigned char *c = (const unsigned char *)forms[i]; *c; c++) {
      if (*c == ' ')
        nx_buf_adds(out, "\\s+");
      else if (*c >= 0x80 || (*c >= '0' && *c <= '9') ||
               ((*c | 0x20) >= 'a' && (*c | 0x20) <= 'z'))
        nx_buf_addc(out, (char)*c);
      else {
        nx_buf_addc(out, '\\');
        nx_buf_addc(out, (char)*c);
      }
    }
  }
  nx_buf_addc(out, ')');
}

static pcre2_code *compile(const char *body, bool caseless)
{
  char pat[65536];
  snprintf(pat, sizeof pat, caseless ? "(?i:%s)" : "%s", body);
  int err;
  PCRE2_SIZE off;
  return pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED,
                       PCRE2_UTF | PCRE2_UCP | PCRE2_EXTENDED, &err, &off,
                       NULL);
}

/* Where a match anchored at 'at' ends, or -1. */
static long match_end(pcre2_code *re, const char *text, size_t at,
                      pcre2_match_data *md)
{
  int rc = pcre2_match(re, (PCRE2_SPTR)text, strlen(text), at,
                       PCRE2_ANCHORED, md, NULL);
  return rc < 0 ? -1 : (long)pcre2_get_ovector_pointer(md)[1];
}

static nx_wordlist *load_text(const char *text, struct nx_error *err)
{
  return test_list("t", text, err);
}

static const char *value_of(const nx_wordlist *wl, const char *s)
{
  const struct nx_word *w = nx_wordlist_find(wl, s, strlen(s));
  return w ? (w->value ? w->value : w->canon) : "(none)";
}

/* Issue 13 items 9 and 10: exact forms, collisions, extending. */
static void test_exact_and_extend(void)
{
  struct nx_error err;
  nx_wordlist *wl =
      load_text("# currencies\n\u00a3 | GBP | pounds => GBP\n"
                "p | pence | =GBp | GBX => GBX\n",
                &err);
  OK(wl != NULL, "an exact form beside a caseless one loads");
  STR_EQ(value_of(wl, "GBp"), "GBX", "'GBp' is pence: the exact form wins");
  STR_EQ(value_of(wl, "GBP"), "GBP", "'GBP' is pounds");
  STR_EQ(value_of(wl, "gbp"), "GBP", "'gbp' folds to pounds");
  STR_EQ(value_of(wl, "Pence"), "GBX", "caseless forms stay caseless");
  struct nx_buf pat;
  nx_buf_init(&pat, 0);
  nx_wordlist_pattern(wl, &pat);
  pcre2_code *re = compile(pat.data, 1);
  pcre2_match_data *md = pcre2_match_data_create(4, NULL);
  OK(re && match_end(re, "GBp", 0, md) == 3 &&
         match_end(re, "gBp", 0, md) == 3 && match_end(re, "GBP", 0, md) == 3,
     "in (?i) the pattern still finds the caseless forms");
  nx_wordlist_free(wl);
  pcre2_code_free(re);
  nx_buf_free(&pat);

  wl = load_text("GBP | pounds => GBP\npence | GBp => GBX\n", &err);
  OK(wl == NULL && err.line == 2 && strstr(err.text, "'GBp' is 'GBP'"),
     "forms of two entries that fold alike are a load error at the second");
  if (wl == NULL)
    printf("# %s\n", err.text);
  nx_wordlist_free(wl);
  wl = load_text("sign up | signup\n", &err);
  OK(wl != NULL, "forms of one entry may fold alike");
  nx_wordlist_free(wl);

  nx_wordlist *base = load_text("Needham | Needham & Co\nJefferies\n", &err);
  nx_wordlist *more =
      load_text("Jefferies\nNuvama | Nuvama Institutional Equities\n", &err);
  OK(base && more && !nx_wordlist_replaces(more) &&
         nx_wordlist_extend(base, more, &err) == NX_OK,
     "a list extends another; a line both have is no collision");
  STR_EQ(value_of(base, "Needham & Co"), "Needham", "the first list's entry");
  STR_EQ(value_of(base, "Nuvama Institutional Equities"), "Nuvama",
         "the second list's entry");
  OK(nx_wordlist_nforms(base) == 5, "the shared line is added once");
  nx_wordlist_pattern(base, &pat);
  OK(strstr(pat.data, "uvama") != NULL, "the pattern has the new forms");
  nx_buf_free(&pat);
  nx_wordlist_free(more);
  more = load_text("needham => X\n", &err);
  OK(more && nx_wordlist_extend(base, more, &err) == NX_ESYNTAX &&
         strstr(err.text, "'needham' is 'Needham'"),
     "an extension that collides with the list is an error");
  nx_wordlist_free(more);
  more = load_text("!replace\nNuvama\n", &err);
  OK(more && nx_wordlist_replaces(more) && nx_wordlist_nforms(more) == 1,
     "'!replace' marks a list that replaces, and is no entry");
  nx_wordlist_free(more);
  nx_wordlist_free(base);
  pcre2_match_data_free(md);
}

int main(void)
{
  test_exact_and_extend();
  int lists = 0, differ = 0, bad_compile = 0;
  for (int round = 0; round < 300; round++) {
    char path[] = "/tmp/nx-test-wordlist-XXXXXX";
    int fd = mkstemp(path);
    char *forms[40];
    size_t n = 2 + next_random() % 30;
    struct nx_buf file;
    nx_buf_init(&file, 0);
    for (size_t i = 0; i < n; i++) {
      char form[64];
      random_form(form, sizeof form);
      forms[i] = strdup(form);
      /* One entry: forms of different entries may not fold alike. */
      nx_buf_adds(&file, i ? " | " : "");
      nx_buf_adds(&file, form);
    }
    nx_buf_addc(&file, '\n');
    if (fd < 0 || write(fd, file.data, file.len) < 0)
      return 1;
    close(fd);
    nx_wordlist *wl = NULL;
    struct nx_error err;
    nx_status st = nx_wordlist_load(path, "t", &wl, &err);
    unlink(path);
    if (st != NX_OK) { /* e.g. every line a '-' only: nothing to test */
      for (size_t i = 0; i < n; i++)
        free(forms[i]);
      nx_buf_free(&file);
      continue;
    }
    struct nx_buf tree, flat;
    nx_buf_init(&tree, 0);
    nx_buf_init(&flat, 0);
    nx_wordlist_pattern(wl, &tree);
    flat_pattern(forms, n, &flat);
    for (int caseless = 0; caseless < 2; caseless++) {
      pcre2_code *t = compile(tree.data, caseless);
      pcre2_code *f = compile(flat.data, caseless);
      if (!t || !f) {
        bad_compile++;
      } else {
        pcre2_match_data *md = pcre2_match_data_create(4, NULL);
        for (int k = 0; k < 20; k++) {
          char text[256] = "";
          for (int w = 0; w < 6; w++) { /* forms and noise, any case */
            char piece[64];
            if (next_random() % 2)
              snprintf(piece, sizeof piece, "%s", forms[next_random() % n]);
            else
              random_form(piece, sizeof piece);
            strncat(text, piece, sizeof text - strlen(text) - 2);
            strcat(text, next_random() % 3 ? "" : " ");
          }
          for (size_t at = 0; text[at]; at++)
            if (((unsigned char)text[at] & 0xC0) != 0x80 &&
                match_end(t, text, at, md) != match_end(f, text, at, md))
              differ++;
        }
        pcre2_match_data_free(md);
      }
      pcre2_code_free(t);
      pcre2_code_free(f);
    }
    lists++;
    nx_buf_free(&tree);
    nx_buf_free(&flat);
    nx_buf_free(&file);
    nx_wordlist_free(wl);
    for (size_t i = 0; i < n; i++)
      free(forms[i]);
  }
  printf("# %d random lists\n", lists);
  OK(lists > 200, "most random lists load");
  OK(bad_compile == 0, "both patterns compile for every list");
  OK(differ == 0, "the tree matches as the flat alternation, at every "
     "position, in and out of (?i)");
  HARNESS_END();
}
