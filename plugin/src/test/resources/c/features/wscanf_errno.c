/* swscanf and wscanf: the errno after the input ends, as scanf_errno.c. stdin is empty. */
#include <errno.h>
#include <stdio.h>
#include <wchar.h>
int main(void) {
  int a, n; wchar_t s[8]; int r;
  errno = EDOM; r = swscanf(L"", L"%d", &a); printf("A %d errno %d\n", r, errno);
  errno = EDOM; r = swscanf(L" ", L"%d", &a); printf("B %d errno %d\n", r, errno);
  errno = EDOM; r = swscanf(L"", L"x"); printf("C %d errno %d\n", r, errno);
  errno = EDOM; r = swscanf(L"", L"%s", s); printf("D %d errno %d\n", r, errno);
  errno = EDOM; r = swscanf(L"", L"%n%d", &n, &a); printf("E %d errno %d\n", r, errno);
  errno = EDOM; r = swscanf(L"", L" %d", &a); printf("F %d errno %d\n", r, errno);
  errno = EDOM; r = swscanf(L"", L"%c", s); printf("G %d errno %d\n", r, errno);
  errno = EDOM; r = swscanf(L"", L""); printf("H %d errno %d\n", r, errno);
  errno = EDOM; r = swscanf(L"5", L"%d%d", &a, &n); printf("I %d errno %d\n", r, errno);
  errno = EDOM; r = swscanf(L"a", L"a%d", &a); printf("J %d errno %d\n", r, errno);
  errno = EDOM; r = wscanf(L"%d", &a); printf("K %d errno %d\n", r, errno);
  errno = EDOM; r = wscanf(L"%d", &a); printf("L %d errno %d\n", r, errno);
  return 0;
}
