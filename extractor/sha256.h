/* sha256.h: SHA-256 (FIPS 180-4), for the rules hash that --provenance
 * and --version print. Written from the standard: glibc has no SHA, and
 * none of the libraries newsextract already links exports one. */
#ifndef NX_SHA256_H
#define NX_SHA256_H

#include <stddef.h>
#include <stdint.h>

struct nx_sha256 {
  uint32_t h[8];
  uint64_t bytes;         /* message length so far */
  unsigned char block[64];
  size_t used;            /* bytes waiting in block */
};

void nx_sha256_init(struct nx_sha256 *c);
void nx_sha256_add(struct nx_sha256 *c, const void *p, size_t len);
/* Writes the digest as 64 lower-case hex digits and a NUL into hex; c
 * must be initialised again before reuse. */
void nx_sha256_hex(struct nx_sha256 *c, char hex[65]);

#endif /* NX_SHA256_H */
