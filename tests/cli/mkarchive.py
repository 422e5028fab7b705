"""Writes an archive with libarchive itself (through ctypes), for formats
Python cannot write: mkarchive.py FORMAT[+FILTER] OUT NAME=FILE...
FORMAT is 7zip, cpio, tar, ustar or zip; FILTER gzip, bzip2, xz or zstd. A NAME
may hold any bytes (give them as \\xHH)."""
import ctypes
import ctypes.util
import sys

lib = ctypes.CDLL(ctypes.util.find_library("archive") or "libarchive.so.13")
lib.archive_write_new.restype = ctypes.c_void_p
lib.archive_entry_new.restype = ctypes.c_void_p
for f in ("archive_write_set_format_7zip", "archive_write_set_format_cpio_newc",
          "archive_write_set_format_pax_restricted",
          "archive_write_set_format_ustar", "archive_write_set_format_zip",
          "archive_write_add_filter_gzip", "archive_write_add_filter_bzip2",
          "archive_write_add_filter_xz", "archive_write_add_filter_zstd",
          "archive_write_close", "archive_write_free"):
    getattr(lib, f).argtypes = [ctypes.c_void_p]
lib.archive_write_open_filename.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
lib.archive_write_header.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
lib.archive_write_data.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t]
lib.archive_write_data.restype = ctypes.c_ssize_t
lib.archive_error_string.argtypes = [ctypes.c_void_p]
lib.archive_error_string.restype = ctypes.c_char_p
lib.archive_entry_set_pathname.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
lib.archive_entry_set_size.argtypes = [ctypes.c_void_p, ctypes.c_int64]
lib.archive_entry_set_filetype.argtypes = [ctypes.c_void_p, ctypes.c_uint]
lib.archive_entry_set_perm.argtypes = [ctypes.c_void_p, ctypes.c_uint]
lib.archive_entry_free.argtypes = [ctypes.c_void_p]

FORMATS = {"7zip": lib.archive_write_set_format_7zip,
           "cpio": lib.archive_write_set_format_cpio_newc,
           "tar": lib.archive_write_set_format_pax_restricted,
           "ustar": lib.archive_write_set_format_ustar,  # names as raw bytes
           "zip": lib.archive_write_set_format_zip}


def check(a, rc):
    if rc < 0:
        sys.exit("mkarchive: %s" % lib.archive_error_string(a))


def main():
    fmt, _, filt = sys.argv[1].partition("+")
    a = lib.archive_write_new()
    check(a, FORMATS[fmt](a))
    if filt:
        check(a, getattr(lib, "archive_write_add_filter_" + filt)(a))
    check(a, lib.archive_write_open_filename(a, sys.argv[2].encode()))
    for arg in sys.argv[3:]:
        name, _, path = arg.partition("=")
        data = open(path, "rb").read()
        e = lib.archive_entry_new()
        lib.archive_entry_set_pathname(e, name.encode().decode("unicode_escape").encode("latin-1"))
        lib.archive_entry_set_size(e, len(data))
        lib.archive_entry_set_filetype(e, 0o100000)
        lib.archive_entry_set_perm(e, 0o644)
        check(a, lib.archive_write_header(a, e))
        if data:
            check(a, lib.archive_write_data(a, data, len(data)))
        lib.archive_entry_free(e)
    check(a, lib.archive_write_close(a))
    lib.archive_write_free(a)


main()
