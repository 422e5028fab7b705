/* gate_cset.c: the characters one item of a pattern matches (a literal,
 * an escape such as \p{Lu}, a class), for the reader of gate_read.h: its
 * ASCII characters, exactly or not, and how much outside ASCII. */
#include "gate_read_impl.h"

#include <stdlib.h>
#include <string.h>

static void cset_add(struct cset *c, unsigned ch) {
  c->asc[ch / 64] |= (uint64_t)1 << (ch % 64);
}

/* Adds each ASCII character of 'chars'. */
static void cset_add_chars(struct cset *c, const char *chars) {
  for (; *chars; chars++)
    cset_add(c, (unsigned char)*chars);
}

static void cset_some(struct cset *c) {
  if (c->nonascii == NONE)
    c->nonascii = SOME;
  bset_range(&c->lead, 0xC2, 0xF4);
}

static void cset_negate(struct cset *c) {
  if (!c->exact) {
    *c = cset_anything();
    return;
  }
  c->asc[0] = ~c->asc[0];
  c->asc[1] = ~c->asc[1];
  c->nonascii = c->nonascii == ALL ? NONE : c->nonascii == NONE ? ALL : SOME;
  memset(&c->lead, 0, sizeof c->lead);
  if (c->nonascii != NONE)
    bset_range(&c->lead, 0xC2, 0xF4);
}

void nx_cset_caseless(struct cset *c) {
  /* In asc[1], 'A'..'Z' are bits 1..26 and 'a'..'z' bits 33..58. */
  const uint64_t upper = ((uint64_t)1 << 27) - 2;
  uint64_t letters = (c->asc[1] | c->asc[1] >> 32) & upper;
  c->asc[1] |= letters | letters << 32;
  if (letters & ((uint64_t)1 << ('K' - 64) | (uint64_t)1 << ('S' - 64)))
    cset_some(c);
  if (c->nonascii != NONE)
    cset_some(c); /* another case may have another lead byte */
}

long nx_cset_read_hex(struct reader *rd) {
  char *end;
  if (*rd->p == '{') {
    long v = strtol(rd->p + 1, &end, 16);
    if (*end != '}' || end == rd->p + 1)
      return -1;
    rd->p = end + 1;
    return v;
  }
  char two[3] = {0};
  for (int i = 0; i < 2 && *rd->p && strchr("0123456789abcdefABCDEF", *rd->p);
       i++)
    two[i] = *rd->p++;
  return two[0] ? strtol(two, NULL, 16) : 0;
}

struct cset nx_cset_code_point(long cp) {
  struct cset c = {{0, 0}, true, NONE, {{0}, false}};
  if (cp < 0x80) {
    cset_add(&c, (unsigned)cp);
  } else {
    c.nonascii = SOME;
    bset_add(&c.lead, cp < 0x800     ? 0xC0 | (unsigned)(cp >> 6)
                      : cp < 0x10000 ? 0xE0 | (unsigned)(cp >> 12)
                                     : 0xF0 | (unsigned)(cp >> 18));
  }
  return c;
}

/* \p{NAME} or \pL, rd->p after the 'p' or 'P'. */
static struct cset property(struct reader *rd, bool negated) {
  char name[32] = {0};
  if (*rd->p == '{') {
    const char *close = strchr(rd->p, '}');
    if (close == NULL) {
      rd->bad = true;
      return cset_anything();
    }
    size_t n = (size_t)(close - rd->p - 1);
    memcpy(name, rd->p + 1, n < sizeof name - 1 ? n : sizeof name - 1);
    rd->p = close + 1;
  } else if (*rd->p) {
    name[0] = *rd->p++;
  }
  const char *nm = name;
  if (*nm == '^') {
    negated = !negated;
    nm++;
  }
  struct cset c = {{0, 0}, true, SOME, {{0}, false}};
  bset_range(&c.lead, 0xC2, 0xF4);
  if (strcmp(nm, "L") == 0 || strcmp(nm, "Lu") == 0 || strcmp(nm, "L&") == 0)
    for (unsigned ch = 'A'; ch <= 'Z'; ch++)
      cset_add(&c, ch);
  if (strcmp(nm, "L") == 0 || strcmp(nm, "Ll") == 0 || strcmp(nm, "L&") == 0)
    for (unsigned ch = 'a'; ch <= 'z'; ch++)
      cset_add(&c, ch);
  if (strcmp(nm, "N") == 0 || strcmp(nm, "Nd") == 0)
    for (unsigned ch = '0'; ch <= '9'; ch++)
      cset_add(&c, ch);
  bool known = strchr("LN", nm[0]) && nm[0] && strlen(nm) <= 2;
  if (!known) {
    /* Another property: its ASCII characters are not listed here. Only
     * whether it holds '\n' (Cc) is known for the general categories. */
    bool no_newline = nm[0] && strchr("MPSZ", nm[0]) && strlen(nm) <= 2;
    c = cset_anything();
    if (no_newline && !negated) {
      c.asc[0] &= ~((uint64_t)1 << '\n');
      return c;
    }
    return c;
  }
  if (negated)
    cset_negate(&c);
  return c;
}

