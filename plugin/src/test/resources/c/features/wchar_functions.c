/* <wchar.h>'s string functions and printf's %ls and %lc (ASCII text only: glibc's "C"
   locale, which the native run has, fails on other characters). */
#include <wchar.h>
#include "test.h"

static int sign(int v) {
  return v < 0 ? -1 : v > 0;
}

int main(void) {
  const wchar_t *hello = L"hello, world";
  ASSERT(12, wcslen(hello));
  ASSERT(0, wcslen(L""));

  ASSERT(0, wcscmp(L"abc", L"abc"));
  ASSERT(-1, sign(wcscmp(L"abc", L"abd")));
  ASSERT(1, sign(wcscmp(L"abcd", L"abc")));
  ASSERT(-1, sign(wcscmp(L"", L"a")));
  ASSERT(-1, sign(wcscmp(L"\xffffffff", L"a")));  /* wchar_t is signed */
  ASSERT(0, wcsncmp(L"abcX", L"abcY", 3));
  ASSERT(1, sign(wcsncmp(L"abcY", L"abcX", 4)));
  ASSERT(0, wcsncmp(L"ab", L"ab", 10));

  wchar_t buf[32];
  ASSERT(1, wcscpy(buf, L"wide") == buf);
  ASSERT(0, wcscmp(buf, L"wide"));
  wcscat(buf, L" strings");
  ASSERT(0, wcscmp(buf, L"wide strings"));
  wcsncat(buf, L"!?#", 2);
  ASSERT(0, wcscmp(buf, L"wide strings!?"));
  wmemset(buf, L'z', 32);
  wcsncpy(buf, L"ab", 5);
  ASSERT('b', buf[1]);
  ASSERT(0, buf[2]);
  ASSERT(0, buf[4]);
  ASSERT('z', buf[5]);
  wcsncpy(buf, L"abcdef", 3);
  ASSERT('c', buf[2]);
  ASSERT(0, buf[3]);

  ASSERT(4, wcschr(hello, L'o') - hello);
  ASSERT(8, wcsrchr(hello, L'o') - hello);
  ASSERT(12, wcschr(hello, 0) - hello);
  ASSERT(1, wcschr(hello, L'q') == NULL);
  ASSERT(1, wcsrchr(hello, L'q') == NULL);
  ASSERT(7, wcsstr(hello, L"world") - hello);
  ASSERT(0, wcsstr(hello, L"") - hello);
  ASSERT(1, wcsstr(hello, L"worlds") == NULL);

  wchar_t m[8] = L"1234567";
  wmemmove(m + 2, m, 4);
  ASSERT(0, wcscmp(m, L"1212347"));
  wmemmove(m, m + 3, 4);
  ASSERT(0, wcscmp(m, L"2347347"));
  wmemcpy(m, L"abc", 3);
  ASSERT(0, wcscmp(m, L"abc7347"));
  ASSERT(0, wmemcmp(L"abcd", L"abce", 3));
  ASSERT(-1, sign(wmemcmp(L"abcd", L"abce", 4)));
  ASSERT(2, wmemchr(L"xyz", L'z', 3) - L"xyz");
  ASSERT(1, wmemchr(L"xyz", L'z', 2) == NULL);
  ASSERT(1, WCHAR_MAX == 2147483647 && WCHAR_MIN < 0);

  printf("[%ls]\n", hello);
  printf("[%8ls] [%-8ls] [%.3ls] [%lc%lc]\n", L"abc", L"def", L"ghijk", L'o', L'k');
  printf("[%3lc] [%-3lc]\n", L'x', L'y');
  char out[32];
  int n = snprintf(out, sizeof out, "%ls=%d", L"wide", 4);
  printf("%s %d\n", out, n);
  printf("%d assertions\n", assertions);
  return 0;
}
