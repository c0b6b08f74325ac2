// _Generic's controlling expression goes through lvalue conversion: its own qualifiers
// (const, volatile, _Atomic) are dropped, so a qualified association never matches it; an
// enum has its underlying type (unsigned int without negative enumerators), an enumerator int
// or, outside int's range, unsigned int.
#include <stdio.h>

enum pos { A, B };
enum neg { M = -1, N };
enum big { H = 0x80000000u };
struct s { const int m; volatile char v; };

#define KIND(e) _Generic((e), int: "int", unsigned: "unsigned", long: "long", char: "char", \
    int *: "int *", const int *: "const int *", default: "other")

static const int table[2] = {1, 2};

int main(void) {
  const int ci = 1;
  volatile int vi = 2;
  const volatile long cvl = 3;
  int *const cp = 0;
  const int *pc = &ci;
  _Atomic int ai = 4;
  struct s st = {1, 2};
  const char cc = 'x';
  printf("%s %s %s %s %s %s\n", KIND(ci), KIND(vi), KIND(cvl), KIND(cp), KIND(pc), KIND(ai));
  printf("%s %s %s %s\n", KIND(st.m), KIND(st.v), KIND(cc), KIND(+cc));
  printf("%d %d %d\n", _Generic(ci, const int: 1, default: 0), _Generic(vi, volatile int: 1, default: 0),
         _Generic(cp, int *const: 1, default: 0));
  printf("%s %s\n", KIND((const int)ci), KIND(table[1]));
  enum pos p = A;
  enum neg n = M;
  enum big h = H;
  printf("%s %s %s %s %s\n", KIND(p), KIND(n), KIND(h), KIND(A), KIND(H));
  printf("%d %d %d\n", _Generic(p, enum pos: 1, default: 0), _Generic(p, enum neg: 1, default: 0),
         _Generic(n, enum neg: 1, default: 0));
  printf("%d\n", _Generic(&p, unsigned *: 1, int *: 2, default: 0));
  return 0;
}
