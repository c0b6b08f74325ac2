// glibc's printf reads %Ld, %Li, %Lu, %Lo, %Lx and %LX as long long (an L on an integer
// conversion is a GNU extension of C's "L: long double"); floating conversions are unchanged.
#include <stdio.h>

#define FORMAT "%" "Lx|"

int main(void) {
  long long big = 1234567890123LL;
  unsigned long long top = 0xfedcba9876543210ULL;
  printf("%Ld|%Li|%Lu|%Lo|%Lx|%LX\n", big, -big, top, top, top, top);
  printf("%+Ld|%-20Ld|%020Lu|%#Lx|%.25Ld\n", big, -big, top, top, big);
  printf("%lld|%llu|%qd|%jd\n", -big, top, big, (long long)-1);
  printf(FORMAT "%d\n", top, 42);
  printf("%%Ld is not a conversion here, %Ld is\n", -1LL);
  printf("%Lf|%Le|%Lg\n", 1.5L, 2.5L, 3.5L);
  char buf[64];
  int n = snprintf(buf, sizeof buf, "%Ld %Lu", -9000000000LL, 18000000000ULL);
  printf("%d %s\n", n, buf);
  return 0;
}
