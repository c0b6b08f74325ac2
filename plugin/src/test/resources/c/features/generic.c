/* C11 _Generic: the type of the controlling expression after lvalue conversion picks the association. */
#include "test.h"

#define NAME(x) _Generic((x), \
    _Bool: "_Bool", char: "char", signed char: "signed char", unsigned char: "unsigned char", \
    short: "short", unsigned short: "unsigned short", int: "int", unsigned: "unsigned", \
    long: "long", unsigned long: "unsigned long", long long: "long long", \
    unsigned long long: "unsigned long long", float: "float", double: "double", \
    char *: "char *", int *: "int *", void *: "void *", int (*)[4]: "int (*)[4]", \
    int (*)(int): "int (*)(int)", struct point: "struct point", struct point *: "struct point *", \
    union number: "union number", default: "other")

struct point { int x, y; };
union number { int i; float f; };
struct flags {
  unsigned narrow : 3; unsigned wide : 32; signed char c : 8; _Bool b : 1; char c3 : 3;
  long long x : 40; unsigned long long y : 64;
};
enum colour { RED, GREEN, BLUE };
enum sign { MINUS = -1, PLUS = 1 };
typedef int myint;
typedef struct point point_t;

static int twice(int v) { return 2 * v; }
static float halff(float v) { return v / 2; }
static double half(double v) { return v / 2; }
#define HALF(v) _Generic((v), float: halff, default: half)(v)

static int kind = _Generic(1.0f, float: 10, default: 20);   /* an integer constant expression */
static const char *static_name = NAME(2.0);

static int calls;
static int bump(void) { return ++calls; }

