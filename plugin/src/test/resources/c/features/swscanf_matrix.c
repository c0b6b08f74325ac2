/*
 * swscanf: every format of a few families on every input of a list, compared with glibc.
 * sscanf_matrix.c includes it with MATRIX_NARROW: the same through sscanf, non-ASCII input
 * in UTF-8, the formats' l forms left out.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#ifdef MATRIX_NARROW
#define CHAR char
#define STR(s) s
#define SCAN sscanf
#else
#define CHAR wchar_t
#define STR(s) L##s
#define SCAN swscanf
#endif

static const CHAR *inputs[] = {
    STR(""), STR(" "), STR("42"), STR("-17 8"), STR("+"), STR("-"), STR("0x1A,7"), STR("0X"), STR("0777 9"),
    STR("12abc"), STR("abc 12"), STR("  \t\n5"), STR("3.5e2 x"), STR("-.25"), STR("1e"), STR("0x1p-2"),
    STR("inf"), STR("-InFiNiTy"), STR("nan(1)"), STR("nanx"), STR("infin"), STR("h\u00e9llo w"),
    STR("\u00e9"), STR("a\u20acb c"), STR("]x-y]"), STR("%5"), STR("99999999999 1"), STR("  word,rest"),
    STR("x\u00e9y"), STR("-99999999999999999999"), STR("4294967296 0x100000000"),
};
static const CHAR *int_formats[] = {
    STR("%d%n"), STR("%i%n"), STR("%x%n"), STR("%o%n"), STR("%u%n"), STR("%3d%n"), STR("%*d%d%n"),
    STR("%d %d%n"), STR("%d,%d%n"), STR(" %i%n"), STR("%hhd%n"), STR("%2i%n"), STR("%1x%n"), STR("%%%d%n"),
    STR("%i%i%n"), STR("x%d%n"), STR("%n%d%n"), STR("%5u%n"),
};
static const CHAR *float_formats[] = {
    STR("%f%n"), STR("%2f%n"), STR("%5f%n"), STR("%e%e%n"), STR("%*f%f%n"), STR("%a%n"), STR("%g %g%n"),
};
static const CHAR *string_formats[] = {
    STR("%s%n"), STR("%3s%n"), STR("%c%n"), STR("%3c%n"), STR("%[a-z]%n"), STR("%[^,]%n"), STR("%[]x-]%n"),
    STR("%s %s%n"), STR("%*s%s%n"), STR("%2[a-z\u00e9]%n"), STR("%[\u00e9h]%n"), STR("%*c%c%n"),
};

static void bytes(const char *s, int k) {
  printf(" [");
  for (int i = 0; i < k; i++) printf(s[i] >= 0x20 && s[i] < 0x7f ? "%c" : "<%x>", (unsigned char)s[i]);
  printf("]");
}

#ifndef MATRIX_NARROW
static void wide(const wchar_t *s) {
  printf(" [");
  for (; *s; s++) printf(*s >= 0x20 && *s < 0x7f ? "%c" : "<%x>", (unsigned)*s);
  printf("]");
}
#endif

int main(void) {
  unsigned ni = sizeof inputs / sizeof inputs[0];
  for (unsigned i = 0; i < ni; i++) {
    for (unsigned f = 0; f < sizeof int_formats / sizeof int_formats[0]; f++) {
      int a = -1, b = -1, c = -1;
      errno = 0;
      int r = SCAN(inputs[i], int_formats[f], &a, &b, &c);
      printf("i%u.%u r=%d e=%d %d %d %d\n", i, f, r, errno, a, b, c);
    }
    for (unsigned f = 0; f < sizeof float_formats / sizeof float_formats[0]; f++) {
      float x = -1, y = -1;
      int c = -1;
      errno = 0;
      int r = SCAN(inputs[i], float_formats[f], &x, &y, &c);
      printf("f%u.%u r=%d e=%d %a %a %d\n", i, f, r, errno, x, y, c);
    }
    for (unsigned f = 0; f < sizeof string_formats / sizeof string_formats[0]; f++) {
      char s[24], t[24];
      int c = -1;
      memset(s, '.', sizeof s);
      memset(t, '.', sizeof t);
      errno = 0;
      int r = SCAN(inputs[i], string_formats[f], s, t, &c);
      printf("s%u.%u r=%d e=%d", i, f, r, errno);
      bytes(s, 12);
      bytes(t, 12);
      printf(" %d\n", c);
#ifndef MATRIX_NARROW
      wchar_t ws[24], wt[24];
      wmemset(ws, L'.', 23);
      wmemset(wt, L'.', 23);
      ws[23] = wt[23] = 0;
      /* the same format with l: %ls, %lc, %l[ */
      wchar_t lf[32];
      int k = 0;
      for (const wchar_t *p = string_formats[f]; *p && k < 30; p++) {
        lf[k++] = *p;
        if (*p == '%') {
          p++;
          while (*p == '*' || (*p >= '0' && *p <= '9')) lf[k++] = *p++;
          if (*p == 's' || *p == 'c' || *p == '[') lf[k++] = 'l';
          lf[k++] = *p;
        }
      }
      lf[k] = 0;
      c = -1;
      errno = 0;
      r = swscanf(inputs[i], lf, ws, wt, &c);
      printf("w%u.%u r=%d e=%d", i, f, r, errno);
      wide(ws);
      wide(wt);
      printf(" %d\n", c);
#endif
    }
  }
  return 0;
}
