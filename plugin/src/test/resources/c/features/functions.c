#include "test.h"

static int add(int a, int b) { return a + b; }
static int sub(int a, int b) { return a - b; }
static int apply(int (*f)(int, int), int a, int b) { return f(a, b); }
static int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
static int is_even(int n);
static int is_odd(int n) { return n == 0 ? 0 : is_even(n - 1); }
static int is_even(int n) { return n == 0 ? 1 : is_odd(n - 1); }
static void no_result(int *out) { *out = 77; }
static int many(int a, int b, int c, int d, int e, int f, int g, int h) {
  return a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f + 7 * g + 8 * h;
}
static char narrow(int x) { return x; }
static unsigned char unarrow(int x) { return x; }
static short to_short(long long x) { return x; }

typedef int (*binop)(int, int);

static binop choose(int which) { return which ? add : sub; }

static int counter(void) {
  static int count = 0;
  return ++count;
}

int implicit_int_result(void);

int main(void) {
  ASSERT(7, add(3, 4));
  ASSERT(10, apply(add, 4, 6));
  ASSERT(-2, apply(sub, 4, 6));
  ASSERT(-1, apply(&sub, 1, 2));
  binop ops[2] = {add, sub};
  ASSERT(5, ops[0](2, 3));
  ASSERT(-1, ops[1](2, 3));
  ASSERT(9, (*ops[0])(4, 5));
  ASSERT(3, choose(1)(1, 2));
  ASSERT(-1, choose(0)(1, 2));
  ASSERT(6765, fib(20));
  ASSERT(1, is_even(10));
  ASSERT(0, is_even(7));
  int out = 0;
  no_result(&out);
  ASSERT(77, out);
  ASSERT(204, many(1, 2, 3, 4, 5, 6, 7, 8));
  ASSERT(-1, narrow(255));
  ASSERT(255, unarrow(-1));
  ASSERT(-1, to_short(0x1FFFF));
  ASSERT(1, counter());
  ASSERT(2, counter());
  ASSERT(3, counter());
  int (*fp)(int, int) = add;
  ASSERT(1, fp == add);
  ASSERT(0, fp == sub);
  ASSERT(1, fp != 0);
  return DONE();
}
