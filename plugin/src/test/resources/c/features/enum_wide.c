/*
 * Enumeration constants outside int's range (a GNU extension), typed as gcc types them: an
 * enumerator that fits int is an int, any other takes the enum's type, which is unsigned int
 * when no enumerator is negative and all fit 32 bits, else a 64-bit type (unsigned when no
 * enumerator is negative). Sizes, signedness and values match gcc's.
 */
#include "test.h"

enum a { A1 = 0x80000000, A2 };
enum b { B1 = 0xffffffff };
enum c { C1 = -1, C2 = 0x80000000 };
enum d { D1 = 0x100000000LL, D2 };
enum e { E1 = -0x80000001LL };
enum f { F1 = 0xffffffffffffffffULL };
enum g { G1 = 1, G2 = 0x80000000, G3 = 2 };
enum h { H1 = 0xfffffffe, H2, H3 = 5 };
enum i { I1 = -2147483647 - 1, I2 = 2147483647 };
enum j { J1 = 1ULL << 40, J2 = J1 >> 38, J3 };
typedef enum { T1 = 0x7fffffffffffffffLL } tenum;

#define SIGNED(x) ((x) - (x) - 1 < 0)

int main(void) {
  ASSERT(4, (int)sizeof(enum a));
  ASSERT(4, (int)sizeof A1);
  ASSERT(0, SIGNED(A1));
  ASSERT64(2147483649LL, A2);
  ASSERT(0, SIGNED((enum a)0));
  ASSERT(0, SIGNED(B1));
  ASSERT64(4294967295LL, B1);
  ASSERT(8, (int)sizeof(enum c));
  ASSERT(4, (int)sizeof C1);
  ASSERT(8, (int)sizeof C2);
  ASSERT(1, SIGNED(C2));
  ASSERT(1, SIGNED((enum c)0));
  ASSERT(1, C1 < C2);
  ASSERT(8, (int)sizeof(enum d));
  ASSERT(8, (int)sizeof D2);
  ASSERT(0, SIGNED(D1));
  ASSERT64(4294967297LL, D2);
  ASSERT(8, (int)sizeof(enum e));
  ASSERT(1, E1 < 0);
  ASSERT64(-2147483649LL, E1);
  ASSERT(8, (int)sizeof(enum f));
  ASSERT(1, F1 > 0);
  ASSERT(1, F1 + 1 == 0);
  ASSERT(4, (int)sizeof(enum g));
  ASSERT(1, SIGNED(G1));
  ASSERT(0, SIGNED(G2));
  ASSERT(1, SIGNED(G3));
  ASSERT(0, SIGNED((enum g)0));
  ASSERT(0, SIGNED(H2));
  ASSERT64(4294967295LL, H2);
  ASSERT(1, SIGNED(H3));
  ASSERT(4, (int)sizeof(enum i));
  ASSERT(1, SIGNED((enum i)0));
  ASSERT(1, SIGNED(I1));
  ASSERT(8, (int)sizeof(enum j));
  ASSERT(4, (int)sizeof J2);
  ASSERT(4, J2);
  ASSERT(5, J3);
  ASSERT(8, (int)sizeof J1);
  ASSERT(8, (int)sizeof(tenum));
  tenum t = T1;
  ASSERT(1, t > 0 && !SIGNED(t));
  enum c cv = C2;
  cv = cv + 1;
  ASSERT64(2147483649LL, cv);
  enum f fv = F1;
  printf("%llu %llu %lld %lld %llu %u %u\n", (unsigned long long)fv, (unsigned long long)D1, (long long)E1,
         (long long)C2, (unsigned long long)J1, (unsigned)A1, (unsigned)H2);
  switch (fv) {
    case F1: puts("F1"); break;
    default: puts("other");
  }
  return DONE();
}
