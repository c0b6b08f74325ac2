/* Conditions the lowering fuses into branches (negated comparisons, !x tests) and the same
   with a label between the comparison and the branch (a goto target), where it must not. */
#include <stdio.h>
#include <limits.h>

static const int values[] = {0, 1, -1, INT_MIN, INT_MAX, 32};

static int noinline_id(int x) { return x; }

int main(void) {
  unsigned checksum = 0;
  int n = (int)(sizeof values / sizeof values[0]);
  for (int i = 0; i < n; i++) {
    for (int j = 0; j < n; j++) {
      int a = noinline_id(values[i]), b = noinline_id(values[j]);
      unsigned ua = (unsigned)a, ub = (unsigned)b;
      unsigned bits = 0;
      if (!(a < b)) bits |= 1;
      if (!(a <= b)) bits |= 2;
      if (!(a > b)) bits |= 4;
      if (!(a >= b)) bits |= 8;
      if (!(a == b)) bits |= 16;
      if (!(a != b)) bits |= 32;
      if (!(ua < ub)) bits |= 64;
      if (!(ua <= ub)) bits |= 128;
      if (!(ua > ub)) bits |= 256;
      if (!(ua >= ub)) bits |= 512;
      if (!a) bits |= 1024;
      if (!(a & b)) bits |= 2048;
      bits |= (unsigned)!(a < b) << 12;
      bits |= (unsigned)!(ua > ub) << 13;
      bits |= (unsigned)!((long long)a < (long long)ub) << 14;
      int k = 0;
      while (!(k >= (b & 7))) k++;
      bits |= (unsigned)k << 15;
      /* a label between the comparison and the branch on it */
      int c = a < b;
      if (j & 1) goto test;
      bits ^= 1u << 20;
    test:
      if (!c) bits |= 1u << 21;
      c = !(ua >= ub);
      if (i & 1) goto test2;
      bits ^= 1u << 22;
    test2:
      if (c) bits |= 1u << 23;
      checksum = checksum * 31u + bits;
      if (i == 3 && j == 4) printf("%d %d -> %x\n", a, b, bits);
    }
  }
  printf("checksum %u\n", checksum);
  return 0;
}
