/* The wprintf family, putwchar, fputwc and fputws in the C locale, as glibc: a stream gets ASCII
   as it is, other characters as the locale's transliteration or '?'; swprintf keeps them; a
   byte of %s above 0x7F fails with EILSEQ; a text that does not fit swprintf's buffer is -1. */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <wchar.h>

static int failures;

#define CHECK(expected, expr)                                                          \
  do {                                                                                 \
    int expected_ = (expected), actual_ = (expr);                                      \
    if (expected_ != actual_) {                                                        \
      wprintf(L"line %d: %s => %d, expected %d\n", __LINE__, #expr, actual_, expected_); \
      failures++;                                                                      \
    }                                                                                  \
  } while (0)

static int wrapped(wchar_t *buf, size_t n, const wchar_t *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vswprintf(buf, n, fmt, ap);
  va_end(ap);
  return r;
}

static int shout(const wchar_t *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vwprintf(fmt, ap);
  va_end(ap);
  return r;
}

static int whisper(const wchar_t *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vfwprintf(stderr, fmt, ap);
  va_end(ap);
  return r;
}

int main(void) {
  wchar_t buf[64];
  int n = -1;

  // numbers, through every flag, width, precision and size
  CHECK(48, wprintf(L"[%d|%5i|%-5d|%05d|%+d|% d|%.3d|%*d|%-*d|%.*d]\n", -42, 7, 7, -7, 7, 7, 7, 4, 1, -4, 2, 3, 5));
  wprintf(L"[%u|%x|%#X|%#o|%hhd|%hu|%ld|%lld|%llx|%zu|%jd|%td]\n", 4000000000u, 255u, 255u, 8u, 300, 70000,
          -5L, -1234567890123LL, 0xfedcba9876543210ULL, (size_t)12, (long long)-9, (ptrdiff_t)-3);
  wprintf(L"[%f|%.2f|%10.3e|%-10g|%G|%a|%.1A|%+.0f|%#.0f|%e]\n", 3.5, 2.675, 12345.678, 0.0001, 1e-10, 1.0, 3.0,
          2.5, 3.0, -0.0);
  wprintf(L"[%p|%5p|%%|%c%c|%'d]\n", (void *)0, (void *)0, 'o', 'k', 1234567);
  wprintf(L"[%.1f %.20f %.0e]\n", 1e300, 0.1, 5e-324);

  // strings and characters: widths and precisions count wide characters
  CHECK(46, wprintf(L"[%s|%8s|%-6s|%.2s|%ls|%5ls|%.3ls|%lc|%3lc]\n", "abc", "right", "left", "cut", L"wide", L"ab",
                    L"abcdef", L'x', L'y'));
  wprintf(L"[%S|%C]\n", L"upper-S", L'C');
#ifndef __wasi__ // wasi-libc's wprintf reads through a null %s
  wprintf(L"[%s|%.5s|%.6s|%ls|%.3ls]\n", (char *)0, (char *)0, (char *)0, (wchar_t *)0, (wchar_t *)0);
#endif
  CHECK(7, wprintf(L"ab%ncdef\n", &n));
  CHECK(2, n);

  // non-ASCII: transliterated or '?', counted as one character each
  CHECK(7, wprintf(L"[%lc%lc%lc%lc]\n", 0x20ac, 0xe9, 0xa9, 0xbd));
  CHECK(19, wprintf(L"caf\u00e9 \u00ab\u00df\u00bb \u0152uvre \u4e2d \U0001F600\n"));
  wprintf(L"[%ls]\n", L"\u00a0\u2018q\u2019 \u201cqq\u201d \u2026 \u2013 \u2014 \u00d7 \u00f7 \u2122 \uff21\uff42 \U0001D400 \u200b| \u00c6\u0133");
  wprintf(L"[%lc|%lc|%lc|%lc|%lc]\n", 0x80, 0x7f, 0x10ffff, 0x110000, 0xd800);
  wprintf(L"[%-4lc|%4lc]\n", 0x20ac, 0x2026);
  CHECK(0x20ac, putwchar(0x20ac));
  CHECK('!', putwchar(L'!'));
  CHECK(0xe9, fputwc(0xe9, stdout));
  CHECK('\n', putwc(L'\n', stdout));
  CHECK(1, fputws(L"fputws: \u00bc \u00e9t\u00e9\n", stdout));
  CHECK(1, fputws(L"", stdout));

  // a byte of %s above 0x7F is not a character of the C locale: the call fails
  errno = 0;
  CHECK(-1, wprintf(L"[before %s after]\n", "\xc3\xa9"));
  CHECK(EILSEQ, errno);
  wprintf(L"\n[%.1s]\n", "a\xe9");
  // and a %c byte above 0x7F is WEOF, which fails the call once written
  CHECK(-1, wprintf(L"[%c]", 0xe9));
  CHECK(10, wprintf(L"\n[%c%c%c]...\n", 0x141, 'z' + 256, '\0' + 65));

  // swprintf keeps every wide character, and refuses a text that does not fit
  CHECK(11, swprintf(buf, 64, L"%d-%ls-%lc|%s", 12, L"\u00e9t\u00e9", 0x20ac, "ab"));
  CHECK(11, (int)wcslen(buf));
  CHECK(0xe9, buf[3]);
  CHECK(0x20ac, buf[7]);
  wprintf(L"%ls\n", buf);
  // what does not fit: the first size - 1 characters, not terminated
  CHECK(-1, swprintf(buf, 8, L"%d-%ls", 12345, L"abcdef"));
  wprintf(L"%ls\n", buf);
  wmemset(buf, L'z', 8);
  CHECK(-1, swprintf(buf, 4, L"abcd"));
  CHECK('c', buf[2]);
  CHECK('z', buf[3]);
  CHECK(-1, swprintf(buf, 1, L"abc"));
  CHECK(0, buf[0]);
  CHECK('z', buf[3]);
  CHECK(3, swprintf(buf, 4, L"abc"));
  CHECK(0, buf[3]);
  wmemset(buf, L'z', 8);
  CHECK(-1, swprintf(buf, 0, L"x"));
  CHECK('z', buf[0]);
  CHECK(0, swprintf(buf, 1, L""));
  CHECK(0, buf[0]);
  // a failed conversion ends the text where it failed
  wmemset(buf, L'z', 8);
  errno = 0;
  CHECK(-1, swprintf(buf, 64, L"ab%sxy", "c\x80"));
  CHECK(EILSEQ, errno);
  CHECK(2, (int)wcslen(buf));
  wmemset(buf, L'z', 8);
  CHECK(-1, swprintf(buf, 64, L"ab%cxy", 0x80));
  CHECK((int)WEOF, buf[2]);
  CHECK(0, buf[3]);
  wmemset(buf, L'z', 8);
  CHECK(-1, swprintf(buf, 64, L"abc%"));
  CHECK(3, (int)wcslen(buf));
  CHECK(8, wrapped(buf, 64, L"%5.1f%%%c%c", 2.25, 'o', 'k'));
  wprintf(L"%ls\n", buf);
  CHECK(7, shout(L"%s %d\n", "via", 42));
  CHECK(8, fwprintf(stderr, L"err %d\u00e9\n", 12));
  CHECK(7, whisper(L"%ls %lc\n", L"err2", 0x20ac));
  CHECK(-1, wprintf(L"trailing %"));
  wprintf(L"\n%d failures\n", failures);
  return 0;
}
