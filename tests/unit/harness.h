/* harness.h: a tiny test harness (after cmark's api_test/harness.h). Each
 * check prints "ok - what" or "not ok - what (file:line)"; tests/run.sh
 * counts them, and the binary exits 1 when any failed. */
#ifndef NX_HARNESS_H
#define NX_HARNESS_H

#include <stdio.h>
#include <string.h>

static int harness_failed;

#define OK(cond, what)                                                         \
  do {                                                                         \
    if (cond)                                                                  \
      printf("ok - %s\n", what);                                               \
    else {                                                                     \
      printf("not ok - %s (%s:%d)\n", what, __FILE__, __LINE__);               \
      harness_failed = 1;                                                      \
    }                                                                          \
  } while (0)

#define STR_EQ(got, want, what)                                                \
  do {                                                                         \
    const char *g_ = (got), *w_ = (want);                                      \
    if (g_ && w_ && strcmp(g_, w_) == 0)                                       \
      printf("ok - %s\n", what);                                               \
    else {                                                                     \
      printf("not ok - %s (%s:%d): got \"%s\", want \"%s\"\n", what,          \
             __FILE__, __LINE__, g_ ? g_ : "(null)", w_ ? w_ : "(null)");      \
      harness_failed = 1;                                                      \
    }                                                                          \
  } while (0)

#define NUM_EQ(got, want, what)                                                \
  do {                                                                         \
    double g_ = (got), w_ = (want);                                            \
    double d_ = g_ > w_ ? g_ - w_ : w_ - g_;                                   \
    if (d_ <= 1e-9 * (w_ > 0 ? w_ : -w_) + 1e-12)                              \
      printf("ok - %s\n", what);                                               \
    else {                                                                     \
      printf("not ok - %s (%s:%d): got %.17g, want %.17g\n", what, __FILE__,  \
             __LINE__, g_, w_);                                                \
      harness_failed = 1;                                                      \
    }                                                                          \
  } while (0)

#define HARNESS_END() return harness_failed

#endif /* NX_HARNESS_H */
