#include <stdarg.h>
#include "test.h"

static int sum(int count, ...) {
  va_list ap;
  va_start(ap, count);
  int s = 0;
  for (int i = 0; i < count; i++) s += va_arg(ap, int);
  va_end(ap);
  return s;
}

static long long mixed(int count, ...) {
  va_list ap;
  va_start(ap, count);
  long long s = 0;
  for (int i = 0; i < count; i++) {
    if (i % 2 == 0) s += va_arg(ap, int);
    else s += va_arg(ap, long long);
  }
  va_end(ap);
  return s;
}

struct pair {
  int a, b;
};

static int pairs(int count, ...) {
  va_list ap;
  va_start(ap, count);
  int s = 0;
  for (int i = 0; i < count; i++) {
    struct pair p = va_arg(ap, struct pair);
    s += p.a * p.b;
  }
  va_end(ap);
  return s;
}

static int vsum(int count, va_list ap) {
  int s = 0;
  for (int i = 0; i < count; i++) s += va_arg(ap, int);
  return s;
}

static int forward(int count, ...) {
  va_list ap, copy;
  va_start(ap, count);
  va_copy(copy, ap);
  int a = vsum(count, ap);
  int b = vsum(count, copy);
  va_end(copy);
  va_end(ap);
  return a + b;
}

static int promoted(int count, ...) {
  va_list ap;
  va_start(ap, count);
  int s = 0;
  for (int i = 0; i < count; i++) s += va_arg(ap, int);
  va_end(ap);
  return s;
}

int main(void) {
  ASSERT(0, sum(0));
  ASSERT(6, sum(3, 1, 2, 3));
  ASSERT(55, sum(10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
  ASSERT64(10000000006LL, mixed(4, 1, 5000000000LL, 2, 5000000003LL));
  struct pair p = {2, 3}, q = {4, 5};
  ASSERT(26, pairs(2, p, q));
  ASSERT(12, forward(3, 1, 2, 3));
  char c = -3;
  short s = 300;
  ASSERT(297, promoted(2, c, s));
  return DONE();
}
