/* #pragma pack as gcc reads it: (n), (), push and pop, bit-fields under each limit. */
#include <stddef.h>
#include <stdio.h>

#pragma pack(push, 1)
struct one { char c; int i; short s; double d; };
struct one_bits { unsigned a : 3; unsigned b : 30; short c : 9; long long d : 40; };
#pragma pack(pop)

#pragma pack(2)
struct two { char c; int i; char e; long long l; };
struct two_bits { char c; unsigned a : 12; unsigned b : 20; int x : 17; };
#pragma pack(4)
struct four { char c; double d; long long l; short s; };
struct four_bits { char c; long long a : 33; unsigned b : 31; };
#pragma pack()
struct natural { char c; double d; };

#pragma pack(push)
#pragma pack(push, 8)
struct eight { char c; double d; };
#pragma pack(pop)
#pragma pack(pop)

struct outer {
  char c;
#pragma pack(push, 1)
  struct inner { char x; int y; } in;
#pragma pack(pop)
  int after;
};

#pragma pack(1)
struct aligned_member { char c; int i __attribute__((aligned(8))); };
#pragma pack()

static struct one_bits b1 = {5, 1000000000u, -200, -123456789012LL};
static struct two_bits b2 = {'q', 4000, 1000000, -65536};

int main(void) {
  printf("one %zu %zu: %zu %zu %zu\n", sizeof(struct one), _Alignof(struct one), offsetof(struct one, i),
      offsetof(struct one, s), offsetof(struct one, d));
  printf("one_bits %zu %zu\n", sizeof(struct one_bits), _Alignof(struct one_bits));
  printf("two %zu %zu: %zu %zu %zu\n", sizeof(struct two), _Alignof(struct two), offsetof(struct two, i),
      offsetof(struct two, e), offsetof(struct two, l));
  printf("two_bits %zu %zu, x at byte <= %zu\n", sizeof(struct two_bits), _Alignof(struct two_bits), sizeof(struct two_bits));
  printf("four %zu %zu: %zu %zu %zu\n", sizeof(struct four), _Alignof(struct four), offsetof(struct four, d),
      offsetof(struct four, l), offsetof(struct four, s));
  printf("four_bits %zu %zu\n", sizeof(struct four_bits), _Alignof(struct four_bits));
  printf("natural %zu %zu, eight %zu %zu\n", sizeof(struct natural), _Alignof(struct natural), sizeof(struct eight),
      _Alignof(struct eight));
  printf("outer %zu: %zu %zu, inner %zu\n", sizeof(struct outer), offsetof(struct outer, in), offsetof(struct outer, after),
      sizeof(struct inner));
  printf("aligned_member %zu %zu %zu\n", sizeof(struct aligned_member), _Alignof(struct aligned_member),
      offsetof(struct aligned_member, i));
  printf("b1 %u %u %d %lld\n", b1.a, b1.b, b1.c, (long long)b1.d);
  printf("b2 %c %u %u %d\n", b2.c, b2.a, b2.b, b2.x);
  struct four_bits f = {'z', -4294967296LL, 2147483647u};
  f.a -= 5;
  f.b >>= 3;
  printf("f %c %lld %u\n", f.c, (long long)f.a, f.b);
  struct one o = {1, 2, 3, 4.5};
  o.i *= 1000;
  printf("o %d %d %d %g\n", o.c, o.i, o.s, o.d);
  return 0;
}
