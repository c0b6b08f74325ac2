#include "test.h"

static int sum_to(int n) {
  int s = 0;
  for (int i = 1; i <= n; i++) s += i;
  return s;
}

static int count_down(int n) {
  int steps = 0;
  while (n > 0) {
    n--;
    steps++;
  }
  return steps;
}

static int do_loop(int n) {
  int k = 0;
  do {
    k++;
  } while (k < n);
  return k;
}

static int skip_odd(int n) {
  int s = 0;
  for (int i = 0; i < n; i++) {
    if (i % 2) continue;
    if (i > 10) break;
    s += i;
  }
  return s;
}

static int nested(void) {
  int c = 0;
  for (int i = 0; i < 5; i++) {
    for (int j = 0; j < 5; j++) {
      if (j == i) break;
      c++;
    }
  }
  return c;
}

int main(void) {
  ASSERT(55, sum_to(10));
  ASSERT(7, count_down(7));
  ASSERT(1, do_loop(0));
  ASSERT(5, do_loop(5));
  ASSERT(30, skip_odd(100));
  ASSERT(10, nested());
  int x = 3;
  if (x == 3) x = 4; else x = 5;
  ASSERT(4, x);
  if (x == 3) x = 4; else x = 5;
  ASSERT(5, x);
  if (0) { x = 1; }
  ASSERT(5, x);
  int i = 0;
  for (;;) {
    if (++i == 12) break;
  }
  ASSERT(12, i);
  while (1) {
    i++;
    if (i > 20) break;
  }
  ASSERT(21, i);
  return DONE();
}
