/* Reductions of the csmith programs that our compiler got wrong (CsmithFuzzTest campaigns). */
#include "test.h"

static int zero, one = 1;
static int *volatile where = &one;

/* A long long constant 0 or 1 as an operand of && or || is an i64 and must be tested as one (seed 1083). */
static int logical_with_long_long_constants(long long big) {
  int l[3] = {0, 0, 7};
  return ((1LL && l[2]) >= big) + 2 * (0LL || *where) + 4 * (zero && 1LL) + 8 * (*where || 0ULL)
      + 16 * ((signed char)((1LL && l[2]) >= -big));
}

int main(void) {
  ASSERT(1 + 2 + 8 + 16, logical_with_long_long_constants(1));
  ASSERT(2 + 8 + 16, logical_with_long_long_constants(2));
  ASSERT(1, (1ULL && one) && !(0LL || zero));
  printf("%d assertions\n", assertions);
  return 0;
}
