/* wcstol, wcstoul, wcstoll, wcstoull, wcstod, wcstof, wcstold: the narrow conversions' values,
   ends and errno on wide strings; a character beyond ASCII ends a number. */
#include <errno.h>
#include <wchar.h>
#include "test.h"

static int stop(const wchar_t *s, const wchar_t *end) {
  return (int)(end - s);
}

int main(void) {
  wchar_t *end;
  const wchar_t *s = L"  \t-1234xyz";
  ASSERT(-1234, (int)wcstol(s, &end, 10));
  ASSERT(8, stop(s, end));
  s = L"0x7fZ";
  ASSERT(127, (int)wcstol(s, &end, 0));
  ASSERT(4, stop(s, end));
  s = L"  z";
  ASSERT(0, (int)wcstol(s, &end, 10));
  ASSERT(0, stop(s, end));
  s = L"0x";
  ASSERT(0, (int)wcstol(s, &end, 16));
  ASSERT(1, stop(s, end));
  s = L"\u00a0""12"; // a no-break space is not white space in the C locale
  ASSERT(0, (int)wcstol(s, &end, 10));
  ASSERT(0, stop(s, end));
  s = L"42\u00e9";
  ASSERT(42, (int)wcstol(s, &end, 10));
  ASSERT(2, stop(s, end));
  ASSERT(35, (int)wcstol(L"z", NULL, 36));
  ASSERT(-7, (int)wcstol(L"-111", NULL, 2));

  errno = 0;
  ASSERT64(9223372036854775807LL, wcstoll(L"99999999999999999999", &end, 10));
  ASSERT(ERANGE, errno);
  errno = 0;
  ASSERT64(-9223372036854775807LL - 1, wcstoll(L"-9223372036854775808", NULL, 10));
  ASSERT(0, errno);
  ASSERT64(18446744073709551615ULL, wcstoull(L"0xffffffffffffffff", NULL, 16));
  ASSERT64(-1, (long long)wcstoull(L"-1", NULL, 10));
  ASSERT(4000000000u == wcstoul(L"4000000000", NULL, 10), 1);
  ASSERT(123, (int)wcstoul(L"+0173", NULL, 0));

  s = L" 3.25e2rest";
  ASSERT(1, wcstod(s, &end) == 325.0);
  ASSERT(7, stop(s, end));
  s = L"-0x1.8p1;";
  ASSERT(1, wcstod(s, &end) == -3.0);
  ASSERT(8, stop(s, end));
  s = L"infinity!";
  ASSERT(1, wcstod(s, &end) > 1e308);
  ASSERT(8, stop(s, end));
  s = L"nan(123)x";
  ASSERT(1, wcstod(s, &end) != wcstod(s, NULL));
  ASSERT(8, stop(s, end));
  s = L".e5";
  ASSERT(1, wcstod(s, &end) == 0.0);
  ASSERT(0, stop(s, end));
  s = L"1.5\u00b2";
  ASSERT(1, wcstod(s, &end) == 1.5);
  ASSERT(3, stop(s, end));
  errno = 0;
  ASSERT(1, wcstod(L"1e999", NULL) > 1e308);
  ASSERT(ERANGE, errno);
  ASSERT(1, wcstof(L"0.1", NULL) == 0.1f);
  errno = 0;
  ASSERT(1, wcstof(L"1e40", &end) > 3e38f);
  ASSERT(ERANGE, errno);
  long double wide_long = wcstold(L"2.5", NULL);
  ASSERT(1, wide_long == 2.5);
  printf("%.17g %.9g\n", wcstod(L"  1.0000000000000002", NULL), (double)wcstof(L"3.14159274", NULL));
  printf("%d assertions\n", assertions);
  return 0;
}
