/* fgetwc, getwc, getwchar, ungetwc and fgetws on stdin in the C locale: ASCII comes through,
   a byte from 0x80 up is an encoding error (WEOF, EILSEQ, the error indicator) that stays */
#include <errno.h>
#include <stdio.h>
#include <wchar.h>

static void show(const char *what, wint_t c) {
  printf("%s: %ld errno=%d eof=%d err=%d\n", what, c == WEOF ? -1L : (long)c, errno, feof(stdin), ferror(stdin));
  errno = 0;
}

static void show_line(const char *what, const wchar_t *r, const wchar_t *buf) {
  printf("%s: %s [", what, r == NULL ? "NULL" : r == buf ? "buf" : "?");
  for (const wchar_t *p = buf; *p; p++) printf(*p >= 0x20 && *p < 0x7f ? "%c" : "<%x>", (unsigned)*p);
  printf("] errno=%d eof=%d err=%d\n", errno, feof(stdin), ferror(stdin));
  errno = 0;
}

int main(void) {
  wchar_t buf[16];
  printf("orientation %d\n", fwide(stdin, 0));
  show("getwchar", getwchar());
  printf("orientation %d\n", fwide(stdin, 0));
  show("getwc", getwc(stdin));
  show("ungetwc", ungetwc(L'\u20ac', stdin));
  show("ungetwc", ungetwc(L'Z', stdin));
  show("ungetwc WEOF", ungetwc(WEOF, stdin));
  show("fgetwc", fgetwc(stdin));
  show("fgetwc", fgetwc(stdin));
  wchar_t *r = fgetws(buf, 16, stdin);
  show_line("fgetws 16", r, buf);
  r = fgetws(buf, 4, stdin);
  show_line("fgetws 4", r, buf);
  r = fgetws(buf, 16, stdin);
  show_line("fgetws rest", r, buf);
  buf[0] = L'Q';
  buf[1] = 0;
  r = fgetws(buf, 1, stdin);
  show_line("fgetws 1", r, buf);
  buf[0] = L'Q';
  r = fgetws(buf, 0, stdin);
  show_line("fgetws 0", r, buf);
  /* a line of digits, then "ab" and U+00E9 in UTF-8: bytes the C locale has no character for */
  wmemset(buf, L'.', 15);
  buf[15] = 0;
  r = fgetws(buf, 16, stdin);
  show_line("fgetws digits", r, buf);
  show("fgetwc", fgetwc(stdin));
  r = fgetws(buf, 16, stdin);
  show_line("fgetws bad", r, buf);
  show("getwchar", getwchar());
  clearerr(stdin);
  printf("after clearerr: eof=%d err=%d\n", feof(stdin), ferror(stdin));
  show("getwchar", getwchar());
  show("ungetwc", ungetwc(L'k', stdin));
  show("getwchar", getwchar());
  show("getwchar", getwchar());
  r = fgetws(buf, 16, stdin);
  show_line("fgetws", r, buf);
  printf("orientation %d\n", fwide(stdin, -1));
  return 0;
}