int main(void) {
  char c = 'a';
  signed char sc = 1;
  unsigned char uc = 2;
  short s = 3;
  unsigned short us = 4;
  long l = 5;
  unsigned long ul = 6;
  long long ll = 7;
  unsigned long long ull = 8;
  float f = 1.5f;
  double d = 2.5;
  _Bool b = 1;
  int a[4] = {1, 2, 3, 4};
  const int ci = 9;
  volatile int vi = 10;
  struct point p = {1, 2};
  point_t *pp = &p;
  union number n;
  struct flags fl = {1, 2, 3};
  enum colour col = GREEN;
  enum sign sg = PLUS;
  void *vp = 0;

  printf("%s %s %s %s\n", NAME(c), NAME(sc), NAME(uc), NAME(b));
  printf("%s %s %s %s\n", NAME(s), NAME(us), NAME(l), NAME(ul));
  printf("%s %s %s %s\n", NAME(ll), NAME(ull), NAME(f), NAME(d));
  printf("%s %s %s %s\n", NAME(1), NAME(1u), NAME(1L), NAME(1UL));
  printf("%s %s %s %s\n", NAME(1LL), NAME(1ULL), NAME(1.0f), NAME(1.0));
  printf("%s %s %s\n", NAME('a'), NAME("text"), NAME(vp));
  /* lvalue conversion: qualifiers dropped, arrays and functions become pointers */
  printf("%s %s %s %s %s\n", NAME(ci), NAME(vi), NAME(a), NAME(&a), NAME(twice));
  printf("%s %s %s %s\n", NAME(p), NAME(pp), NAME(&p), NAME(n));
  printf("%s %s\n", NAME(*pp), NAME(a[1]));
  /* the integer promotions and the usual arithmetic conversions */
  printf("%s %s %s %s\n", NAME(c + c), NAME(-s), NAME(+uc), NAME(~b));
  printf("%s %s %s %s\n", NAME(us * 1u), NAME(l + 1), NAME(ul + l), NAME(ll + 1u));
  printf("%s %s %s %s\n", NAME(f + 1), NAME(f * d), NAME(1 ? f : 1), NAME(1 ? 'a' : c));
  printf("%s %s %s %s\n", NAME((c, s)), NAME(s = 4), NAME(c++), NAME(!d));
  printf("%s %s %s\n", NAME(a + 1), NAME(*a), NAME(sizeof a == 16));
  /* enums are compatible with their underlying type */
  ASSERT(1, _Generic(col, unsigned: 1, int: 2, default: 3));
  ASSERT(2, _Generic(sg, unsigned: 1, int: 2, default: 3));
  ASSERT(2, _Generic(RED, unsigned: 1, int: 2, default: 3));
  /* a bit-field narrower than its type has a type of its own, as in gcc */
  ASSERT(3, _Generic(fl.narrow, unsigned: 1, int: 2, default: 3));
  ASSERT(1, _Generic(fl.wide, unsigned: 1, int: 2, default: 3));
  ASSERT(4, _Generic(fl.c, unsigned: 1, int: 2, signed char: 4, default: 3));
  ASSERT(4, _Generic(fl.narrow + 0, unsigned: 1, int: 4, default: 3));
  ASSERT(1, _Generic(fl.b, _Bool: 1, default: 3));
  ASSERT(3, _Generic(fl.c3, char: 1, int: 2, default: 3));
  ASSERT(3, _Generic(fl.x, long long: 1, default: 3));
  ASSERT(1, _Generic(fl.y, unsigned long long: 1, default: 3));
  /* typedef names denote the same types */
  ASSERT(1, _Generic((myint)0, int: 1, default: 2));
  ASSERT(1, _Generic(p, point_t: 1, default: 2));
  /* default may come first; nothing else matching, it is taken */
  ASSERT(5, _Generic(d, default: 5, float: 6));
  ASSERT(6, _Generic(f, default: 5, float: 6));
  ASSERT(8, _Generic(ci, const int: 7, default: 8));
  ASSERT(9, _Generic(ci, const int: 7, volatile int: 10, int: 9));
  ASSERT(2, _Generic(&c, char *const: 1, char *: 2));
  /* the controlling expression is not evaluated */
  int i = 0;
  ASSERT(0, _Generic(i++, int: i, default: -1));
  ASSERT(0, _Generic(bump(), int: calls, default: -1));
  ASSERT(0, _Generic(a[i++], int: i));
  ASSERT(0, calls);
  /* only the selected association is evaluated */
  ASSERT(1, _Generic(1.0, float: bump(), double: calls + 1, default: bump()));
  ASSERT(0, calls);
  /* the result is the chosen expression: an lvalue stays one */
  _Generic(i, int: i, default: c) = 42;
  ASSERT(42, i);
  *&_Generic(c, char: c, default: i) = 'z';
  ASSERT('z', c);
  _Generic(p, struct point: p).y += 5;
  ASSERT(7, p.y);
  ASSERT(3, _Generic(a, int *: a, default: 0)[2]);
  ASSERT(4, (int)sizeof(_Generic(1, int: a, default: 0)[0]));
  /* a function designator chosen, then called */
  ASSERT(14, _Generic(7, int: twice, default: bump)(7));
  printf("%g %g %g\n", HALF(3.0f), HALF(3.0), HALF(3));
  printf("%s %s %s\n", NAME(HALF(1.0f)), NAME(HALF(1.0)), NAME(HALF(1)));
  /* nested selections, and selections in constant expressions */
  ASSERT(3, _Generic(_Generic(1, int: 1.0f, default: 1.0), float: 3, double: 4));
  switch (2) {
    case _Generic(1L, long: 2, default: 3): ASSERT(1, 1); break;
    default: ASSERT(1, 0);
  }
  int arr[_Generic('x', char: 1, int: 5)];
  ASSERT(20, (int)sizeof arr);
  ASSERT(10, kind);
  printf("%s\n", static_name);
  /* struct, union and pointer-to-function associations */
  ASSERT(2, _Generic(n, struct point: 1, union number: 2));
  ASSERT(1, _Generic(&twice, int (*)(int): 1, default: 2));
  ASSERT(2, _Generic(&half, int (*)(int): 1, double (*)(double): 2, default: 3));
  ASSERT(1, _Generic(vp, void *: 1, int *: 2));
  ASSERT(2, _Generic(&i, void *: 1, int *: 2));
  ASSERT(1, _Generic(&a[0], int *: 1, int (*)[4]: 2));
  ASSERT(3, _Generic("abc", char *: 3, signed char *: 4, unsigned char *: 5));
  return DONE();
}
