#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include "test.h"

int main(void) {
  ASSERT(1, isdigit('7') != 0);
  ASSERT(0, isdigit('a'));
  ASSERT(1, isalpha('Q') != 0);
  ASSERT(1, isspace('\t') != 0);
  ASSERT(0, isspace('x'));
  ASSERT(1, isxdigit('F') != 0);
  ASSERT(1, ispunct('!') != 0);
  ASSERT('A', toupper('a'));
  ASSERT('z', tolower('Z'));
  ASSERT('1', toupper('1'));
  ASSERT(123, atoi("123"));
  ASSERT(-45, atoi("  -45xyz"));
  ASSERT(0, atoi("abc"));
  char *end;
  ASSERT(255, (int)strtol("ff", &end, 16));
  ASSERT(0, *end);
  ASSERT(255, (int)strtol("0xff", NULL, 0));
  ASSERT(8, (int)strtol("010", NULL, 0));
  ASSERT(10, (int)strtol("1010", NULL, 2));
  ASSERT(35, (int)strtol("z", NULL, 36));
  ASSERT(-2147483647 - 1, (int)strtol("-2147483648", NULL, 10));
  ASSERT(1, strtoul("4294967295", NULL, 10) == 4294967295UL);
  ASSERT64(-9000000000LL, strtoll("-9000000000", NULL, 10));
  ASSERT64(1234567890123LL, atoll("1234567890123"));
  ASSERT(1, strtoull("18446744073709551615", NULL, 10) == ULLONG_MAX);
  ASSERT(1, strtoull("18446744073709551616", NULL, 10) == ULLONG_MAX);
  ASSERT(1, strtoull("-1", NULL, 10) == ULLONG_MAX);
  ASSERT(1, strtoll("9223372036854775808", NULL, 10) == LLONG_MAX);
  ASSERT(1, strtoll("-9223372036854775808", NULL, 10) == LLONG_MIN);
  ASSERT(1, strtoll("-9223372036854775809", NULL, 10) == LLONG_MIN);
  ASSERT64(127LL, strtoll("0x7f", &end, 0));
  ASSERT(0, *end);
  ASSERT64(42LL, (long long)strtoull("  +42z", &end, 0));
  ASSERT('z', *end);
  const char *s = "12abc";
  strtol(s, &end, 10);
  ASSERT(2, (int)(end - s));
  strtol("xyz", &end, 10);
  ASSERT('x', *end);
  ASSERT(5, abs(-5));
  ASSERT(5, abs(5));
  ASSERT(7, (int)labs(-7L));
  ASSERT64(8000000000LL, llabs(-8000000000LL));
  div_t d = div(17, 5);
  ASSERT(3, d.quot);
  ASSERT(2, d.rem);
  return DONE();
}
