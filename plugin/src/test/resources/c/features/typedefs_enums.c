#include "test.h"

typedef int number;
typedef number *number_ptr;
typedef struct {
  number x, y;
} vec;
typedef vec vec_pair[2];
typedef int (*callback)(int);

enum color { RED, GREEN = 5, BLUE, ALPHA = BLUE * 2 };
enum { ANON_A = -3, ANON_B };
typedef enum { SMALL = 1, LARGE = 100 } size_kind;

static int twice(int x) { return 2 * x; }

static int color_value(enum color c) {
  switch (c) {
    case RED: return 1;
    case GREEN: return 2;
    case BLUE: return 3;
    default: return 4;
  }
}

int main(void) {
  number n = 5;
  number_ptr p = &n;
  *p += 1;
  ASSERT(6, n);
  vec v = {1, 2};
  ASSERT(3, v.x + v.y);
  vec_pair pair = {{1, 2}, {3, 4}};
  ASSERT(4, pair[1].y);
  ASSERT(16, sizeof(vec_pair));
  callback cb = twice;
  ASSERT(10, cb(5));
  ASSERT(0, RED);
  ASSERT(5, GREEN);
  ASSERT(6, BLUE);
  ASSERT(12, ALPHA);
  ASSERT(-2, ANON_B);
  enum color c = BLUE;
  ASSERT(3, color_value(c));
  ASSERT(4, color_value(ALPHA));
  size_kind k = LARGE;
  ASSERT(100, k);
  ASSERT(4, sizeof(enum color));
  {
    typedef char number;
    number small = 1;
    ASSERT(1, sizeof(small));
  }
  ASSERT(4, sizeof(number));
  int number_of_things = 3;
  ASSERT(3, number_of_things);
  return DONE();
}
