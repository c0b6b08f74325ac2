/* wscanf, fwscanf and vfwscanf on stdin, up to the end of the input */
#include <stdarg.h>
#include <stdio.h>
#include <wchar.h>

static int vread(const wchar_t *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vfwscanf(stdin, fmt, ap);
  va_end(ap);
  return r;
}

int main(void) {
  int count, sum = 0, v, n;
  wchar_t name[8];
  char word[9]; /* glibc ends a %7s of wscanf with two NULs */
  if (wscanf(L"%d", &count) != 1) return 2;
  for (int i = 0; i < count && wscanf(L"%d", &v) == 1; i++) sum += v;
  wprintf(L"sum=%d\n", sum);
  int r = fwscanf(stdin, L" %7ls %7s%n", name, word, &n);
  wint_t next = getwchar();
  int r2 = vread(L"%x,%d", &v, &count);
  int r3 = wscanf(L"%d", &sum);
  int r4 = wscanf(L"%*s");
  int r5 = wscanf(L"%d", &sum);
  wprintf(L"r=%d %ls %s n=%d next=%d r2=%d v=%d count=%d r3=%d r4=%d r5=%d eof=%d\n", r, name, word, n, (int)next,
          r2, v, count, r3, r4, r5, feof(stdin));
  return 0;
}
