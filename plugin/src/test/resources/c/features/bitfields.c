// Bit-fields: layout (sizeof, alignment, offsets of neighbouring members), reads with sign
// and zero extension, writes that keep the neighbours, compound assignment, ++/--,
// initializers (positional, designated, static), struct copy, promotion. No `long`: its
// size differs between gcc's LP64 and wasm32.
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include "test.h"

struct A { char c; int x:8; };
struct B { char a; int :0; char b; };
struct C { int a:3; int b:30; char c; };
struct D { short a:4; char b; short c:12; };
struct E { char a:3; char b:6; char c:7; };
struct F { unsigned long long a:40; unsigned long long b:30; int c; };
struct G { char a; long long b:20; };
struct H { char a; int :5; char b; };
struct I { char a; long long :0; char b; };
union U { int a:3; char b; };
union V { char b; int :20; };
struct J { _Bool a:1; _Bool b:1; unsigned c:30; unsigned d:3; };
struct K { char a; short b:9; short c:9; };
struct L { int a:1; long long b:63; };
struct M { unsigned char lo:4, hi:4; signed char s:3; unsigned short u:11; };
struct N { int before; struct { unsigned x:5; int y:7; }; int after; };
struct P { int flags:4; struct A inner; unsigned tail:28; };

#define LAYOUT(T) printf("%-10s size %2d align %d\n", #T, (int)sizeof(T), (int)_Alignof(T))

static struct C sc = {-3, 123456789, 'z'};
static struct J sj = {.d = 5, .a = 1, .c = 1000000};
static struct E se[2] = {{1, 2, 3}, {-1, -2, -3}};
static struct N sn = {1, {31, -64}, 2};

static int bump(struct M *m) { return ++m->hi; }

static struct C make(int a, int b) {
  struct C c = {a, b, 'q'};
  return c;
}

static void dump(const void *p, int n) {
  const unsigned char *b = p;
  for (int i = 0; i < n; i++) printf("%02x", b[i]);
  printf("\n");
}

