/* gcc's bit-counting builtins (one wasm instruction each). */
#include "test.h"

int main(void) {
  volatile unsigned x = 0x00F0F000u;
  volatile unsigned long long y = 0x0000100000000080ull;
  ASSERT(8, __builtin_clz(x));
  ASSERT(12, __builtin_ctz(x));
  ASSERT(8, __builtin_popcount(x));
  ASSERT(19, __builtin_clzll(y));
  ASSERT(7, __builtin_ctzll(y));
  ASSERT(2, __builtin_popcountll(y));
  ASSERT(31, __builtin_clz(1));
  ASSERT(0, __builtin_clz(0x80000000u));
  ASSERT(63, __builtin_clzll(1));
  ASSERT(32, __builtin_popcount(0xFFFFFFFFu));
  ASSERT(64, __builtin_popcountll(~0ull));
  ASSERT(4, __builtin_popcount((unsigned char)-1 >> 4));
  return DONE();
}
