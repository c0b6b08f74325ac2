/* swscanf and vswscanf in the C locale: every conversion, the failures and their return values,
   characters without a byte in the C locale (EILSEQ) */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

static int a, b, n;
static char s[16];
static wchar_t w[16];

static void reset(void) {
  a = b = n = -7;
  memset(s, 'X', sizeof s - 1);
  s[sizeof s - 1] = 0;
  wmemset(w, L'Y', 15);
  w[15] = 0;
  errno = 0;
}

/* the wide string as code points, so that no byte above 0x7f is printed */
static void show_wide(const wchar_t *p) {
  printf("[");
  for (; *p; p++) printf(*p < 0x80 && *p >= 0x20 ? "%c" : "<%x>", (unsigned)*p);
  printf("]");
}

static void report(int line, int r) {
  printf("%d: r=%d errno=%d a=%d b=%d n=%d s=[%s] w=", line, r, errno, a, b, n, s);
  show_wide(w);
  printf("\n");
}

#define T(...) do { reset(); int r_ = swscanf(__VA_ARGS__); report(__LINE__, r_); } while (0)

static int vcall(const wchar_t *in, const wchar_t *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vswscanf(in, fmt, ap);
  va_end(ap);
  return r;
}

int main(void) {
  /* integers */
  T(L"  42 -17", L"%d%d%n", &a, &b, &n);
  T(L"0x1F 0755", L"%i %i", &a, &b);
  T(L"ff 17 99", L"%x %o%n", &a, &b, &n);
  T(L"12345", L"%3d%d", &a, &b);
  T(L"+5", L"%u%n", &a, &n);
  T(L"-", L"%d", &a);
  T(L"", L"%d", &a);
  T(L"   ", L" %d", &a);
  T(L"abc", L"%d", &a);
  T(L"5", L"%*d %d", &a);
  T(L"1 x", L"%d %d", &a, &b);
  T(L"10:20%", L"%d:%d%%%n", &a, &b, &n);
  T(L"10 20", L"%d%%", &a);
  T(L"\u0663 3", L"%d", &a); /* an Arabic-Indic digit is no digit in the C locale */
  T(L"\u3000 3", L"%d", &a); /* nor is an ideographic space a space */
  T(L"7\u00e9", L"%d%n", &a, &n);
  {
    long long ll; unsigned long long ull; short sh; signed char hh; long l; void *p;
    reset();
    int r = swscanf(L"9223372036854775807 18446744073709551615 70000 300 -2147483648 0x10",
                    L"%lld %llu %hd %hhd %ld %p", &ll, &ull, &sh, &hh, &l, &p);
    printf("sizes: r=%d %lld %llu %d %d %ld %lu\n", r, ll, ull, sh, hh, l, (unsigned long)p);
    size_t z; long long j;
    r = swscanf(L"123 -456", L"%zu %jd", &z, &j);
    printf("z j: r=%d %zu %lld\n", r, z, j);
  }
  /* floating point */
  {
    float f; double d; long double ld;
    int r = swscanf(L"3.25e2 -0.125 0x1.8p1", L"%f %lf %Lf", &f, &d, &ld);
    printf("floats: r=%d %g %g %Lg\n", r, f, d, ld);
    static const wchar_t *inputs[] = {L"inf", L"-infinity", L"INFINITYx", L"infix", L"nan(12)", L"NaN",
        L"nax", L"+", L".", L".5", L"5.", L"1e", L"1e+", L"1e+3", L"0x", L"0xg", L"0x.8p1z", L"in", L"\u00e9"};
    for (unsigned i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
      d = -1;
      n = -7;
      r = swscanf(inputs[i], L"%lf%n", &d, &n);
      printf("%u: r=%d d=%g n=%d\n", i, r, d, n);
    }
    static const int widths[] = {1, 2, 3, 4, 8};
    for (unsigned i = 0; i < 5; i++) {
      wchar_t fmt[8];
      swprintf(fmt, 8, L"%%%dlf%%n", widths[i]);
      d = -1;
      n = -7;
      r = swscanf(L"infinity", fmt, &d, &n);
      int r2 = swscanf(L"0x1p3", fmt, &f, &n);
      printf("width %d: r=%d d=%g, r=%d n=%d\n", widths[i], r, d, r2, n);
    }
    r = swscanf(L"1.5 2.5e1 -3 4", L"%e %g %E %a", &f, &f, &f, &f);
    printf("efga: r=%d %g\n", r, f);
  }
  /* characters and strings, narrow */
  T(L"ab", L"%c%c%n", s, s + 1, &n);
  T(L"abc", L"%2c%n", s, &n);
  T(L"a", L"%2c", s);
  T(L"hello world", L"%5s%n", s, &n);
  T(L"  hello\tworld", L"%s%s", s, s + 8);
  T(L"abc123", L"%[a-z]%d", s, &a);
  T(L"]x]y", L"%[]x]%n", s, &n);
  T(L"key=value", L"%[^=]=%s", s, s + 8);
  T(L"a-b", L"%[-ab]", s);
  T(L"a-b", L"%[ab-]", s);
  T(L"", L"%s", s);
  T(L"", L"%c", s);
  T(L"x", L"%*c%n", &n);
  /* characters without a byte in the C locale */
  T(L"h\u00e9llo", L"%s%n", s, &n);
  T(L"\u00e9x", L"%s", s);
  T(L"\u00e9x", L"%c", s);
  T(L"x\u00e9", L"%2c", s);
  T(L"5 \u00e9", L"%d %c", &a, s);
  T(L"5 \u00e9", L"%*d %c", s);
  T(L"5 \u00e9", L"%*d %s", s);
  T(L"ab\u00e9cd", L"%[a-z\u00e9]", s);
  T(L"x\u00e9", L"%*s%n", &n);
  T(L"\u00e9!", L"%*[^!]%n", &n);
  /* wide */
  T(L"h\u00e9llo w", L"%ls%n", w, &n);
  T(L"\u00e9x", L"%2lc%n", w, &n);
  T(L"\u20ac \u3042", L"%lc %C%n", w, w + 1, &n);
  T(L"ab\u00e9\u00e8cd ef", L"%l[a-z\u00e0-\u00ff]%n", w, &n);
  T(L"\u00e9\u00e9!x", L"%l[^!]!%n", w, &n);
  T(L"abc def", L"%3S%n", w, &n);
  T(L"\u00e9", L"\u00e9%n", &n);
  T(L"\u00e9", L"\u00e8%n", &n);
  T(L"", L"%ls", w);
  T(L"x", L"%*ls%n", &n);
  /* the bytes a narrow conversion writes: glibc's end a %s or %[ with two NULs */
  {
    static const wchar_t *fmts[] = {L"%7s", L"%3s", L"%c", L"%3c", L"%[a-z;]", L"%2[a-z]"};
    for (unsigned i = 0; i < sizeof fmts / sizeof fmts[0]; i++) {
      reset();
      int r = swscanf(L"pear;ff", fmts[i], s);
      printf("bytes %u: r=%d", i, r);
      for (int k = 0; k < 12; k++) printf(" %02x", (unsigned char)s[k]);
      printf("\n");
    }
  }
  /* the va_list form */
  reset();
  int r = vcall(L"8 9 rest", L"%d %d %s", &a, &b, s);
  report(__LINE__, r);
  return 0;
}
