/*
 * Prime sieve: the sieve of Eratosthenes over the odd numbers, one bit per number.
 *
 * Bit k of the table stands for the odd number 2k + 1 and is set once that number is
 * known to be composite; word k >> 5 holds it at position k & 31. Then one pass over
 * the table counts the primes, the twin primes and the widest gap between primes.
 */
#include <stdio.h>

#define LIMIT 2000                  /* find the primes below this */
#define BITS (LIMIT / 2)            /* odd numbers 1, 3, ..., LIMIT - 1 */
#define WORDS ((BITS + 31) / 32)

static unsigned composite[WORDS];

static int is_prime(int n) {
  if (n < 3) return n == 2;
  if ((n & 1) == 0) return 0;
  int k = n >> 1;
  return !(composite[k >> 5] >> (k & 31) & 1);
}

static void mark_composite(int n) {
  int k = n >> 1;
  composite[k >> 5] |= 1u << (k & 31);
}

static void sieve(void) {
  mark_composite(1);
  for (int p = 3; p * p < LIMIT; p += 2) {
    if (!is_prime(p)) continue;
    /* Smaller multiples of p have a smaller prime factor, and are marked already. */
    for (int m = p * p; m < LIMIT; m += 2 * p) mark_composite(m);
  }
}

int main(void) {
  sieve();

  int count = 1, twins = 0, previous = 2, gap = 0, gap_end = 0;
  printf("primes below 100: 2");
  for (int n = 3; n < LIMIT; n += 2) {
    if (!is_prime(n)) continue;
    count++;
    if (n < 100) printf(" %d", n);
    if (n - previous == 2) twins++;
    if (n - previous > gap) {
      gap = n - previous;
      gap_end = n;
    }
    previous = n;
  }
  printf("\nprimes below %d: %d, the largest %d\n", LIMIT, count, previous);
  printf("twin prime pairs: %d\n", twins);
  printf("widest gap: %d, from %d to %d\n", gap, gap_end - gap, gap_end);
  return 0;
}
