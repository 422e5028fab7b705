/* decode.h: the bytes of a plain-text document as UTF-8. Text is read as
 * the encoding it is given (--encoding, or a WARC record's HTTP charset),
 * else as UTF-8 when it is, as UTF-16 after its byte order mark, and as
 * Windows-1252 when its non-ASCII bytes never form UTF-8 (a Latin-1 "£"
 * is one byte that UTF-8 would lose). What cannot be decoded becomes
 * U+FFFD and is counted, so that the CLI can say so. HTML is decoded by
 * libxml2 (html.c), which is given the same encoding. */
#ifndef NX_DECODE_H
#define NX_DECODE_H

#include "buf.h"

#include <stdbool.h>
#include <stddef.h>

/* True when iconv can decode 'encoding' (checked once, for --encoding). */
bool nx_decode_known(const char *encoding);

/* Decodes p[0, len), whose encoding is 'encoding' (an iconv name; NULL:
 * unknown, guessed as above). When the text needs no decoding (it is
 * UTF-8) out is left empty and *decoded false; else out holds the text as
 * UTF-8 (NUL bytes kept, for the text stage to drop). *replaced is the
 * number of bytes that became U+FFFD, *used the encoding read (a static
 * name, or 'encoding'). Returns NX_ETOOBIG at out's cap. */
nx_status nx_decode_text(const char *p, size_t len, const char *encoding,
                         struct nx_buf *out, bool *decoded, size_t *replaced,
                         const char **used);

#endif /* NX_DECODE_H */