struct cset nx_cset_escape(struct reader *rd, bool in_class, bool *other) {
  *other = false;
  struct cset c = {{0, 0}, true, NONE, {{0}, false}};
  char e = *rd->p++;
  switch (e) {
  case 'x': {
    long cp = nx_cset_read_hex(rd);
    if (cp < 0) {
      rd->bad = true;
      return cset_anything();
    }
    return nx_cset_code_point(cp);
  }
  case 'p':
  case 'P':
    return property(rd, e == 'P');
  case 'n':
    return nx_cset_code_point('\n');
  case 't':
    return nx_cset_code_point('\t');
  case 'r':
    return nx_cset_code_point('\r');
  case 'f':
    return nx_cset_code_point('\f');
  case 'e':
    return nx_cset_code_point(0x1B);
  case 'a':
    return nx_cset_code_point(0x07);
  case 'd':
  case 'D':
    for (unsigned ch = '0'; ch <= '9'; ch++)
      cset_add(&c, ch);
    break;
  case 'w':
  case 'W':
    for (unsigned ch = 0; ch < 128; ch++)
      if ((ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') ||
          (ch >= 'a' && ch <= 'z') || ch == '_')
        cset_add(&c, ch);
    break;
  case 's':
  case 'S':
    cset_add_chars(&c, " \t\n\v\f\r");
    break;
  case 'h':
  case 'H':
    cset_add_chars(&c, " \t");
    break;
  case 'v':
  case 'V':
    cset_add_chars(&c, "\n\v\f\r");
    break;
  case 'N':
    if (in_class)
      break;
    c = cset_anything();
    c.asc[0] &= ~((uint64_t)1 << '\n');
    c.exact = true;
    return c;
  case 'b':
    if (in_class)
      return nx_cset_code_point(0x08);
    *other = true;
    rd->p--;
    return c;
  case '\0':
    rd->bad = true;
    rd->p--;
    return cset_anything();
  default:
    if ((e >= '0' && e <= '9') || strchr("gkoRXCcQEBAzZGK", e)) {
      *other = true; /* handled by the caller */
      rd->p--;
      return c;
    }
    /* An escaped literal: punctuation, or a UTF-8 character. */
    rd->p--;
    unsigned char b = (unsigned char)*rd->p++;
    if (b < 0x80)
      return nx_cset_code_point(b);
    while ((*rd->p & 0xC0) == 0x80)
      rd->p++;
    c.nonascii = SOME;
    bset_add(&c.lead, b);
    return c;
  }
  /* \d \w \s \h \v match characters outside ASCII too (UCP); the upper
   * case forms are their complements. */
  c.nonascii = SOME;
  bset_range(&c.lead, 0xC2, 0xF4);
  if (e >= 'A' && e <= 'Z')
    cset_negate(&c);
  return c;
}

struct cset nx_cset_class(struct reader *rd) {
  bool negated = *rd->p == '^';
  if (negated)
    rd->p++;
  struct cset all = {{0, 0}, true, NONE, {{0}, false}};
  bool first = true;
  long prev = -1; /* the last single character, for a range */
  while (*rd->p && (*rd->p != ']' || first)) {
    first = false;
    if (rd->memo && rd->p[0] == '{' && rd->p[1] == '{') {
      rd->bad = true; /* a reference inside a class: not read here */
      return cset_anything();
    }
    struct cset one;
    long cp = -1;
    if (rd->p[0] == '[' && rd->p[1] == ':') {
      const char *e = strstr(rd->p, ":]");
      if (e == NULL) {
        rd->bad = true;
        return cset_anything();
      }
      one = cset_anything(); /* a POSIX class: not read here */
      rd->p = e + 2;
    } else if (*rd->p == '-' && prev >= 0 && rd->p[1] != ']' && rd->p[1]) {
      rd->p++;
      long hi = -1;
      if (*rd->p == '\\') {
        rd->p++;
        bool other;
        struct cset h = nx_cset_escape(rd, true, &other);
        if (!other && h.exact && h.nonascii == NONE) {
          for (unsigned ch = 0; ch < 128 && hi < 0; ch++)
            if (cset_has(&h, ch))
              hi = ch;
        } else if (!other && h.nonascii == SOME && h.asc[0] == 0 &&
                   h.asc[1] == 0) {
          hi = 0x10FFFF; /* a code point outside ASCII */
        }
      } else {
        unsigned char b = (unsigned char)*rd->p++;
        hi = b < 0x80 ? b : 0x10FFFF;
        while ((*rd->p & 0xC0) == 0x80)
          rd->p++;
      }
      one = (struct cset){{0, 0}, true, NONE, {{0}, false}};
      if (hi < 0) {
        one = cset_anything();
      } else {
        for (long ch = prev; ch <= hi && ch < 128; ch++)
          cset_add(&one, (unsigned)ch);
        if (hi >= 0x80)
          cset_some(&one);
      }
      prev = -1;
      cset_union(&all, &one);
      continue;
    } else if (*rd->p == '\\') {
      rd->p++;
      bool other;
      one = nx_cset_escape(rd, true, &other);
      if (other) { /* octal and the like: not read here */
        rd->p++;
        one = cset_anything();
      } else if (one.exact && one.nonascii == NONE) {
        int n = 0;
        for (unsigned ch = 0; ch < 128; ch++)
          if (cset_has(&one, ch)) {
            n++;
            cp = ch;
          }
        if (n != 1)
          cp = -1;
      } else if (one.nonascii == SOME && !one.asc[0] && !one.asc[1]) {
        cp = 0x80; /* a single character outside ASCII, for a range */
      }
    } else {
      unsigned char b = (unsigned char)*rd->p++;
      one = nx_cset_code_point(b);
      if (b >= 0x80) {
        one = (struct cset){{0, 0}, true, SOME, {{0}, false}};
        bset_add(&one.lead, b);
        while ((*rd->p & 0xC0) == 0x80)
          rd->p++;
      }
      cp = b < 0x80 ? b : 0x80;
    }
    if (cp >= 0x80)
      cp = 0x80; /* a range from it covers no ASCII */
    prev = cp;
    cset_union(&all, &one);
  }
  if (*rd->p != ']') {
    rd->bad = true;
    return cset_anything();
  }
  rd->p++;
  if (rd->caseless)
    nx_cset_caseless(&all);
  if (negated)
    cset_negate(&all);
  return all;
}
