#include "test.h"

static long long fact(int n) {
  return n <= 1 ? 1 : n * fact(n - 1);
}

static unsigned long long mix(unsigned long long a, unsigned long long b) {
  return (a ^ (b << 13)) + (a >> 7) * 31;
}

int main(void) {
  long long a = 1LL << 40;
  ASSERT64(1099511627776LL, a);
  ASSERT64(2432902008176640000LL, fact(20));
  ASSERT64(-1, (long long)-1);
  ASSERT64(4294967295LL, (long long)4294967295u);
  ASSERT64(-1, (long long)(int)-1);
  ASSERT64(4294967295LL, (long long)(unsigned)-1);
  unsigned long long u = -1;
  ASSERT(1, u == 18446744073709551615ULL);
  ASSERT64(9223372036854775807LL, (long long)(u >> 1));
  long long b = -1000000000000LL;
  ASSERT64(-250000000000LL, b / 4);
  ASSERT64(-1000000000000LL % 7, b % 7);
  ASSERT(1, b < 0);
  ASSERT(1, (unsigned long long)b > 0);
  ASSERT(727379968, (int)b);
  ASSERT64(1099511627775LL, a - 1);
  ASSERT64(a * 3, a + a + a);
  long long c = 123456789;
  c *= 1000;
  ASSERT64(123456789000LL, c);
  c >>= 3;
  ASSERT64(15432098625LL, c);
  c <<= 2;
  ASSERT64(61728394500LL, c);
  c++;
  ASSERT64(61728394501LL, c);
  ASSERT64(0x1234567890ULL & 0xFF0F, 0x1234567890ULL & 0xFF0F);
  ASSERT64(5605, (long long)(mix(12345, 678) % 10007));
  int shift = 35;
  ASSERT64(34359738368LL, 1LL << shift);
  ASSERT(1, 5000000000LL > 4999999999LL);
  ASSERT(8, sizeof(a + 1));
  ASSERT(8, sizeof(1 + a));
  return DONE();
}
