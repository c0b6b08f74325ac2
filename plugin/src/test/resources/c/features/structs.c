#include "test.h"

struct point {
  int x;
  int y;
};

struct rect {
  struct point a, b;
  char tag;
};

union word {
  int i;
  unsigned char bytes[4];
};

struct with_anon {
  int kind;
  union {
    int as_int;
    char as_char;
  };
  struct {
    short lo, hi;
  };
};

typedef struct node {
  int value;
  struct node *next;
} node;

static struct point make(int x, int y) {
  struct point p;
  p.x = x;
  p.y = y;
  return p;
}

static int area(struct rect r) {
  return (r.b.x - r.a.x) * (r.b.y - r.a.y);
}

static void move(struct point *p, int dx) {
  p->x += dx;
}

static int list_sum(node *n) {
  int s = 0;
  for (; n; n = n->next) s += n->value;
  return s;
}

struct point origin = {0, 0};
struct rect unit = {{0, 0}, {1, 1}, 'u'};

int main(void) {
  struct point p = {3, 4};
  ASSERT(3, p.x);
  ASSERT(4, p.y);
  ASSERT(8, sizeof(struct point));
  struct point q = p;
  q.x = 10;
  ASSERT(3, p.x);
  ASSERT(10, q.x);
  p = q;
  ASSERT(10, p.x);
  struct point m = make(5, 6);
  ASSERT(11, m.x + m.y);
  ASSERT(7, make(7, 8).x);
  struct rect r = {{1, 2}, {4, 6}, 'r'};
  ASSERT(12, area(r));
  ASSERT(20, sizeof(struct rect));
  ASSERT('r', r.tag);
  move(&r.a, 2);
  ASSERT(3, r.a.x);
  struct point *pp = &r.b;
  ASSERT(6, pp->y);
  union word w;
  w.i = 0x01020304;
  ASSERT(4, w.bytes[0]);
  ASSERT(1, w.bytes[3]);
  ASSERT(4, sizeof(union word));
  struct with_anon a;
  a.as_int = 65;
  ASSERT(65, a.as_char);
  a.lo = 1;
  a.hi = 2;
  ASSERT(2, a.hi);
  ASSERT(12, sizeof(struct with_anon));
  node n3 = {3, 0}, n2 = {2, &n3}, n1 = {1, &n2};
  ASSERT(6, list_sum(&n1));
  ASSERT(0, origin.x);
  ASSERT(1, unit.b.y);
  ASSERT('u', unit.tag);
  struct point designated = {.y = 9};
  ASSERT(0, designated.x);
  ASSERT(9, designated.y);
  struct point arr[3] = {{1, 2}, [2] = {5, 6}};
  ASSERT(2, arr[0].y);
  ASSERT(0, arr[1].x);
  ASSERT(5, arr[2].x);
  struct point lit = (struct point){7, 8};
  ASSERT(15, lit.x + lit.y);
  return DONE();
}
