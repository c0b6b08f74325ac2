#include <string.h>
#include "test.h"

struct big {
  int data[40];
  char name[16];
};

struct small {
  char a;
  short b;
};

static struct big make_big(int seed) {
  struct big b;
  for (int i = 0; i < 40; i++) b.data[i] = seed + i;
  strcpy(b.name, "big");
  return b;
}

static int sum_big(struct big b) {
  int s = 0;
  for (int i = 0; i < 40; i++) s += b.data[i];
  b.data[0] = -1000; /* the caller's copy must not change */
  return s;
}

static struct small swap_small(struct small s) {
  struct small r = {(char)s.b, s.a};
  return r;
}

static struct small pick(int which, struct small x, struct small y) {
  return which ? x : y;
}

int main(void) {
  struct big b = make_big(1);
  ASSERT(40, b.data[39]);
  ASSERT(820, sum_big(b));
  ASSERT(1, b.data[0]);
  ASSERT(0, strcmp(make_big(5).name, "big"));
  ASSERT(44, make_big(5).data[39]);
  struct big copy;
  copy = b;
  copy.data[0] = 99;
  ASSERT(1, b.data[0]);
  ASSERT(99, copy.data[0]);
  struct small s = {'a', 66};
  struct small t = swap_small(s);
  ASSERT(66, t.a);
  ASSERT('a', t.b);
  ASSERT(4, sizeof(struct small));
  ASSERT(66, pick(0, s, t).a);
  ASSERT('a', pick(1, s, t).a);
  struct small arr[3];
  arr[0] = s;
  arr[1] = t;
  arr[2] = arr[0];
  ASSERT('a', arr[2].a);
  struct small *ps = &arr[1];
  struct small u = *ps;
  ASSERT(66, u.a);
  struct big many[2];
  many[1] = make_big(10);
  ASSERT(49, many[1].data[39]);
  return DONE();
}
