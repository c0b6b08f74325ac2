/* scanf's %d, %u, %hd, %hhx: converted as a 64-bit long and narrowed, as glibc on x86-64 (no ERANGE for
   "4294967297"), the errno an ended input puts back, and glibc's q (long long, as wscanf's). */
#include <errno.h>
#include <stdio.h>
int main(void) {
  int a = -1, n = -1; unsigned u = 0; short h = 0; signed char c = 0; long l = 0; int r;
  const char *ins[] = {"99999999999", "4294967297", "-4294967297", "99999999999999999999", "-99999999999999999999", "2147483648", "-2147483649", "70000", "0x1ffffffff"};
  for (unsigned k = 0; k < sizeof ins / sizeof *ins; k++) {
    errno = 0; r = sscanf(ins[k], "%i", &a); printf("%%i %s: %d %d errno %d\n", ins[k], r, a, errno);
    errno = 0; r = sscanf(ins[k], "%u", &u); printf("%%u %s: %d %u errno %d\n", ins[k], r, u, errno);
    errno = 0; r = sscanf(ins[k], "%hd", &h); printf("%%hd %s: %d %d errno %d\n", ins[k], r, h, errno);
    errno = 0; r = sscanf(ins[k], "%hhx", &c); printf("%%hhx %s: %d %d errno %d\n", ins[k], r, c, errno);
    errno = 0; r = sscanf(ins[k], "%d %d", &a, &n); printf("%%d %%d %s: %d %d errno %d\n", ins[k], r, a, errno);
    errno = 0; r = sscanf(ins[k], "%d%n", &a, &n); printf("%%d%%n %s: %d %d %d errno %d\n", ins[k], r, a, n, errno);
  }
  errno = 0; r = sscanf("5", "%d %d", &a, &n); printf("%d errno %d\n", r, errno);
  errno = EDOM; r = sscanf("5", "%d %d", &a, &n); printf("%d errno %d\n", r, errno);
  errno = EDOM; r = sscanf("", "%d", &a); printf("%d errno %d\n", r, errno);
  errno = 0; r = sscanf("1e999 x", "%lf %d", (double *)&l, &a); printf("%d errno %d\n", r, errno);
  errno = 0; r = sscanf("1e999", "%f %d", (float *)&l, &a); printf("%d errno %d\n", r, errno);
  long long q = 0; unsigned long long uq = 0;
  r = sscanf("-99999999999 ff", "%qd %qx%n", &q, &uq, &n); printf("%d %lld %llx %d\n", r, q, uq, n);
  r = sscanf("077", "%qi", &q); printf("%d %lld\n", r, q);
  return 0;
}
