/* A long, mixed workload for the ten-million-token exactness check: xorshift numbers,
   an insertion sort in memory, signed division and remainder, a 64-bit FNV-style hash
   (i64 multiply, shifts, xor) and formatted output. */
#include <stdint.h>
#include <stdio.h>

#ifndef ROUNDS
#define ROUNDS 4
#endif
#ifndef N
#define N 64
#endif

static uint32_t state = 2463534242u;

static uint32_t next(void) {
  state ^= state << 13;
  state ^= state >> 17;
  state ^= state << 5;
  return state;
}

static int data[N];

static uint64_t mix(uint64_t h, uint32_t v) {
  h ^= v;
  h *= 0x100000001b3ULL;
  return h ^ (h >> 29);
}

int main(void) {
  uint64_t h = 0xcbf29ce484222325ULL;
  long long total = 0;
  for (int round = 0; round < ROUNDS; round++) {
    for (int i = 0; i < N; i++) data[i] = (int) (next() % 1000u) - 500;
    for (int i = 1; i < N; i++) {
      int v = data[i];
      int j = i - 1;
      while (j >= 0 && data[j] > v) {
        data[j + 1] = data[j];
        j--;
      }
      data[j + 1] = v;
    }
    for (int i = 0; i < N; i++) {
      h = mix(h, (uint32_t) data[i]);
      total += data[i] / 7 + data[i] % 5;
    }
    if (round % 16 == 0) printf("%d %d %d %llu\n", round, data[0], data[N - 1], (unsigned long long) (h >> 40));
  }
  printf("%016llx %lld\n", (unsigned long long) h, total);
  return (int) (h & 0x7f);
}
