// Recursion, a dense switch (br_table), calls through function pointers (call_indirect), arrays
// in linear memory and the stack pointer global clang keeps.
#include "io.h"

static int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

static int twice(int x) { return 2 * x; }
static int square(int x) { return x * x; }
static int negate(int x) { return -x; }

static const char *name(int k) {
  switch (k) {
    case 0: return "zero";
    case 1: return "one";
    case 2: return "two";
    case 3: return "three";
    case 4: return "four";
    case 5: return "five";
    default: return "many";
  }
}

MAIN {
  int (*ops[3])(int) = {twice, square, negate};
  static int sieve[60];
  int primes = 0;
  for (int i = 2; i < 60; i++) {
    if (sieve[i]) continue;
    primes++;
    for (int j = i * i; j < 60; j += i) sieve[j] = 1;
  }
  for (int k = 0; k < 7; k++) {
    print_str(name(k));
    putchar(' ');
    print_int(ops[k % 3](k - 3));
    putchar(' ');
    print_int(fib(k + 5));
    putchar('\n');
  }
  print_str("primes below 60: ");
  print_int(primes);
  putchar('\n');
  return primes;
}
