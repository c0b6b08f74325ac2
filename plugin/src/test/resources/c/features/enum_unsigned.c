/*
 * An enum with no negative enumerator has type unsigned int (gcc's choice; the enumerators
 * themselves stay int), one with a negative enumerator int: arithmetic on objects of the type,
 * comparisons, conversions to wider types and division follow. Both builds print the same.
 */
#include "test.h"

enum small { A, B, C };
enum neg { M = -1, N, O };
typedef enum { T0, T1 } tenum;
enum small g = A;

static enum small pick(int i) { return i ? C : A; }

static int below_zero(enum small e) { return e - 1 < 0; }

int main(void) {
  enum small e = A;
  ASSERT(0, e - 1 < 0);          /* unsigned: A - 1 is UINT_MAX */
  ASSERT(1, A - 1 < 0);          /* the enumerator is an int */
  enum neg n = N;
  ASSERT(1, n - 1 < 0);
  tenum t = T0;
  ASSERT(0, t - 1 < 0);
  ASSERT(0, g - 1 < 0);
  ASSERT(0, below_zero(A));
  ASSERT(0, pick(0) - 1 < 0);
  ASSERT(1, (int)e - 1 < 0);
  long long w = e - 1;           /* converts the unsigned int: 4294967295 */
  ASSERT64(4294967295LL, w);
  enum small d = C;
  ASSERT(715827882, (d - 3) / 6);  /* unsigned division of UINT_MAX */
  ASSERT(1, (enum small)-1 > 0);
  ASSERT(4, (int)sizeof(enum small));
  ASSERT(1, e == 0 && e < 1);
  enum small f = -1;
  ASSERT(1, f == -1);
  ASSERT(1, f > 5);
  printf("%u %d %u\n", e - 1, N - 1, t - 1);
  printf("assertions: %d\n", assertions);
  return 0;
}
