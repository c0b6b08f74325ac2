/* swscanf: every format of a few families on every input of a list, compared with glibc */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

static const wchar_t *inputs[] = {
    L"", L" ", L"42", L"-17 8", L"+", L"-", L"0x1A,7", L"0X", L"0777 9", L"12abc", L"abc 12", L"  \t\n5",
    L"3.5e2 x", L"-.25", L"1e", L"0x1p-2", L"inf", L"-InFiNiTy", L"nan(1)", L"nanx", L"infin",
    L"h\u00e9llo w", L"\u00e9", L"a\u20acb c", L"]x-y]", L"%5", L"99999999999 1", L"  word,rest", L"x\u00e9y",
    L"-99999999999999999999", L"4294967296 0x100000000",
};
static const wchar_t *int_formats[] = {
    L"%d%n", L"%i%n", L"%x%n", L"%o%n", L"%u%n", L"%3d%n", L"%*d%d%n", L"%d %d%n", L"%d,%d%n", L" %i%n",
    L"%hhd%n", L"%2i%n", L"%1x%n", L"%%%d%n", L"%i%i%n", L"x%d%n", L"%n%d%n", L"%5u%n",
};
static const wchar_t *float_formats[] = {L"%f%n", L"%2f%n", L"%5f%n", L"%e%e%n", L"%*f%f%n", L"%a%n", L"%g %g%n"};
static const wchar_t *string_formats[] = {
    L"%s%n", L"%3s%n", L"%c%n", L"%3c%n", L"%[a-z]%n", L"%[^,]%n", L"%[]x-]%n", L"%s %s%n", L"%*s%s%n",
    L"%2[a-z\u00e9]%n", L"%[\u00e9h]%n", L"%*c%c%n",
};

static void bytes(const char *s, int k) {
  printf(" [");
  for (int i = 0; i < k; i++) printf(s[i] >= 0x20 && s[i] < 0x7f ? "%c" : "<%x>", (unsigned char)s[i]);
  printf("]");
}

static void wide(const wchar_t *s) {
  printf(" [");
  for (; *s; s++) printf(*s >= 0x20 && *s < 0x7f ? "%c" : "<%x>", (unsigned)*s);
  printf("]");
}

int main(void) {
  unsigned ni = sizeof inputs / sizeof inputs[0];
  for (unsigned i = 0; i < ni; i++) {
    for (unsigned f = 0; f < sizeof int_formats / sizeof int_formats[0]; f++) {
      int a = -1, b = -1, c = -1;
      errno = 0;
      int r = swscanf(inputs[i], int_formats[f], &a, &b, &c);
      printf("i%u.%u r=%d e=%d %d %d %d\n", i, f, r, errno, a, b, c);
    }
    for (unsigned f = 0; f < sizeof float_formats / sizeof float_formats[0]; f++) {
      float x = -1, y = -1;
      int c = -1;
      errno = 0;
      int r = swscanf(inputs[i], float_formats[f], &x, &y, &c);
      printf("f%u.%u r=%d e=%d %a %a %d\n", i, f, r, errno, x, y, c);
    }
    for (unsigned f = 0; f < sizeof string_formats / sizeof string_formats[0]; f++) {
      char s[24], t[24];
      int c = -1;
      memset(s, '.', sizeof s);
      memset(t, '.', sizeof t);
      errno = 0;
      int r = swscanf(inputs[i], string_formats[f], s, t, &c);
      printf("s%u.%u r=%d e=%d", i, f, r, errno);
      bytes(s, 12);
      bytes(t, 12);
      printf(" %d\n", c);
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
    }
  }
  return 0;
}
