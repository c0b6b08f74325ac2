/* fwide and stream orientation: a wide function orients a stream wide, and fails on a stream
   fwide made byte-oriented; wide calls on the wrong stream fail with EBADF and the error indicator.
   stdout is only written by wide functions and stderr only by byte ones (ours does not make
   byte functions fail on a wide stream, as glibc's do). */
#include <errno.h>
#include <stdio.h>
#include <wchar.h>

int main(void) {
  int out0 = fwide(stdout, 0);
  int in0 = fwide(stdin, 0);
  wprintf(L"stdout %d, stdin %d\n", out0, in0);
  int o1 = fwide(stdout, 0);
  int o2 = fwide(stdout, -1);
  wprintf(L"now stdout %d, fwide(stdout, -1) = %d\n", o1, o2);

  /* stdin made byte-oriented: the wide functions fail, errno untouched */
  int i1 = fwide(stdin, -3);
  int i2 = fwide(stdin, 1);
  wprintf(L"fwide(stdin, -3) = %d, then 1: %d\n", i1, i2);
  errno = 0;
  wint_t c = fgetwc(stdin);
  int e = errno;
  wprintf(L"fgetwc on byte stdin: %d errno=%d err=%d eof=%d\n", (int)c, e, ferror(stdin), feof(stdin));
  wchar_t buf[4] = L"abc";
  wchar_t *r = fgetws(buf, 4, stdin);
  int n = -7;
  int got = wscanf(L"%d", &n);
  e = errno;
  wprintf(L"fgetws %d [%ls], wscanf %d n=%d errno=%d\n", r == NULL, buf, got, n, e);
  c = fputwc(L'x', stdin);
  e = errno;
  wprintf(L"fputwc to byte stdin: %d errno=%d err=%d\n", (int)c, e, ferror(stdin));
  int byte = getchar();
  wprintf(L"getchar still reads bytes: %c\n", byte);

  /* stderr made byte-oriented: wide output fails and writes nothing, byte output goes on */
  fprintf(stderr, "fwide(stderr, -1) = %d\n", fwide(stderr, -1));
  errno = 0;
  int w1 = fwprintf(stderr, L"wide %d\n", 1);
  wint_t w2 = fputwc(L'y', stderr);
  int w3 = fputws(L"zz\n", stderr);
  e = errno;
  int err = ferror(stderr);
  fprintf(stderr, "fwprintf %d fputwc %d fputws %d errno=%d err=%d\n", w1, (int)w2, w3, e, err);
  fprintf(stderr, "fwide(stderr, 1) = %d\n", fwide(stderr, 1));

  /* reading stdout: EBADF and the error indicator, which clearerr clears */
  errno = 0;
  c = fgetwc(stdout);
  e = errno;
  err = ferror(stdout);
  clearerr(stdout);
  int after = ferror(stdout);
  wprintf(L"fgetwc(stdout) = %d errno=%d err=%d, after clearerr %d\n", (int)c, e, err, after);
  wprintf(L"fwide(stdout, 0) = %d\n", fwide(stdout, 0));
  return 0;
}
