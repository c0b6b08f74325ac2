#include <stdbool.h>
#include <stdint.h>
#include "test.h"

union value {
  int32_t i;
  uint8_t b[4];
  uint16_t h[2];
};

struct tagged {
  enum { INT, PAIR } kind;
  union {
    int i;
    struct {
      short a, b;
    } pair;
  } u;
};

static int total(struct tagged t) {
  return t.kind == INT ? t.u.i : t.u.pair.a + t.u.pair.b;
}

static bool is_positive(int x) { return x > 0; }

int main(void) {
  union value v;
  v.i = 0x11223344;
  ASSERT(0x44, v.b[0]);
  ASSERT(0x3344, v.h[0]);
  v.b[3] = 0;
  ASSERT(0x223344, v.i);
  struct tagged t = {INT, {.i = 5}};
  ASSERT(5, total(t));
  t.kind = PAIR;
  t.u.pair.a = 3;
  t.u.pair.b = 4;
  ASSERT(7, total(t));
  bool yes = true, no = false;
  ASSERT(1, yes);
  ASSERT(0, no);
  ASSERT(1, is_positive(5));
  ASSERT(0, is_positive(-5));
  bool from_ptr = &v;
  ASSERT(1, from_ptr);
  ASSERT(1, sizeof(bool));
  int8_t small = -128;
  uint64_t large = UINT64_MAX;
  ASSERT(-128, small);
  ASSERT(1, large == 18446744073709551615ULL);
  ASSERT(2147483647, INT32_MAX);
  return DONE();
}
