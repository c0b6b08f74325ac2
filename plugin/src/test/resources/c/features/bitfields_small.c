// Bit-fields in a program short enough for the transformer (CFeatureTransformerTest): signed
// and unsigned reads, masked writes, compound assignment, ++, an initializer, struct copy.
#include <stdio.h>

struct flags {
  unsigned ready : 1;
  signed level : 3;
  unsigned count : 5;
  char tag;
  unsigned long long wide : 40;
};

static void put(int v) {
  if (v < 0) {
    putchar('-');
    v = -v;
  }
  if (v >= 10) put(v / 10);
  putchar('0' + v % 10);
}

// status: 3
int main(void) {
  struct flags f = {1, -2, 30, 'x', 0xFFFFFFFFFFull};
  struct flags g = f;
  g.level += 5;  // 3
  g.count++;     // 31
  g.count += 3;  // 34 & 31 = 2
  g.ready = 2;   // low bit: 0
  g.wide += 1;   // wraps to 0
  put(f.ready); putchar(' ');
  put(f.level); putchar(' ');
  put(f.count); putchar(' ');
  put(g.ready); putchar(' ');
  put(g.level); putchar(' ');
  put(g.count); putchar(' ');
  put((int)g.wide); putchar(' ');
  put(g.tag); putchar(' ');
  put((int)sizeof f);
  putchar('\n');
  return g.level;
}
