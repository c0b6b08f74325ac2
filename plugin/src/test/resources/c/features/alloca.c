// alloca: storage in the caller's frame that lives until the function returns, as gcc's: it
// survives the end of a block, a variable-length array's scope and calls, and a function that
// allocates 1000 bytes, called 2,000 times (2 MB; the stack has less than 128 KiB), does not
// exhaust the stack. <stdlib.h> gives alloca too, as glibc's does in its default, GNU mode.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int sum_digits(int n) {
  char *s = alloca(16);
  sprintf(s, "%d", n);
  int t = 0;
  for (char *p = s; *p; p++) t += *p - '0';
  return t;
}

static long churn(int rounds) {
  long total = 0;
  for (int i = 0; i < rounds; i++) {
    int *a = alloca(1000);
    a[0] = i;
    a[249] = 2 * i;
    total += a[249] - a[0];
    if (i % 4 == 0) break; // the loop's allocations stay until the return
  }
  return total;
}

static int touch(int depth) {
  volatile char pad[256];
  memset((char *)pad, depth, sizeof pad);
  return depth == 0 ? pad[0] : pad[255] + touch(depth - 1);
}

int main(void) {
  char *kept[8];
  for (int i = 0; i < 8; i++) {
    kept[i] = alloca(32); // each in its own block: still alive after the block
    sprintf(kept[i], "item %d", i);
    int n = i + 3;
    {
      int vla[n];
      for (int j = 0; j < n; j++) vla[j] = j * i;
      if (vla[n - 1] != (n - 1) * i) printf("bad vla\n");
    }
  }
  printf("touch %d\n", touch(20)); // calls that use the stack below
  for (int i = 0; i < 8; i++) printf("%s\n", kept[i]);

  long total = 0;
  for (int i = 0; i < 2000; i++) total += sum_digits(i) + churn(3);
  printf("total %ld\n", total);

  int n = 10;
  double *d = alloca(n * sizeof(double));
  for (int i = 0; i < n; i++) d[i] = i * 0.5;
  printf("aligned %d, last %.1f\n", (int)((unsigned long)d % 8), d[n - 1]);
  return 0;
}
