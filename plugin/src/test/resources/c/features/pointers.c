#include "test.h"

static void swap(int *a, int *b) {
  int t = *a;
  *a = *b;
  *b = t;
}

static int *pick(int *a, int *b, int first) {
  return first ? a : b;
}

int main(void) {
  int x = 3, y = 5;
  int *p = &x;
  ASSERT(3, *p);
  *p = 8;
  ASSERT(8, x);
  swap(&x, &y);
  ASSERT(5, x);
  ASSERT(8, y);
  *pick(&x, &y, 0) = 11;
  ASSERT(11, y);
  int **pp = &p;
  ASSERT(5, **pp);
  **pp = 6;
  ASSERT(6, x);
  int a[5] = {1, 2, 3, 4, 5};
  int *q = a;
  ASSERT(1, *q);
  ASSERT(3, *(q + 2));
  ASSERT(3, q[2]);
  ASSERT(3, 2[q]);
  q += 3;
  ASSERT(4, *q);
  ASSERT(3, q[-1]);
  ASSERT(3, (int)(q - a));
  q++;
  ASSERT(5, *q);
  q--;
  ASSERT(4, *q--);
  ASSERT(3, *q);
  ASSERT(1, q > a);
  ASSERT(1, q != a);
  ASSERT(1, &a[4] - &a[0] == 4);
  char s[] = "hello";
  char *c = s;
  ASSERT('e', c[1]);
  ASSERT('o', *(c + 4));
  void *v = a;
  ASSERT(1, *(int *)v);
  int *null = 0;
  ASSERT(1, null == 0);
  ASSERT(0, !p);
  return DONE();
}
