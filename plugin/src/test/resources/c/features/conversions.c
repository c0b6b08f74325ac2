#include "test.h"

static long long widen(int x) { return x; }
static unsigned long long uwiden(unsigned x) { return x; }
static int narrow(long long x) { return (int)x; }

int main(void) {
  ASSERT64(-1, widen(-1));
  ASSERT64(4294967295LL, (long long)uwiden(4294967295u));
  ASSERT(-1, narrow(0xFFFFFFFFLL));
  ASSERT(1, narrow(0x100000001LL));
  char c = -1;
  ASSERT(1, (unsigned)c == 4294967295u);
  ASSERT(255, (unsigned char)c);
  unsigned char uc = 200;
  ASSERT(200, (int)uc);
  ASSERT(-56, (signed char)uc);
  short s = -2;
  ASSERT(65534, (unsigned short)s);
  ASSERT64(-2, (long long)s);
  ASSERT64(65534, (long long)(unsigned short)s);
  long long big = 0x123456789LL;
  ASSERT(0x23456789, (int)big);
  ASSERT(0x89, (unsigned char)big);
  ASSERT(0x6789, (unsigned short)big);
  ASSERT(1, (_Bool)big);
  ASSERT(0, (_Bool)(big & 0));
  int i = 'A';
  char from_int = i + 1;
  ASSERT('B', from_int);
  int neg = -7;
  unsigned un = neg;
  ASSERT(1, un == 4294967289u);
  ASSERT(1, neg < 1);
  ASSERT(0, un < 1);
  ASSERT(1, (long long)neg < 1LL);
  ASSERT(0, (unsigned long long)neg < 1ULL);
  int *p = (int *)0;
  ASSERT(1, p == 0);
  ASSERT(0, (int)(long)p);
  return DONE();
}
