#include "test.h"

static int calls;
static int touch(int v) {
  calls++;
  return v;
}

int main(void) {
  calls = 0;
  ASSERT(0, touch(0) && touch(1));
  ASSERT(1, calls);
  ASSERT(1, touch(1) || touch(0));
  ASSERT(2, calls);
  ASSERT(1, touch(0) || touch(2));
  ASSERT(4, calls);
  int x = 3;
  ASSERT(30, x > 2 ? x * 10 : x * 100);
  ASSERT(300, x > 5 ? x * 10 : x * 100);
  ASSERT(2, x == 1 ? 1 : x == 3 ? 2 : 3);
  int y = (x++, x++, x);
  ASSERT(5, y);
  int a = 1, b = 2;
  *(x > 0 ? &a : &b) = 9;
  ASSERT(9, a + 0 * b);
  int *p = x > 0 ? &a : &b;
  ASSERT(9, *p);
  ASSERT(1, (x = 0) == 0);
  ASSERT(-1, -(x + 1));
  unsigned u = 1;
  ASSERT(1, -u > 0);
  ASSERT(2, sizeof(short) == 2 ? 2 : 1);
  int n = 0;
  for (int i = 0, j = 10; i < j; i++, j--) n++;
  ASSERT(5, n);
  ASSERT(1, 1 < 2 == 1);
  ASSERT(14, 2 + 3 * 4);
  ASSERT(1, 5 & 3 == 3);
  ASSERT(3, (5 & 3) | 2);
  ASSERT(24, 3 << 2 + 1);
  ASSERT(1, !!7);
  int shift = 3;
  ASSERT(64, 8 << shift);
  ASSERT(-2, -16 >> shift);
  ASSERT(536870910, (int)(0xFFFFFFF0u >> shift));
  char c = 'A';
  ASSERT(66, c + 1);
  ASSERT(1, (char)(c + 256) == 'A');
  void *vp = &x;
  ASSERT(1, vp == &x);
  ASSERT(1, (char *)vp + 4 == (char *)(&x + 1));
  return DONE();
}
