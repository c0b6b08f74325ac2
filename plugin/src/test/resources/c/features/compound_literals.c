#include <string.h>
#include "test.h"

struct point {
  int x, y;
};

static int sum(const int *a, int n) {
  int s = 0;
  for (int i = 0; i < n; i++) s += a[i];
  return s;
}

static int manhattan(struct point p) { return p.x + p.y; }

static const int *global_literal = (const int[]){4, 5, 6};

int main(void) {
  ASSERT(6, sum((int[]){1, 2, 3}, 3));
  ASSERT(15, sum(global_literal, 3));
  ASSERT(7, manhattan((struct point){3, 4}));
  struct point *p = &(struct point){.y = 2};
  ASSERT(2, p->y);
  ASSERT(0, p->x);
  int total = 0;
  for (int i = 0; i < 3; i++) {
    int *a = (int[]){i, i, i};
    total += sum(a, 3);
  }
  ASSERT(9, total);
  ASSERT(0, strcmp((char[]){"abc"}, "abc"));
  ASSERT(5, (int){5});
  return DONE();
}
