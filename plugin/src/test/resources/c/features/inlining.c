// Calls of small static functions are expanded in place (docs/c-compiler.md, "Inlining"):
// arguments evaluated once and converted, early returns, nesting, recursion, exit().
// status: 3
#include <stdio.h>
#include <stdlib.h>

static int g;

static int add1(int x) { return x + 1; }
static int add2(int x) { return add1(add1(x)); }
static int diff(int a, int b) { return a - b; }
static int square(int x) { return x * x; }
static int bump(void) { return ++g; }

static char to_char(int x) { return x; }
static unsigned char next_byte(unsigned char c) { return c + 1; }
static short to_short(long long v) { return v; }
static unsigned halve(unsigned x) { return x / 2; }
static double half(double d) { return d / 2; }
static int truncate(double d) { return d; }
static long long triple(int x) { return x * 3LL; }
static int low(long long v) { return v; }
static _Bool truthy(int x) { return x; }

static int find(const int *a, int n, int v) {
  for (int i = 0; i < n; i++) {
    if (a[i] == v) return i;
  }
  return -1;
}

static int sign(int x) {
  if (x < 0) return -1;
  if (x > 0) return 1;
  return 0;
}

static int count_odd(int n) {
  int c = 0;
  for (int i = 0; i < n; i++) {
    if (i % 2 == 0) continue;
    if (i > 9) break;
    c++;
  }
  return c;
}

static void bump_if(int *p, int c) {
  if (!c) return;
  (*p)++;
}

static void nothing(void) {}

static int countdown(int n) {
  int steps = 0;
  while (n > 0) {
    n -= 2;
    steps++;
  }
  return steps;
}

static int fact(int n) {
  if (n <= 1) return 1;
  return n * fact(n - 1);
}

static int is_odd(int n);
static int is_even(int n) { return n == 0 ? 1 : is_odd(n - 1); }
static int is_odd(int n) { return n == 0 ? 0 : is_even(n - 1); }

static int neg(int x) { return -x; }

static int sum3(int a, int b, int c) {
  int t[3] = {a, b, c};
  return t[0] + t[1] + t[2];
}

static int counter(void) {
  static int n;
  return ++n;
}

struct pt { int x, y; };
static int px(struct pt p) { return p.x * 10 + p.y; }

static void die_if(int c) {
  if (c) exit(3);
}

int main(void) {
  /* each argument once, side effects included */
  int i = 3;
  int s = square(i++);
  printf("square %d i %d\n", s, i);
  int a = bump(), b = diff(bump(), 10);
  printf("bump %d %d g %d\n", a, b, g);
  add1(g++); /* result unused, the argument still evaluated */
  printf("g %d\n", g);

  /* conversions of arguments and results */
  printf("char %d byte %d short %d\n", to_char(300), next_byte(511), to_short(0x12345678LL));
  printf("halve %u half*10 %d trunc %d\n", halve(-1), (int)(half(7) * 10), truncate(-2.7));
  printf("triple %lld low %d truthy %d %d\n", triple(1 << 30), low(0x100000005LL), truthy(7), truthy(0));

  /* nesting, shadowing (caller and callee both have x and i) */
  int x = 5;
  printf("add2 %d nested %d diff %d %d\n", add2(x), add1(add1(add1(x))), diff(10, diff(3, 1)), diff(diff(10, 3), 1));
  int arr[5] = {4, 8, 15, 16, 23};
  int total = 0;
  for (int i = 0; i < 30; i++) {
    int r = find(arr, 5, i);
    if (r > 3) break;
    total += r;
  }
  printf("total %d x %d\n", total, x);
  printf("sign %d %d %d odd %d %d\n", sign(-9), sign(0), sign(4), count_odd(7), count_odd(40));
  int k = 0;
  while (add1(k) < 5) k++;
  if (k == 4 || bump()) k += 100;
  printf("k %d g %d\n", k, g);
  bump_if(&k, 0);
  bump_if(&k, 1);
  nothing();
  printf("k %d\n", k);
  int m = 9;
  int steps = countdown(m); /* the callee assigns its parameter: the caller's m stays */
  printf("countdown %d m %d\n", steps, m);

  /* recursion, mutual recursion, an address taken, frames, static locals, structs */
  int (*f)(int) = neg;
  struct pt p = {3, 4};
  counter();
  printf("fact %d even %d %d neg %d %d sum3 %d counter %d px %d\n", fact(6), is_even(10), is_even(7), neg(2), f(5),
         sum3(1, 2, 3), counter(), px(p));

  die_if(0);
  printf("before exit\n");
  die_if(1);
  printf("not reached\n");
  return 0;
}
