/*
 * Fibonacci numbers, two ways: a loop, and the recursive definition (whose calls are
 * counted, to show how it blows up). Numbers are printed by hand, digit by digit with
 * % 10 and / 10, which the transformer executes as single instructions.
 */
#include <stdio.h>

static int calls;

static int fib_loop(int n) {
  int a = 0, b = 1;
  for (int i = 0; i < n; i++) {
    int next = a + b;
    a = b;
    b = next;
  }
  return a;
}

static int fib_recursive(int n) {
  calls++;
  return n < 2 ? n : fib_recursive(n - 1) + fib_recursive(n - 2);
}

/* The digits come out least significant first, so they wait in a buffer. */
static void print_int(int n) {
  char digits[10];
  int len = 0;
  unsigned u = n < 0 ? 0u - (unsigned)n : (unsigned)n;
  if (n < 0) putchar('-');
  do {
    digits[len++] = (char)('0' + u % 10);
    u /= 10;
  } while (u != 0);
  while (len > 0) putchar(digits[--len]);
}

static void print_text(const char *s) {
  while (*s) putchar(*s++);
}

int main(void) {
  print_text("fib(0..24):");
  int a = 0, b = 1;
  for (int n = 0; n <= 24; n++) {
    putchar(' ');
    print_int(a);
    int next = a + b;
    a = b;
    b = next;
  }

  print_text("\nfib(46) = ");
  print_int(fib_loop(46));
  print_text(", the largest that fits in 32 bits\n");

  int r = fib_recursive(10);
  print_text("fib(10) = ");
  print_int(r);
  print_text(" by recursion, in ");
  print_int(calls);
  print_text(" calls\n");
  return r == fib_loop(10) ? 0 : 1;
}
