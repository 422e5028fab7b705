/* test_sha256.c: the FIPS 180-4 / NIST example vectors, and the same
 * message fed in odd-sized pieces. */
#include "harness.h"
#include "sha256.h"

static void digest(const char *msg, size_t len, size_t piece, char hex[65])
{
  struct nx_sha256 c;
  nx_sha256_init(&c);
  for (size_t at = 0; at < len; at += piece)
    nx_sha256_add(&c, msg + at, len - at < piece ? len - at : piece);
  nx_sha256_hex(&c, hex);
}

int main(void)
{
  char hex[65];
  digest("", 0, 1, hex);
  STR_EQ(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
         "empty message");
  digest("abc", 3, 3, hex);
  STR_EQ(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
         "abc");
  const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
  digest(two, strlen(two), 56, hex);
  STR_EQ(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
         "448-bit message (padding spills into a second block)");
  digest(two, strlen(two), 7, hex);
  STR_EQ(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
         "the same in 7-byte pieces");
  static char million[1000000];
  memset(million, 'a', sizeof million);
  digest(million, sizeof million, 4099, hex);
  STR_EQ(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
         "one million 'a'");
  HARNESS_END();
}
