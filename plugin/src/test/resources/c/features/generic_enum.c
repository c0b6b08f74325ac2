// _Generic tells enum types apart, as gcc does: two different enum types are not compatible,
// and each is compatible with its underlying type (unsigned int when no enumerator is negative,
// else int). The enum type is followed through objects, parameters, typedefs, casts, pointers
// (at every level), dereferences and assignments.
#include "test.h"

enum color { RED, GREEN, BLUE };
enum shape { CIRCLE, SQUARE };
enum sign { MINUS = -1, PLUS = 1 };
typedef enum color color_t;
typedef enum { ANON_A, ANON_B } anon1;
typedef enum { ANON_C } anon2;

#define WHICH(e) _Generic((e), enum color: 1, enum shape: 2, enum sign: 3, anon1: 4, anon2: 5, default: 0)
#define UNDERLYING(e) _Generic((e), unsigned int: 1, int: 2, default: 0)

static int param(enum shape s, color_t c) { return WHICH(s) * 10 + WHICH(c); }

static enum color global_color = BLUE;

int main(void) {
  enum color c = GREEN;
  enum shape s = SQUARE;
  enum sign g = MINUS;
  color_t tc = RED;
  anon1 a1 = ANON_B;
  anon2 a2 = ANON_C;
  enum color *pc = &c;
  enum shape *ps = &s;
  enum color **ppc = &pc;
  const enum color cc = BLUE;

  ASSERT(1, WHICH(c));
  ASSERT(2, WHICH(s));
  ASSERT(3, WHICH(g));
  ASSERT(1, WHICH(tc));
  ASSERT(4, WHICH(a1));
  ASSERT(5, WHICH(a2));
  ASSERT(1, WHICH(global_color));
  ASSERT(1, WHICH(cc));
  ASSERT(1, WHICH(*pc));
  ASSERT(2, WHICH(*ps));
  ASSERT(1, WHICH(**ppc));
  ASSERT(1, WHICH(pc[0]));
  ASSERT(2, WHICH((enum shape)c));
  ASSERT(1, WHICH((color_t)1));
  ASSERT(3, WHICH((enum sign)0));
  ASSERT(2, WHICH(s = CIRCLE));
  ASSERT(1, WHICH(c += 1));
  ASSERT(1, WHICH(c++));
  ASSERT(2, WHICH((c, s)));
  ASSERT(21, param(s, c));

  // an enumerator is an int (so it matches the one enum type whose underlying type is int);
  // arithmetic promotes
  ASSERT(3, WHICH(RED));
  ASSERT(3, WHICH(g + 0));
  ASSERT(0, WHICH(1.0));
  ASSERT(2, UNDERLYING(RED));
  ASSERT(1, UNDERLYING(c + 0u));

  // an enum type is compatible with its underlying type, both ways
  ASSERT(1, UNDERLYING((enum color)0));
  ASSERT(2, UNDERLYING((enum sign)0));
  ASSERT(1, UNDERLYING(c));
  ASSERT(2, UNDERLYING(g));
  ASSERT(1, _Generic(1u, enum color: 1, default: 0));
  ASSERT(1, _Generic(-1, enum sign: 1, default: 0));
  ASSERT(0, _Generic(1u, enum sign: 1, default: 0));
  ASSERT(0, _Generic((enum color)0, int: 1, default: 0));

  // pointers to enums
  unsigned u = 0;
  unsigned *pu = &u;
  ASSERT(1, _Generic(pc, enum color *: 1, enum shape *: 2, default: 0));
  ASSERT(2, _Generic(ps, enum color *: 1, enum shape *: 2, default: 0));
  ASSERT(1, _Generic(pc, unsigned *: 1, default: 0));
  ASSERT(1, _Generic(pu, enum shape *: 1, default: 0));
  ASSERT(0, _Generic(pc, const enum color *: 1, default: 0));
  ASSERT(1, _Generic(ppc, enum color **: 1, enum shape **: 2, default: 0));
  ASSERT(0, _Generic(ppc, enum shape **: 2, default: 0));
  ASSERT(1, _Generic(&c, enum color *: 1, enum shape *: 2, default: 0));

  printf("%d %d %d %d\n", c, s, g, tc);
  return DONE();
}
