#include <stdio.h>
#include <string.h>
int main(void) {
  int a, b, n; unsigned u; long l; long long ll; unsigned long long ull; short sh; signed char hh;
  char word[32], rest[64], c1, c2; double d; float f; int x, o, i1, i2, i3;
  n = sscanf("  42 -17", "%d%d", &a, &b); printf("%d: %d %d\n", n, a, b);
  n = sscanf("key=value;more", "%31[^=]=%31[^;];%s", word, rest, rest + 32); printf("%d: %s %s %s\n", n, word, rest, rest + 32);
  n = sscanf("3.25e2 1.5 -0.125", "%lf %f %lf", &d, &f, &d); printf("%d: %g %g\n", n, d, f);
  n = sscanf("0x1F 0755 -12 ff 17", "%i %i %i %x %o", &i1, &i2, &i3, &x, &o); printf("%d: %d %d %d %d %d\n", n, i1, i2, i3, x, o);
  n = sscanf("9223372036854775807 18446744073709551615 4000000000", "%lld %llu %u", &ll, &ull, &u); printf("%d: %lld %llu %u\n", n, ll, ull, u);
  n = sscanf("12345678", "%3d%2d%ld", &a, &b, &l); printf("%d: %d %d %ld\n", n, a, b, l);
  n = sscanf("ab", "%c%c", &c1, &c2); printf("%d: %c%c\n", n, c1, c2);
  n = sscanf("1 x", "%d %d", &a, &b); printf("%d: %d\n", n, a);
  n = sscanf("", "%d", &a); printf("%d\n", n);
  n = sscanf("   ", "%d", &a); printf("%d\n", n);
  n = sscanf("abc", "%d", &a); printf("%d\n", n);
  n = sscanf("10:20:30", "%d:%d:%d%n", &a, &b, &i1, &i2); printf("%d: %d %d %d n=%d\n", n, a, b, i1, i2);
  n = sscanf("skip 99", "%*s %d", &a); printf("%d: %d\n", n, a);
  n = sscanf("70000 300", "%hd %hhd", &sh, &hh); printf("%d: %d %d\n", n, sh, hh);
  n = sscanf("100%", "%d%%", &a); printf("%d: %d\n", n, a);
  n = sscanf("inf nan -infinity", "%lf %f %lf", &d, &f, &d); printf("%d: %f %f\n", n, d, f);
  n = sscanf("hello world", "%5s%n", word, &a); printf("%d: %s %d\n", n, word, a);
  n = sscanf("abc123", "%[a-z]%d", word, &a); printf("%d: %s %d\n", n, word, a);
  n = sscanf("]x]y", "%[]x]", word); printf("%d: %s\n", n, word);
  n = sscanf("-", "%d", &a); printf("%d\n", n);
  n = sscanf("+5 .5 5. 1e", "%d %lf %lf %lf", &a, &d, &d, &d); printf("%d: %d %g\n", n, a, d);
  return 0;
}
