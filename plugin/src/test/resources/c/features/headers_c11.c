/* The freestanding headers a C11 program may include, <time.h>, and <math.h>'s classification. */
#include <iso646.h>
#include <math.h>
#include <stdalign.h>
#include <stdnoreturn.h>
#include <stdlib.h>
#include <time.h>
#include "test.h"

static int calls;
static double counted(double x) {
  calls++;
  return x;
}

static noreturn void leave(int status) {
  exit(status);
}

int main(void) {
  ASSERT(8, alignof(double));
  ASSERT(4, alignof(int));
  ASSERT(1, 3 > 2 and not (1 > 2));
  ASSERT(6, 2 bitor 4);
  ASSERT(1, (5 xor 4) == 1 or 0);

  ASSERT(1, CLOCKS_PER_SEC > 0); /* time() and clock() themselves: CCompilerTest (WASI has no clock) */

  double zero = 0.0, one = 1.0;
  ASSERT(1, isinf(one / zero));
  ASSERT(-1, isinf(-one / zero));
  ASSERT(-1, isinf(-1.0f / (float)zero));
  ASSERT(0, isinf(one));
  ASSERT(1, isnan(zero / zero) != 0);
  ASSERT(0, isnan(one));
  ASSERT(1, isfinite(one) != 0);
  ASSERT(0, isfinite(one / zero));
  ASSERT(FP_ZERO, fpclassify(-zero));
  ASSERT(FP_SUBNORMAL, fpclassify(4.9e-324));
  ASSERT(FP_SUBNORMAL, fpclassify(1e-40f));
  ASSERT(FP_NORMAL, fpclassify(one));
  ASSERT(FP_INFINITE, fpclassify(one / zero));
  ASSERT(FP_NAN, fpclassify(zero / zero));
  ASSERT(1, isnormal(2.5f) != 0);
  ASSERT(0, isnormal(0.0));

  calls = 0;
  ASSERT(0, isnan(counted(one)));
  ASSERT(0, isinf(counted(one)));
  ASSERT(1, isfinite(counted(one)) != 0);
  ASSERT(3, calls);

  printf("%d assertions\n", assertions);
  leave(0);
}
