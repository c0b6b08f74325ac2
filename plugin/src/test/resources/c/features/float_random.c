/*
 * Soft-float against the hardware: random bit patterns (the same on every compiler: a fixed
 * generator) go through every operation and conversion, and each result's bits are printed,
 * so gcc's run (x86-64 SSE) checks our results to the bit, NaN signs and payloads included.
 * %.17g and %e print the operands too, which checks printf's exact decimal output.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

typedef unsigned long long u64;

static u64 state = 0x9E3779B97F4A7C15ull;

static u64 next(void) {
  state ^= state << 13;
  state ^= state >> 7;
  state ^= state << 17;
  return state;
}

/* Mostly modest exponents, where rounding is interesting; sometimes anything. */
static double random_double(void) {
  u64 r = next(), bits;
  switch (r & 3) {
    case 0: bits = next(); break;
    case 1: bits = (next() & 0x800FFFFFFFFFFFFFull) | ((u64)(1023 + (int)(r >> 8 & 15) - 8) << 52); break;
    case 2: bits = (next() & 0x800FFFFFFFFFFFFFull) | ((u64)(r >> 8 & 63) << 52); break;
    default: bits = (next() & 0x800FFFFFFFFF0000ull) | ((u64)(1000 + (int)(r >> 8 & 63)) << 52); break;
  }
  double d;
  memcpy(&d, &bits, 8);
  return d;
}

static u64 bits_of(double d) {
  u64 b;
  memcpy(&b, &d, 8);
  return b;
}

static unsigned fbits_of(float f) {
  unsigned b;
  memcpy(&b, &f, 4);
  return b;
}

int main(void) {
  for (int i = 0; i < 150; i++) {
    double a = random_double(), b = random_double();
    if (i % 3 == 0) {
      u64 nb = (bits_of(b) & 0x800FFFFFFFFFFFFFull) | (bits_of(a) & 0x7FF0000000000000ull);
      memcpy(&b, &nb, 8);
    }
    float fa = (float)a, fb = (float)b;
    printf("%016llx %016llx %016llx %016llx %016llx | %08x %08x %08x %08x %08x | %d%d%d%d\n",
           bits_of(a + b), bits_of(a - b), bits_of(a * b), bits_of(a / b), bits_of(sqrt(a)),
           fbits_of(fa + fb), fbits_of(fa - fb), fbits_of(fa * fb), fbits_of(fa / fb), fbits_of(fa),
           a < b, a == b, fa <= fb, fa != fb);
    printf("  %d %u %lld %llu %d %lld %016llx %016llx %08x %08x\n", (int)a, (unsigned)a, (long long)a,
           (unsigned long long)a, (int)fa, (long long)fb, bits_of((double)(long long)bits_of(b)),
           bits_of((double)bits_of(a)), fbits_of((float)(long long)bits_of(a)), fbits_of((float)bits_of(b)));
    printf("  %.17g %.3e %g %.0f\n", a, b, fa, a);
  }
  return 0;
}
