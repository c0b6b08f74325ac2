/*
 * A recursion whose frames would reach the static data: natively the 8 MiB stack holds it;
 * wasm32's 128 KiB cannot, and a frame that would overwrite the globals traps instead
 * (CCompilerTest.aRecursionWhoseFramesWouldReachTheStaticDataTrapsInsteadOfOverwritingIt). Here the
 * recursion stays within the stack, and the data is intact.
 */
#include <string.h>
#include "test.h"

static int table[8000];

static int depth(int n, int max) {
  char pad[240];
  memset(pad, n, sizeof pad);
  if (n >= max) return pad[7];
  return depth(n + 1, max) + pad[n % 240] - (char)n;
}

int main(void) {
  for (int i = 0; i < 8000; i++) table[i] = i;
  ASSERT(20, depth(0, 20));
  long sum = 0;
  for (int i = 0; i < 8000; i++) sum += table[i];
  ASSERT(31996000, (int)sum);
  printf("%d assertions\n", assertions);
  return 0;
}
