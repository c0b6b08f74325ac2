/* Constant operands that overflow a 64-bit division: not folded (the compiler crashed on them). */
#include <stdint.h>
#include "test.h"

int main(void) {
  ASSERT(1, INT64_MIN % -1 == 0);
  ASSERT64(0, INT64_MIN % -1LL);
  ASSERT64(-1, INT64_MIN % INT64_MAX);
  ASSERT64(INT64_MIN / 2, INT64_MIN / 2);
  ASSERT(0, (int)(UINT64_MAX % 3));
  printf("%d assertions\n", assertions);
  return 0;
}