int main(void) {
  LAYOUT(struct A); LAYOUT(struct B); LAYOUT(struct C); LAYOUT(struct D); LAYOUT(struct E);
  LAYOUT(struct F); LAYOUT(struct G); LAYOUT(struct H); LAYOUT(struct I); LAYOUT(union U);
  LAYOUT(union V); LAYOUT(struct J); LAYOUT(struct K); LAYOUT(struct L); LAYOUT(struct M);
  LAYOUT(struct N); LAYOUT(struct P);
  printf("offsets %d %d %d %d %d %d %d %d %d\n", (int)offsetof(struct A, c), (int)offsetof(struct B, b),
         (int)offsetof(struct C, c), (int)offsetof(struct D, b), (int)offsetof(struct F, c),
         (int)offsetof(struct H, b), (int)offsetof(struct I, b), (int)offsetof(struct N, after),
         (int)offsetof(struct P, inner));

  // reads: sign extension of signed fields, zero extension of unsigned ones
  struct C c;
  memset(&c, 0xFF, sizeof c);
  ASSERT(-1, c.a);
  ASSERT(-1, c.b);
  c.a = 3;
  ASSERT(3, c.a);
  c.a = 4; // out of range: keeps the low 3 bits, read back as -4
  ASSERT(-4, c.a);
  ASSERT(-1, c.b);
  c.b = 536870911;
  ASSERT(536870911, c.b);
  c.b = -536870912;
  ASSERT(-536870912, c.b);
  ASSERT(-4, c.a);
  ASSERT(-1, c.c);
  dump(&c, sizeof c);

  struct M m;
  memset(&m, 0, sizeof m);
  m.lo = 9;
  m.hi = 17; // 17 & 15
  m.s = 5;   // -3
  m.u = 2047;
  ASSERT(9, m.lo);
  ASSERT(1, m.hi);
  ASSERT(-3, m.s);
  ASSERT(2047, m.u);
  m.u++;
  ASSERT(0, m.u);
  ASSERT(-3, m.s);
  m.u--;
  ASSERT(2047, m.u);
  ASSERT(2, bump(&m));
  ASSERT(2, m.hi);
  ASSERT(9, m.lo);
  dump(&m, sizeof m);

  // the value of an assignment is the field's new value
  int v = (m.lo = 100);
  ASSERT(4, v);
  v = (m.s = 7);
  ASSERT(-1, v);
  ASSERT(-1, (m.s = 255));
  ASSERT(0, m.s++ + 1);
  ASSERT(0, m.s);
  ASSERT(-1, --m.s);
  ASSERT(-2, m.s -= 1);
  ASSERT(3, m.s += 5); // -2 + 5 = 3
  ASSERT(-4, m.s += 1); // 4 wraps to -4
  ASSERT(-4, m.s--); // the old value; -5 wraps to 3
  ASSERT(3, m.s);

  // compound assignment in every operator
  struct J j = {0};
  j.c = 1000;
  j.c *= 1000;
  ASSERT(1000000, j.c);
  j.c <<= 10;
  printf("j.c %u\n", (unsigned)j.c);
  j.c >>= 3;
  printf("j.c %u\n", (unsigned)j.c);
  j.c |= 7;
  j.c &= ~2u;
  j.c ^= 0x3000;
  j.c /= 3;
  j.c %= 100000;
  j.c -= 100001; // wraps in 30 bits
  printf("j.c %u\n", (unsigned)j.c);
  j.d = 6;
  j.d += 3;
  ASSERT(1, j.d);
  j.a = 2; // a _Bool field stores a truth value
  ASSERT(1, j.a);
  j.b = 0.5;
  ASSERT(1, j.b);
  j.a += 1;
  ASSERT(1, j.a);
  j.a--;
  ASSERT(0, j.a);
  j.a--;
  ASSERT(1, j.a);
  dump(&j, sizeof j);

  // promotion: an unsigned field narrower than int is an int
  struct J k = {0, 0, 5, 1};
  ASSERT(1, k.c - 10 < 0);
  ASSERT(1, k.d - 2 < 0);
  ASSERT(4, (int)sizeof(k.c + 0));
  printf("%d %d\n", k.c - 10, -k.d);

  // long long fields
  struct F f = {0};
  f.a = 0xFFFFFFFFFFull; // all 40 bits
  f.b = 0x3FFFFFFF;
  f.c = -7;
  printf("%llx %llx %d\n", (unsigned long long)f.a, (unsigned long long)f.b, f.c);
  f.a += 2; // wraps to 1
  f.b = 12345;
  printf("%llu %llu\n", (unsigned long long)f.a, (unsigned long long)f.b);
  dump(&f, sizeof f);
  struct { unsigned long long w:32; long long s:32; } w32 = {0xFFFFFFFFu, -1};
  printf("%llu %lld\n", (unsigned long long)(w32.w + 1), (long long)(w32.s + 1)); // int arithmetic
  struct G g = {1, -1};
  ASSERT(-1, g.b);
  g.b = 0x7FFFF;
  ASSERT(0x7FFFF, g.b);
  g.b++;
  ASSERT(-0x80000, g.b);
  struct L l = {-1, -5};
  ASSERT(-1, l.a);
  ASSERT64(-5, l.b);
  l.b = 0x3FFFFFFFFFFFFFFFll;
  ASSERT64(0x3FFFFFFFFFFFFFFFll, l.b);
  l.b += 1;
  ASSERT64(-0x4000000000000000ll, l.b);
  ASSERT(-1, l.a);

  // struct K: fields of short crossing no unit boundary
  struct K kk;
  memset(&kk, 0, sizeof kk);
  kk.a = 'x';
  kk.b = -256;
  kk.c = 255;
  ASSERT(-256, kk.b);
  ASSERT(255, kk.c);
  ASSERT('x', kk.a);
  dump(&kk, sizeof kk);

  // unions
  union U u;
  u.b = 0x7D; // 0111 1101: a = 101 = -3
  ASSERT(-3, u.a);
  u.a = 2;
  ASSERT(0x7A, u.b);

  // initializers: positional, designated, static, nested anonymous, arrays of structs
  ASSERT(-3, sc.a);
  ASSERT(123456789, sc.b);
  ASSERT('z', sc.c);
  ASSERT(1, sj.a);
  ASSERT(0, sj.b);
  ASSERT(1000000, sj.c);
  ASSERT(5, sj.d);
  printf("se %d %d %d %d %d %d\n", se[0].a, se[0].b, se[0].c, se[1].a, se[1].b, se[1].c);
  ASSERT(31, sn.x);
  ASSERT(-64, sn.y);
  ASSERT(2, sn.after);
  struct N n = {.y = 127, .x = 40, .after = 9};
  ASSERT(8, n.x);
  ASSERT(-1, n.y);
  ASSERT(0, n.before);
  ASSERT(9, n.after);
  n.y += 2;
  ASSERT(1, n.y);
  ASSERT(8, n.x);
  struct P p = {-8, {'a', -128}, 0xFFFFFFF};
  ASSERT(-8, p.flags);
  ASSERT(-128, p.inner.x);
  ASSERT(0xFFFFFFF, p.tail);
  p.inner.x++;
  ASSERT(-127, p.inner.x);
  ASSERT('a', p.inner.c);
  struct E e = {.c = 60, .a = 3};
  printf("e %d %d %d\n", e.a, e.b, e.c);
  dump(&sc, sizeof sc);
  dump(&sj, sizeof sj);
  dump(se, sizeof se);

  // struct copy, assignment, by value
  struct C copy = sc;
  copy.a = 1;
  ASSERT(-3, sc.a);
  ASSERT(1, copy.a);
  ASSERT(123456789, copy.b);
  copy = make(-1, -2);
  ASSERT(-1, copy.a);
  ASSERT(-2, copy.b);
  ASSERT(-2, make(5, -2).b);
  ASSERT(-3, make(5, -2).a);

  // through pointers and array elements
  struct E arr[3] = {{0}};
  struct E *q = arr;
  for (int i = 0; i < 3; i++) {
    q[i].a = i;
    q[i].b = -i;
    q[i].c += i * 20;
  }
  for (int i = 0; i < 3; i++) printf("arr %d %d %d\n", arr[i].a, arr[i].b, arr[i].c);
  (q + 2)->c *= 2;
  ASSERT(-48, arr[2].c); // 80 in 7 bits
  printf("assertions %d\n", assertions);
  return 0;
}
